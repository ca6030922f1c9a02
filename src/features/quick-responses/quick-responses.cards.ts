import { adaptiveCard, container, heading, notice, text, type AdaptiveCard, type CardElement } from '../../shared/cards';
import { executeAction, fieldError, textInput } from '../../shared/form-parts';
import { dispositionValue, PICKABLE_DISPOSITIONS } from '../notes/dispositions';
import type { QuickResponseFormView } from './quick-responses.service';
import { QUICK_RESPONSE_LIMITS, QUICK_RESPONSE_VERBS, type QuickResponse } from './quick-responses.schemas';

const clip = (value: string, max: number) => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

function row(q: QuickResponse): CardElement {
  const status = q.active ? '' : ' · retired';
  return container(
    [
      text(`**${q.title}**${status}`, { color: q.active ? 'Default' : 'Light' }),
      text(clip(q.resolution, 140), { isSubtle: true, size: 'Small', spacing: 'None' }),
      text(`Last changed by ${q.updatedBy.name}`, { isSubtle: true, size: 'Small', spacing: 'None' }),
      {
        type: 'ActionSet',
        actions: [
          executeAction('Edit', QUICK_RESPONSE_VERBS.edit, { id: q.id }),
          executeAction(q.active ? 'Retire' : 'Bring back', QUICK_RESPONSE_VERBS.retire, { id: q.id, active: !q.active }),
        ],
      },
    ],
    { separator: true, spacing: 'Medium' },
  );
}

/** The mentors' list: each quick response with Edit and Retire (or Bring back), and Add. */
export function quickResponsesListCard(all: QuickResponse[], message?: string): AdaptiveCard {
  const active = all.filter((q) => q.active).length;
  const body: CardElement[] = [
    ...heading('Quick responses', `${active} offered to agents in the note form${all.length > active ? `, ${all.length - active} retired` : ''}.`),
    ...(message ? [notice(message, 'good')] : []),
    ...(all.length ? all.map(row) : [text('There are none yet. Add the first one.', { isSubtle: true })]),
  ];
  return adaptiveCard(body, [executeAction('Add a quick response', QUICK_RESPONSE_VERBS.edit, {})]);
}

/** Add or edit one: title, the 4E texts it fills in, and the disposition it usually takes. */
export function quickResponseFormCard(view: QuickResponseFormView): AdaptiveCard {
  const { values, errors } = view;
  const multiline = (id: 'reason' | 'resolution' | 'followUp', label: string, placeholder: string) => ({ ...textInput(id, label, { value: values[id], maxLength: QUICK_RESPONSE_LIMITS[id], placeholder }), isMultiline: true });
  const choices = PICKABLE_DISPOSITIONS.map((d) => ({ title: dispositionValue(d), value: dispositionValue(d) }));
  const body: CardElement[] = [
    ...heading(view.etag ? 'Edit quick response' : 'New quick response', 'Agents pick it in the note form; it fills the reason, resolution, follow-up and disposition. Use [brackets] for what the agent must fill in.'),
    ...(view.notice ? [notice(view.notice, 'warning')] : []),
    textInput('title', 'Title', { value: values.title, maxLength: QUICK_RESPONSE_LIMITS.title, placeholder: 'Promise to pay' }),
    ...fieldError(errors.title),
    multiline('reason', 'Reason', 'Past-due balance of $[amount] on unit [unit].'),
    multiline('resolution', 'Resolution', 'CT promised to pay $[amount] on [date]…'),
    ...fieldError(errors.resolution),
    multiline('followUp', 'Follow-up', 'N/A'),
    { type: 'Input.ChoiceSet', id: 'disposition', label: 'Disposition (optional)', style: 'filtered', placeholder: 'Type to filter', choices, value: values.disposition },
    ...fieldError(errors.disposition),
  ];
  const data = { id: view.id, ...(view.etag ? { etag: view.etag } : {}) };
  return adaptiveCard(body, [executeAction('Save', QUICK_RESPONSE_VERBS.save, data, 'positive'), { ...executeAction('Cancel', QUICK_RESPONSE_VERBS.list, {}), associatedInputs: 'none' }]);
}
