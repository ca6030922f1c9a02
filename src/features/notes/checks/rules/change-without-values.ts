import { excerptOfMatch } from '../excerpt';
import type { NoteCheckRule, NoteFinding } from '../note-check.types';
import { fieldSentences } from '../text';

const ID = 'change-without-values';

const VERBS = String.raw`(?:changed|updated|replaced|corrected|edited|modified|switched|swapped|amended|fixed)`;
const FILLER = String.raw`(?:the|his|her|their|its|ct['’]s|cx['’]s|customer['’]s|tenant['’]s|account|primary|secondary|mailing|billing|home|cell|mobile|contact|alternate|old|on\s+file)`;
/**
 * What a change must record both sides of. Gate codes, passwords and PINs are left out on purpose:
 * their values must never be written down (the secrets rule blocks them), so "from ... to" cannot apply.
 */
const OBJECTS = `(?:${[
  String.raw`e-?mail(?:\s+address)?`,
  String.raw`phone(?:\s+number)?`,
  String.raw`(?:cell|mobile|contact|callback)\s+number`,
  'number',
  'address',
  String.raw`(?:first\s+|last\s+)?name`,
  String.raw`payment\s+method`,
  String.raw`payment\s+info(?:rmation)?`,
  String.raw`card\s+on\s+file`,
  String.raw`autopay\s+card`,
  'card',
  String.raw`billing\s+date`,
  String.raw`due\s+date`,
  String.raw`(?:alternate|emergency|secondary)\s+contact`,
  String.raw`authorized\s+user`,
  String.raw`contact\s+info(?:rmation)?`,
].join('|')})`;

const ACTIVE = new RegExp(String.raw`\b${VERBS}\s+(?:${FILLER}\s+){0,3}(${OBJECTS})\b`, 'i');
const PASSIVE = new RegExp(String.raw`\b(${OBJECTS})\s+(?:was|were|has\s+been|have\s+been|got|is\s+now)\s+${VERBS}\b`, 'i');
const NEGATED = /\b(?:not|never|no|didn['’]t|wasn['’]t|unable to|couldn['’]t|can['’]t)\s+(?:\w+\s+){0,2}$/i;

/** Ways of writing both the old and the new value in one sentence. */
const BOTH_SIDES = [/\bfrom\b.+\bto\b/i, /\bwas\b.+\bnow\b/i, /\bold\b.+\bnew\b/i, /\S\s*(?:->|→|=>)\s*\S/, /\breplaced\b.+\bwith\b/i, /\bswapped\b.+\bfor\b/i];

/** Rule 4: an account change records what it was and what it is now. */
export const changeWithoutValuesRule: NoteCheckRule = {
  id: ID,
  severity: 'warn',
  summary: 'When you change contact or payment details, write the old and the new value in the same sentence ("from ... to ...").',
  find(draft) {
    return fieldSentences(draft).flatMap(({ field, sentence }): NoteFinding[] => {
      const m = ACTIVE.exec(sentence) ?? PASSIVE.exec(sentence);
      if (!m || NEGATED.test(sentence.slice(0, m.index)) || BOTH_SIDES.some((re) => re.test(sentence))) return [];
      const what = (m[1] ?? 'detail').replace(/\s+/g, ' ').toLowerCase();
      return [{ ruleId: ID, severity: 'warn', field, message: `Say what the ${what} was changed from and to (old value and new value) in this sentence.`, excerpt: excerptOfMatch(sentence, m) }];
    });
  },
};
