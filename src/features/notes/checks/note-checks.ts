import type { NoteCheckRule, NoteDraftText, NoteFinding } from './note-check.types';
import { changeWithoutValuesRule } from './rules/change-without-values';
import { directQuoteRule } from './rules/direct-quote';
import { followUpWithoutTimeRule } from './rules/follow-up-without-time';
import { moneyWithoutAmountRule } from './rules/money-without-amount';
import { requiredFieldsRule } from './rules/required-fields';
import { secretInNoteRule } from './rules/secret-in-note';
import { unprofessionalLanguageRule } from './rules/unprofessional-language';

/** Every check run before an account note is saved, in the order their findings are listed (after blocking ones). */
export const NOTE_CHECK_RULES: readonly NoteCheckRule[] = Object.freeze([
  secretInNoteRule,
  requiredFieldsRule,
  directQuoteRule,
  unprofessionalLanguageRule,
  changeWithoutValuesRule,
  moneyWithoutAmountRule,
  followUpWithoutTimeRule,
]);

/** Runs every rule over a draft note; findings that block the save come first, then the warnings, each in rule order. */
export function checkNote(draft: NoteDraftText, rules: readonly NoteCheckRule[] = NOTE_CHECK_RULES): NoteFinding[] {
  const findings = rules.flatMap((rule) => rule.find(draft));
  return [...findings.filter((f) => f.severity === 'block'), ...findings.filter((f) => f.severity !== 'block')];
}

/** True when at least one finding stops the note from being saved. */
export function hasBlockingFinding(findings: readonly NoteFinding[]): boolean {
  return findings.some((f) => f.severity === 'block');
}

export type { NoteCheckRule, NoteDraftText, NoteFinding } from './note-check.types';
export { redactSecrets } from './secret-patterns';
