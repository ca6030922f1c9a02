import { spanExcerpt } from '../excerpt';
import type { NoteCheckRule, NoteFinding } from '../note-check.types';
import { countWords, filledFields } from '../text';

const ID = 'direct-quote';
const MESSAGE = 'This reads like the customer\'s exact words. Put it in your own words, or tick "customer asked to be quoted" if they did.';

/** Double quotes; a straight one right after a digit is an inch mark ("12\" lock"), not a quote. */
const DOUBLE_QUOTED = /(?<!\d)["“”]([^"“”\n]{1,300})["“”]/g;
/** A single-quoted phrase; an apostrophe inside a word ("don't", "CT's") neither opens nor closes it. */
const SINGLE_QUOTED = /(?<![\p{L}\p{N}])['‘]((?:[^'‘’\n]|(?<=\p{L})['’](?=\p{L})){1,300}?)['’](?![\p{L}\p{N}])/gu;

const SPEAKER = String.raw`\b(?:ct|cx|customer|caller|tenant|client|he|she|they|the (?:customer|caller|tenant|client))`;
const SPEECH_VERB = String.raw`(?:said|says|stated|states|told (?:me|us|the agent|agent)|yelled|screamed|shouted|replied|responded|answered|asked|exclaimed|quoted?|goes|went)`;
/** "CT said", "customer angrily stated:", right before a quote mark. */
const SPEECH_CUE = new RegExp(String.raw`${SPEAKER}\s+(?:\w+\s+)?${SPEECH_VERB}\s*[,:\-–]?\s*$`, 'i');
/** "CT stated: ..." with no quote marks; counted as a quote when it is in the first person. */
const COLON_SPEECH = new RegExp(String.raw`${SPEAKER}\s+(?:\w+\s+)?${SPEECH_VERB}\s*:\s*([^"“”'‘\n][^\n]*)`, 'gi');
const FIRST_PERSON = /^(?:\W*[\w'’]+){0,4}?\W*\b(?:i|i'm|i’m|i'll|i’ll|i've|i’ve|me|my|we|we're|our|us|you|your|you're)\b/i;

/** A quoted name of something on screen or in the process: "the "Make it right" process", clicked "Show more". */
const LABEL_AFTER = /^\s*(?:process|task|disposition|button|field|option|article|tab|menu|status|program|plan|template|category|link|page|section|form|setting|message|error|screen|notification|alert|report|feature|promo(?:tion)?|package|product)s?\b/i;
const LABEL_BEFORE = /\b(?:clicked|click|press(?:ed)?|tap(?:ped)?|select(?:ed)?|chose|choose|picked|under|titled|named|labell?ed|called|disposition|task|article|option|status|tab|button|message|error|reads?|shows?|showing|displays?|displayed)\s*:?\s*$/i;
const SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'with', 'by', 'at', 'from', '-', '&', '/']);
const PRONOUN = /\b(?:i|me|my|we|us|our|you|your)\b/i;

function isTitleCase(inner: string): boolean {
  const words = inner.split(/\s+/).filter((w) => /\p{L}/u.test(w) && !SMALL_WORDS.has(w.toLowerCase()));
  return words.length > 0 && words.every((w) => /^[^\p{L}]*\p{Lu}/u.test(w)) && !PRONOUN.test(inner);
}

function isCustomerQuote(text: string, start: number, end: number, inner: string): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  if (SPEECH_CUE.test(before)) return true;
  if (countWords(inner) < 3) return false;
  if (LABEL_AFTER.test(text.slice(end, end + 30)) || LABEL_BEFORE.test(before)) return false;
  return !isTitleCase(inner);
}

function quotesIn(text: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  const overlaps = (s: number, e: number) => found.some((f) => s < f.end && e > f.start);
  for (const re of [DOUBLE_QUOTED, SINGLE_QUOTED]) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!overlaps(start, end) && isCustomerQuote(text, start, end, m[1] ?? '')) found.push({ start, end });
    }
  }
  for (const m of text.matchAll(COLON_SPEECH)) {
    const said = m[1] ?? '';
    const start = m.index + m[0].length - said.length;
    if (FIRST_PERSON.test(said) && !overlaps(start, start + said.length)) found.push({ start, end: start + said.length });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Rule 2: customers are described, not quoted, unless they asked to be quoted. */
export const directQuoteRule: NoteCheckRule = {
  id: ID,
  severity: 'warn',
  summary: 'Describe what the customer said in your own words; quote them word for word only when they ask you to (tick the box).',
  find(draft) {
    if (draft.quoteRequested) return [];
    return filledFields(draft).flatMap(({ field, text }) =>
      quotesIn(text).map(
        ({ start, end }): NoteFinding => ({ ruleId: ID, severity: 'warn', field, message: MESSAGE, excerpt: spanExcerpt(text, start, end) }),
      ),
    );
  },
};
