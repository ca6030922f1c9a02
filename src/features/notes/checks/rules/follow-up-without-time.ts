import { excerptOfMatch } from '../excerpt';
import type { NoteCheckRule, NoteFinding } from '../note-check.types';
import { fieldSentences } from '../text';
import { hasTimeFrame } from './time-frame';

const ID = 'follow-up-without-time';
const MESSAGE = 'You noted a callback or follow-up but not when. Add the day, date or window the customer was given (e.g. "by Friday", "within 24 hours").';

const PROMISE = new RegExp(
  String.raw`\b(?:${[
    String.raw`call(?:ing)?[- ]?backs?(?!\s+(?:number|#|phone|no\b))`,
    String.raw`call\s+(?:him|her|them|ct|cx|the\s+(?:customer|tenant|caller))\s+back`,
    String.raw`follow(?:ing)?[- ]?ups?`,
    String.raw`get(?:ting)?\s+back\s+(?:to|with)`,
    String.raw`reach(?:ing)?\s+out`,
    String.raw`(?:will|'ll|’ll|going\s+to|promised\s+to)\s+(?:call|contact|email|text|update|reach)`,
    String.raw`circle\s+back`,
  ].join('|')})\b`,
  'gi',
);
/** "no follow-up needed", "did not promise a callback". */
const NEGATED_BEFORE = /\b(?:no|not|never|nothing\s+to|no\s+need\s+to|don['’]t|doesn['’]t)\s+(?:\w+\s+){0,2}$/i;
const NOTHING_AFTER = /^\s*(?:[:\-–]\s*)?(?:n\/?a\b|none\b|not\s+needed|no\b|nothing\b|needed\s*:\s*no\b)/i;
/** Who promised: a customer term in the same clause and no staff term means the customer will call. */
const CUSTOMER = /\b(?:ct|cx|customer|caller|tenant|client)\b/i;
const STAFF = /\b(?:i|we|us|tl|dm|team\s+lead|supervisor|manager|agent|billing|office|store|location|property|staff|mentor|someone)\b/i;

function customerPromise(before: string): boolean {
  const clause = before.split(/[,;:]|\band\b|\bbut\b/i).pop() ?? '';
  return CUSTOMER.test(clause) && !STAFF.test(clause);
}

/** Rule 6: a promised callback or follow-up says when. */
export const followUpWithoutTimeRule: NoteCheckRule = {
  id: ID,
  severity: 'warn',
  summary: 'A callback or follow-up you promise needs the time frame you gave in the same sentence (a day, a date or "within 24 hours").',
  find(draft) {
    return fieldSentences(draft).flatMap(({ field, sentence }): NoteFinding[] => {
      if (hasTimeFrame(sentence)) return [];
      const m = [...sentence.matchAll(PROMISE)].find((p) => {
        const before = sentence.slice(0, p.index);
        return !NEGATED_BEFORE.test(before) && !NOTHING_AFTER.test(sentence.slice(p.index + p[0].length)) && !customerPromise(before);
      });
      if (!m) return [];
      return [{ ruleId: ID, severity: 'warn', field, message: MESSAGE, excerpt: excerptOfMatch(sentence, m) }];
    });
  },
};
