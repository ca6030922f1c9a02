import { DomainError } from '../../shared/errors';
import type { Person } from '../people/people.schemas';
import { escalationType } from './escalation-types';
import { DECIDED_STATUSES, type DecisionOutcome, type Escalation, type EscalationHistoryEntry, type TitledPersonRef } from './escalations.schemas';

/**
 * What can happen to a request, as pure functions: each takes the request as stored, who does it and
 * when, and gives the request as it should be stored next, or says why nothing changes. Mentors
 * (`mayDecide`) decide or ask for more information, never on their own request; only the requester
 * answers a question. Every change carries the submission id of the card press, so a replay is seen.
 */
export type EscalationChange =
  | { kind: 'decide'; outcome: DecisionOutcome; comment: string; submissionId: string }
  | { kind: 'askInfo'; question: string; submissionId: string }
  | { kind: 'giveInfo'; answer: string; submissionId: string };

export interface EscalationActor {
  person: Person;
  /** True when this person's role lets them decide requests (escalations.decide). */
  mayDecide: boolean;
}

/** `changed`: store `escalation`. `replayed`: this press was already applied. `already_decided`: someone decided first. */
export type ChangeResult = { kind: 'changed' | 'replayed' | 'already_decided'; escalation: Escalation };

export const MAX_COMMENT = 2000;

export function titled(person: Person): TitledPersonRef {
  return { id: person.id, name: person.name, ...(person.title ? { title: person.title } : {}) };
}

export const isDecided = (escalation: Pick<Escalation, 'status'>) => DECIDED_STATUSES.includes(escalation.status);

/** Whether `actor` gets the decision buttons (the server checks again on every press). */
export function mayDecide(escalation: Escalation, actor: EscalationActor): boolean {
  return actor.mayDecide && actor.person.id !== escalation.requester.id && !isDecided(escalation);
}

/** The outcomes a mentor may give a request of this type: approve or reject, or answer or reject. */
export function outcomesFor(escalation: Pick<Escalation, 'typeId'>): DecisionOutcome[] {
  return escalationType(escalation.typeId)?.decides === 'answer' ? ['answered', 'rejected'] : ['approved', 'rejected'];
}

function required(text: string, message: string): string {
  const value = text.trim();
  if (!value) throw new DomainError('invalid_input', message);
  if (value.length > MAX_COMMENT) throw new DomainError('invalid_input', `Keep it to ${MAX_COMMENT.toLocaleString('en-US')} characters or fewer (it has ${value.length}).`);
  return value;
}

/** The question the mentors are waiting on the requester for, when the request needs info. */
export function openQuestion(escalation: Escalation): EscalationHistoryEntry | undefined {
  if (escalation.status !== 'needs_info') return undefined;
  return [...escalation.history].reverse().find((h) => h.action === 'info_requested');
}

/** Applies one change; throws DomainError('forbidden' | 'invalid_input' | 'conflict') when it cannot be made. */
export function applyEscalationChange(escalation: Escalation, change: EscalationChange, actor: EscalationActor, now: Date): ChangeResult {
  if (escalation.history.some((h) => h.submissionId === change.submissionId)) return { kind: 'replayed', escalation };
  const own = actor.person.id === escalation.requester.id;
  if (change.kind !== 'giveInfo') {
    if (!actor.mayDecide) throw new DomainError('forbidden', 'Only mentors can decide requests.');
    if (own) throw new DomainError('forbidden', 'This is your own request, so another mentor has to decide it.');
  } else if (!own) {
    throw new DomainError('forbidden', `Only ${escalation.requester.name}, who made the request, can answer the mentors' question.`);
  }
  if (isDecided(escalation)) return { kind: 'already_decided', escalation };
  const at = now.toISOString();
  const entry = (action: EscalationHistoryEntry['action'], detail: string): EscalationHistoryEntry => ({ at, by: titled(actor.person), action, ...(detail ? { detail } : {}), submissionId: change.submissionId });
  const next = { ...escalation, updatedAt: at };
  switch (change.kind) {
    case 'decide': {
      if (!outcomesFor(escalation).includes(change.outcome)) throw new DomainError('invalid_input', 'That decision does not fit this request. Open it again, please.');
      const comment = change.outcome === 'approved' ? change.comment.trim().slice(0, MAX_COMMENT) : required(change.comment, change.outcome === 'answered' ? 'Write the answer first.' : 'Say why it is rejected.');
      const decision = { outcome: change.outcome, by: titled(actor.person), at, comment };
      return { kind: 'changed', escalation: { ...next, status: change.outcome, decision, history: [...escalation.history, entry(change.outcome, comment)] } };
    }
    case 'askInfo': {
      if (escalation.status === 'needs_info') throw new DomainError('conflict', `The mentors are already waiting for ${escalation.requester.name}'s answer to: "${openQuestion(escalation)?.detail ?? ''}"`);
      const question = required(change.question, 'Write what you need to know.');
      return { kind: 'changed', escalation: { ...next, status: 'needs_info', history: [...escalation.history, entry('info_requested', question)] } };
    }
    case 'giveInfo': {
      if (escalation.status !== 'needs_info') throw new DomainError('conflict', 'The mentors are not waiting for an answer from you on this request.');
      const answer = required(change.answer, 'Write your answer first.');
      return { kind: 'changed', escalation: { ...next, status: 'open', waitingSince: at, slaFrom: at, history: [...escalation.history, entry('info_given', answer)] } };
    }
  }
}
