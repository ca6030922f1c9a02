import { adaptiveCard, facts, heading, notice, text, type AdaptiveCard, type CardElement } from '../../../shared/cards';
import { openAccountAction, type CustomerCardAction } from '../cards/constants';
import { executeAction, fieldError, submitAction, textInput } from '../../../shared/form-parts';
import type { VerifyFormView, VerifyResultView } from './verify.service';
import { FIELD_MAX, IDENTIFIER_KINDS, IDENTIFIER_LABELS, VERIFY_VERBS, type IdentifierCheck, type IdentifierKind } from './verify.schemas';

const INPUTS: Record<IdentifierKind, { label: string; placeholder: string; style?: 'Tel' | 'Email' }> = {
  idNumber: { label: 'Full ID number', placeholder: 'The whole number on their ID' },
  phone: { label: 'Phone', placeholder: '(503) 555-0134', style: 'Tel' },
  email: { label: 'Email', placeholder: 'name@example.com', style: 'Email' },
  unit: { label: 'Unit', placeholder: 'B112' },
};

/** The customer card's "Verify caller" button: shows the form as a new message, so the customer card stays. */
export function verifyCallerAction(accountId: string): CustomerCardAction {
  return submitAction('Verify caller', VERIFY_VERBS.open, { accountId });
}

/** The form: what the caller says (all optional, at least one), with any problems next to the fields. */
export function verifyFormCard(view: VerifyFormView): AdaptiveCard {
  const inputs: CardElement[] = IDENTIFIER_KINDS.flatMap((kind) => [
    textInput(kind, INPUTS[kind].label, { value: view.values[kind], maxLength: FIELD_MAX[kind], placeholder: INPUTS[kind].placeholder, style: INPUTS[kind].style }),
    ...fieldError(view.errors[kind]),
  ]);
  const body: CardElement[] = [
    ...heading('Verify caller', `${view.name} · ID ${view.maskedId}`),
    ...(view.errors.form ? [notice(view.errors.form, 'attention')] : []),
    text('Type what the caller tells you; fill in at least one. Deskmate answers only "match" or "no match" and never shows what is on file.', { isSubtle: true, size: 'Small' }),
    ...inputs,
  ];
  const check = executeAction('Check', VERIFY_VERBS.submit, { accountId: view.accountId, submissionId: view.submissionId }, 'positive');
  return adaptiveCard(body, [check]);
}

function resultText(check: IdentifierCheck): string {
  const mark = check.result === 'match' ? '✔ Match' : '✘ No match';
  return check.basis === 'last3' ? `${mark} (last 3 digits only)` : mark;
}

/** The answer: per identifier only whether it matched, what to do next, and that it was recorded. */
export function verifyResultCard(view: VerifyResultView): AdaptiveCard {
  const { record } = view;
  const body: CardElement[] = [
    ...heading('Caller verification', `${view.name} · ID ${view.maskedId}`),
    notice(record.verified ? 'Caller verified' : 'Caller not verified', record.verified ? 'good' : 'warning'),
    facts(record.checks.map((c): [string, string] => [IDENTIFIER_LABELS[c.kind], resultText(c)])),
    ...view.guidance.map((line) => text(line, { spacing: 'Small' })),
    text('Recorded in the account notes: what was checked and the results, never the values.', { isSubtle: true, size: 'Small', spacing: 'Medium' }),
  ];
  return adaptiveCard(body, [
    executeAction('Check another identifier', VERIFY_VERBS.open, { accountId: view.accountId }),
    openAccountAction(view.accountId),
  ]);
}
