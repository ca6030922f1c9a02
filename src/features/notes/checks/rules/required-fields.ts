import type { NoteCheckRule, NoteFinding, NoteTextField } from '../note-check.types';

/** Text that only stands in for an answer: "n/a", "-", ".", "none", "tbd", "?". */
const PLACEHOLDER = /^(?:n\/?a|none|nil|null|nothing|tbd|tba|x+|idk|same|see above|\?+)$/i;

/** True when a field says nothing: empty, only spaces or punctuation, or a placeholder. */
export function isBlankOrPlaceholder(text: string): boolean {
  const core = text.trim().replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, '');
  if (core === '') return true;
  return PLACEHOLDER.test(text.trim().replace(/[.!]+$/, '')) || PLACEHOLDER.test(core);
}

const REQUIRED: { field: NoteTextField; message: string }[] = [
  { field: 'reason', message: 'Reason is empty: say why the customer called or why we contacted them.' },
  { field: 'resolution', message: 'Resolution is empty: say what you did, what you offered and what the customer decided.' },
];

const ID = 'required-fields';

/** Rule 1: the two parts every note must have. */
export const requiredFieldsRule: NoteCheckRule = {
  id: ID,
  severity: 'warn',
  summary: 'Every note needs a real Reason (why they called) and Resolution (what was done); "n/a" or "-" does not count.',
  find(draft) {
    return REQUIRED.filter(({ field }) => isBlankOrPlaceholder(draft[field] ?? '')).map(
      ({ field, message }): NoteFinding => ({ ruleId: ID, severity: 'warn', field, message }),
    );
  },
};
