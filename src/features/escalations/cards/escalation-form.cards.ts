import { adaptiveCard, heading, notice, text, type AdaptiveCard, type CardAction, type CardElement } from '../../../shared/cards';
import { executeAction, fieldError, typedFieldInput } from '../../../shared/form-parts';
import type { EscalationFormView } from '../escalation-form';
import type { EscalationType } from '../escalations.schemas';
import { ESCALATION_VERBS } from '../escalations.verbs';

/** "Request approval" for the customer card: the type picker replaces the card (Action.Execute). */
export function requestApprovalAction(accountId: string): CardAction {
  return { type: 'Action.Execute', title: 'Request approval', verb: ESCALATION_VERBS.pick, data: { accountId } };
}

/** Step one: what to ask the mentors for. */
export function escalationTypePickerCard(account: { id: string; name: string; maskedId: string }, types: readonly EscalationType[], cancel: CardAction): AdaptiveCard {
  const body: CardElement[] = [
    ...heading('Ask the mentors', `${account.name} · ID ${account.maskedId}`),
    { type: 'Input.ChoiceSet', id: 'typeId', label: 'What do you need?', style: 'expanded', choices: types.map((t) => ({ title: t.name, value: t.id })), isRequired: true, errorMessage: 'Pick what you need.' },
    ...types.map((t) => text(`**${t.name}**: ${t.use}`, { size: 'Small', isSubtle: true, spacing: 'None' })),
  ];
  return adaptiveCard(body, [executeAction('Next', ESCALATION_VERBS.form, { accountId: account.id }, 'positive'), cancel]);
}

/** Step two: the type's fields and the unit; "Send to the mentors" posts it to their channel. */
export function escalationFormCard(view: EscalationFormView, back: CardAction): AdaptiveCard {
  const { type, values, errors, account } = view;
  const unit: CardElement[] = account.units.length === 1
    ? [text(`About ${account.units[0]!.label}`), { type: 'Input.Text', id: 'unitId', value: account.units[0]!.id, isVisible: false }]
    : [{ type: 'Input.ChoiceSet', id: 'unitId', label: 'Which unit', style: 'compact', value: values.unitId, choices: account.units.map((u) => ({ title: u.label, value: u.id })) }];
  const body: CardElement[] = [
    ...heading(type.name, `${account.name} · ID ${account.maskedId}`),
    ...(type.hint ? [text(type.hint, { isSubtle: true, size: 'Small' })] : []),
    ...(Object.keys(errors).length ? [notice('Some fields need a look before the request can be sent.', 'warning')] : []),
    ...unit,
    ...fieldError(errors.unitId),
    ...type.fields.flatMap((f) => [typedFieldInput(f, values.fields[f.id] ?? '', view.today), ...fieldError(errors[`f_${f.id}`])]),
  ];
  const send = executeAction('Send to the mentors', ESCALATION_VERBS.create, { accountId: account.id, typeId: type.id, submissionId: view.submissionId }, 'positive');
  return adaptiveCard(body, [send, back]);
}
