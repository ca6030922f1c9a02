import { adaptiveCard, container, heading, text, type AdaptiveCard, type CardAction, type CardElement } from '../../../shared/cards';
import { executeAction } from '../../../shared/form-parts';
import { requestHeadline } from '../escalation-note';
import type { Escalation } from '../escalations.schemas';
import { ESCALATION_VERBS } from '../escalations.verbs';
import { clip, when } from './format';

function row(escalation: Escalation, timeZone: string): CardElement {
  const about = escalation.account ? `${escalation.account.name} · ID ${escalation.account.maskedId}` : `"${clip(String(escalation.fields.question ?? ''), 120)}"`;
  return container(
    [
      text(`**${escalation.account ? requestHeadline(escalation) : escalation.typeName}** · ${escalation.typeName}`),
      text(`${about} · asked by ${escalation.requester.name} · waiting since ${when(escalation.waitingSince, timeZone)}`, { isSubtle: true, size: 'Small', spacing: 'None' }),
      { type: 'ActionSet', actions: [executeAction('Open', ESCALATION_VERBS.view, { accountId: escalation.accountId, escalationId: escalation.id })] },
    ],
    { separator: true, spacing: 'Small' },
  );
}

/** A page of the mentors' queue (requests waiting for a mentor, oldest first), with "Show more". */
export function escalationQueueCard(escalations: Escalation[], continuation: string | undefined, timeZone: string, first: boolean): AdaptiveCard {
  const body: CardElement[] = [
    ...heading(first ? 'Requests waiting for a mentor' : 'More requests waiting for a mentor', 'Oldest first.'),
    ...(escalations.length ? escalations.map((e) => row(e, timeZone)) : [text(first ? 'Nothing is waiting. Nice.' : 'No more requests.', { isSubtle: true })]),
  ];
  const actions: CardAction[] = continuation ? [executeAction('Show more', ESCALATION_VERBS.more, { continuation })] : [];
  return adaptiveCard(body, actions);
}
