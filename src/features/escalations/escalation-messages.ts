import type { EscalationCardOptions } from './cards/escalation.card';
import { when } from './cards/format';
import { titledName } from './escalation-note';
import type { Escalation } from './escalations.schemas';
import type { ChangeOutcome, PostResult } from './escalations.service';

type Message = NonNullable<EscalationCardOptions['message']>;

const VERB = { approved: 'Approved', rejected: 'Rejected', answered: 'Answered' } as const;

function notPosted(reason: string): string {
  return reason === 'not_linked' ? 'no chat is linked for them yet' : 'Teams did not take the message';
}

/** What the requester reads after sending a request (or a KB question). */
export function createdMessage(outcome: { replayed: boolean; posted?: PostResult }, kb = false): Message {
  const what = kb ? 'Your question was recorded' : 'Your request was recorded';
  if (outcome.replayed) return { text: `${what} earlier and is with the mentors; nothing new was sent.`, style: 'accent' };
  if (outcome.posted && !outcome.posted.posted) {
    return { text: `${what}, but it could not be posted to the mentors' channel (${notPosted(outcome.posted.reason)}). Ask in the mentors' Teams chat too.`, style: 'attention' };
  }
  return { text: `${what} and sent to the mentors. This card shows their answer, and Deskmate tells you in your chat.`, style: 'good' };
}

/** What the mentor or the requester reads after pressing a button on the request card. */
export function changeMessage(outcome: ChangeOutcome, timeZone: string): Message {
  const e: Escalation = outcome.escalation;
  if (outcome.result === 'already_decided' && e.decision) {
    return { text: `Already decided: ${VERB[e.decision.outcome].toLowerCase()} by ${titledName(e.decision.by)} on ${when(e.decision.at, timeZone)}. Nothing was changed.`, style: 'warning' };
  }
  if (outcome.result === 'replayed') return { text: 'That was already recorded; nothing new was saved.', style: 'accent' };
  const told = outcome.told
    ? outcome.told.posted ? ` ${e.requester.name} was told in their chat with Deskmate.` : ` ${e.requester.name} could not be told in Teams (${outcome.told.reason === 'not_linked' ? 'they have not chatted with Deskmate yet' : 'Teams did not take the message'}); tell them another way.`
    : '';
  if (e.status === 'needs_info') return { text: `Your question was sent to ${e.requester.name}.${told}`, style: 'good' };
  if (e.status === 'open') return { text: 'Sent to the mentors. The request is open again.', style: 'good' };
  const d = e.decision!;
  const noted = outcome.noted === true ? ' A note is on the account.' : outcome.noted === false ? ' The account note could not be written; add it by hand.' : '';
  const kb = d.kb ? ('entryId' in d.kb ? ' Added to the KB.' : ` Not added to the KB: ${d.kb.skipped}`) : '';
  return { text: `${VERB[d.outcome]}.${told}${noted}${kb}`, style: d.kb && 'skipped' in d.kb ? 'warning' : 'good' };
}
