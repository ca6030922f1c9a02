import { excerptOfMatch } from '../excerpt';
import type { NoteCheckRule, NoteFinding } from '../note-check.types';
import { fieldSentences } from '../text';

const ID = 'money-without-amount';

/** A money event, named. "credit card" and "free of charge" are not money events. */
const MONEY = /\b(?:(refund)(?:s|ed)?|(credit)(?:s|ed)?(?!\s+(?:card|union|check|report))|(charge)(?:s|d)?(?<!free of charge)|(discount)(?:s|ed)?|(waive)(?:s|d)?|(waiver)|(payment)s?|(paid)|(prorat)(?:e|ed|ion))\b/i;
const NOUN: Record<number, string> = { 1: 'refund', 2: 'credit', 3: 'charge', 4: 'discount', 5: 'fee waiver', 6: 'fee waiver', 7: 'payment', 8: 'payment', 9: 'proration' };

/** The agent (or the customer, with us) actually moved money, as opposed to asking or explaining. */
const ACTION = /\b(?:issued?|process(?:ed)?|submit(?:ted)?|appl(?:y|ied)|posted|gave|given|offered|approved|took|taken|ran|made|added|waived|refunded|credited|charged|paid|reversed|discounted|comped|set\s*up|scheduled|authorized|collected|received|accepted)\b/gi;
const NEGATION_BEFORE = /\b(?:not|no|never|cannot|can['’]t|couldn['’]t|won['’]t|didn['’]t|wasn['’]t|unable to|declined|denied|refused)\s+(?:\w+\s+){0,2}$/i;

/** "$12", "12.50", "12 dollars", "15%", "first month free", "free of charge". */
const AMOUNT = new RegExp(
  [
    String.raw`\$\s?\d`,
    String.raw`\b\d{1,3}(?:,\d{3})*\.\d{2}\b`,
    String.raw`\b\d+(?:\.\d+)?\s?(?:dollars?|usd|bucks|cents?)\b`,
    String.raw`\b[a-z]+(?:-[a-z]+)?\s+dollars?\b`,
    String.raw`\b\d+(?:\.\d+)?\s?(?:%|percent\b)`,
    String.raw`\b(?:free\s+of\s+charge|no\s+charge|at\s+no\s+cost|free\s+months?)\b`,
    String.raw`\b(?:one|two|three|first|second|\d)\s+months?(?:['’]s)?\s+(?:rent\s+)?free\b`,
  ].join('|'),
  'i',
);

function acted(sentence: string): boolean {
  return [...sentence.matchAll(ACTION)].some((m) => !NEGATION_BEFORE.test(sentence.slice(0, m.index)));
}

/**
 * Rule 5: a refund, credit, charge, discount, waiver or payment that was made carries its amount.
 * The Reason field is left out: it states the customer's concern, and the amounts belong in the resolution.
 */
export const moneyWithoutAmountRule: NoteCheckRule = {
  id: ID,
  severity: 'warn',
  summary: 'Any refund, credit, charge, discount, fee waiver or payment you note needs its amount in the same sentence (e.g. $25.00).',
  find(draft) {
    return fieldSentences(draft, ['resolution', 'additionalInfo', 'followUp']).flatMap(({ field, sentence }): NoteFinding[] => {
      const m = MONEY.exec(sentence);
      if (!m || AMOUNT.test(sentence) || !acted(sentence)) return [];
      const group = m.findIndex((g, i) => i > 0 && g !== undefined);
      const what = NOUN[group] ?? 'money movement';
      return [{ ruleId: ID, severity: 'warn', field, message: `Add the amount of the ${what} to this sentence (for example $25.00).`, excerpt: excerptOfMatch(sentence, m) }];
    });
  },
};
