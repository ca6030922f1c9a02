import { SYSTEM_DISPOSITIONS } from '../notes/dispositions';
import type { Note } from '../notes/notes.schemas';
import { escalationType, headlineOf, shownValue } from './escalation-types';
import type { Escalation, TitledPersonRef } from './escalations.schemas';

const VERB = { approved: 'approved', rejected: 'rejected', answered: 'answered' } as const;

/** "TL Morgan Mentor": the title (when there is one) and the name. */
export function titledName(person: TitledPersonRef): string {
  return person.title ? `${person.title} ${person.name}` : person.name;
}

/** "Refund of $49.98", or the type's name when the type is no longer in the catalogue. */
export function requestHeadline(escalation: Pick<Escalation, 'typeId' | 'typeName' | 'fields'>): string {
  const type = escalationType(escalation.typeId);
  return type ? headlineOf(type, escalation.fields) : escalation.typeName;
}

/** "Refund of $49.98 approved by TL Morgan Mentor." once decided; undefined before. */
export function decisionSentence(escalation: Escalation): string | undefined {
  const decision = escalation.decision;
  if (!decision) return undefined;
  return `${requestHeadline(escalation)} ${VERB[decision.outcome]} by ${titledName(decision.by)}.`;
}

/**
 * The account note a decided account request writes (one, on the unit it was made for), authored by
 * the mentor who decided: what was asked and why, the decision and its comment.
 */
export function escalationDecisionNote(escalation: Escalation): Note | undefined {
  const { account, decision } = escalation;
  if (!account || !decision) return undefined;
  const type = escalationType(escalation.typeId);
  const asked = Object.entries(escalation.fields)
    .filter(([id]) => id !== 'why')
    .map(([id, value]) => `${type?.fields.find((f) => f.id === id)?.label ?? id}: ${shownValue(type?.fields.find((f) => f.id === id), value)}`)
    .join('; ');
  const why = typeof escalation.fields.why === 'string' ? ` Reason given: ${escalation.fields.why}` : '';
  const infoRounds = escalation.history.filter((h) => h.action === 'info_requested').length;
  return {
    id: `${escalation.id}:decided`,
    accountId: account.id,
    unitIds: [account.unitId],
    author: { id: decision.by.id, name: decision.by.name, ...(decision.by.title ? { title: decision.by.title } : {}) },
    createdAt: decision.at,
    caller: { name: account.name, relationship: 'Account holder' },
    reason: `${escalation.requester.name} asked the mentors for: ${escalation.typeName} (${asked}).${why}`.slice(0, 2000),
    resolution: `${decisionSentence(escalation)}${decision.comment ? ` Comment: ${decision.comment}` : ''}`.slice(0, 4000),
    ...(infoRounds ? { additionalInfo: `The mentors asked for more information ${infoRounds === 1 ? 'once' : `${infoRounds} times`} before deciding.` } : {}),
    followUp: decision.outcome === 'approved' ? `${escalation.requester.name} carries out what was approved and tells the customer.` : `${escalation.requester.name} tells the customer.`,
    disposition: SYSTEM_DISPOSITIONS.escalationDecided,
    flags: { urgent: false, collection: false, critical: false },
  };
}
