import { describe, expect, it } from 'vitest';
import { applyEscalationChange, mayDecide, type EscalationActor } from '../../src/features/escalations/escalation-lifecycle';
import { escalationDecisionNote } from '../../src/features/escalations/escalation-note';
import type { Escalation } from '../../src/features/escalations/escalations.schemas';
import type { Person } from '../../src/features/people/people.schemas';
import { SYSTEM_DISPOSITIONS } from '../../src/features/notes/dispositions';

const NOW = new Date('2026-11-24T18:00:00.000Z');
const agent: Person = { id: 'a1', name: 'Avery Agent', roles: ['agent'], locationIds: [], active: true };
const mentor: Person = { id: 'm1', name: 'Morgan Mentor', title: 'TL', roles: ['mentor'], locationIds: [], active: true };
const asAgent: EscalationActor = { person: agent, mayDecide: false };
const asMentor: EscalationActor = { person: mentor, mayDecide: true };

function refund(overrides: Partial<Escalation> = {}): Escalation {
  const at = '2026-11-24T17:00:00.000Z';
  return {
    id: 'sub-1', accountId: '4821907', docType: 'escalation', typeId: 'refund', typeName: 'Refund or credit',
    account: { id: '4821907', name: 'Alexander Erickson', maskedId: '•••907', locationId: 'PDX1', unitId: 'B112' },
    fields: { kind: 'Refund', amount: 4998, why: 'Charged after the move-out.' }, requester: { id: agent.id, name: agent.name }, status: 'open',
    createdAt: at, updatedAt: at, waitingSince: at, slaFrom: at, announcements: 0, history: [{ at, by: { id: agent.id, name: agent.name }, action: 'requested', submissionId: 'sub-1' }], posts: [], ...overrides,
  };
}

describe('escalation lifecycle (pure)', () => {
  it('a mentor approves: the status, the decision with their title, and a history entry carrying the press', () => {
    const result = applyEscalationChange(refund(), { kind: 'decide', outcome: 'approved', comment: ' ok ', submissionId: 'press-1' }, asMentor, NOW);
    expect(result.kind).toBe('changed');
    expect(result.escalation).toMatchObject({ status: 'approved', decision: { outcome: 'approved', by: { id: 'm1', title: 'TL' }, comment: 'ok', at: NOW.toISOString() } });
    expect(result.escalation.history.at(-1)).toMatchObject({ action: 'approved', submissionId: 'press-1' });
  });

  it('an agent cannot decide or ask; a mentor cannot decide their own request; only the requester answers', () => {
    expect(() => applyEscalationChange(refund(), { kind: 'decide', outcome: 'approved', comment: '', submissionId: 'p' }, asAgent, NOW)).toThrow('Only mentors');
    const own = refund({ requester: { id: mentor.id, name: mentor.name } });
    expect(() => applyEscalationChange(own, { kind: 'askInfo', question: 'why?', submissionId: 'p' }, asMentor, NOW)).toThrow('your own request');
    expect(mayDecide(own, asMentor)).toBe(false);
    expect(mayDecide(refund(), asMentor)).toBe(true);
    const waiting = applyEscalationChange(refund(), { kind: 'askInfo', question: 'Which month?', submissionId: 'q' }, asMentor, NOW).escalation;
    expect(() => applyEscalationChange(waiting, { kind: 'giveInfo', answer: 'June', submissionId: 'r' }, asMentor, NOW)).toThrow('Only Avery Agent');
  });

  it('reject needs a reason, answer fits only KB questions, approve does not fit them', () => {
    expect(() => applyEscalationChange(refund(), { kind: 'decide', outcome: 'rejected', comment: ' ', submissionId: 'p' }, asMentor, NOW)).toThrow('Say why');
    expect(() => applyEscalationChange(refund(), { kind: 'decide', outcome: 'answered', comment: 'x', submissionId: 'p' }, asMentor, NOW)).toThrow('does not fit');
    const kb = refund({ typeId: 'kb-question', typeName: 'KB question', account: undefined, accountId: 'kb', fields: { question: 'q?' } });
    expect(() => applyEscalationChange(kb, { kind: 'decide', outcome: 'approved', comment: 'x', submissionId: 'p' }, asMentor, NOW)).toThrow('does not fit');
    expect(applyEscalationChange(kb, { kind: 'decide', outcome: 'answered', comment: 'Yes, with a DM ok.', submissionId: 'p' }, asMentor, NOW).escalation.status).toBe('answered');
  });

  it('need info round trip: needs_info with the question, then open again with the answer and a new SLA start', () => {
    const asked = applyEscalationChange(refund(), { kind: 'askInfo', question: 'Which month was charged?', submissionId: 'q' }, asMentor, NOW).escalation;
    expect(asked.status).toBe('needs_info');
    expect(() => applyEscalationChange(asked, { kind: 'askInfo', question: 'Again?', submissionId: 'q2' }, asMentor, NOW)).toThrow('already waiting');
    const later = new Date(NOW.getTime() + 60_000);
    const answered = applyEscalationChange(asked, { kind: 'giveInfo', answer: 'July and August', submissionId: 'r' }, asAgent, later).escalation;
    expect(answered).toMatchObject({ status: 'open', waitingSince: later.toISOString(), slaFrom: later.toISOString() });
    expect(answered.history.map((h) => [h.action, h.detail])).toEqual([['requested', undefined], ['info_requested', 'Which month was charged?'], ['info_given', 'July and August']]);
    expect(() => applyEscalationChange(answered, { kind: 'giveInfo', answer: 'more', submissionId: 'r2' }, asAgent, later)).toThrow('not waiting');
  });

  it('a replayed press changes nothing; a decided request says so instead of failing', () => {
    const approved = applyEscalationChange(refund(), { kind: 'decide', outcome: 'approved', comment: '', submissionId: 'press-1' }, asMentor, NOW).escalation;
    expect(applyEscalationChange(approved, { kind: 'decide', outcome: 'approved', comment: '', submissionId: 'press-1' }, asMentor, NOW)).toEqual({ kind: 'replayed', escalation: approved });
    const other: EscalationActor = { person: { ...mentor, id: 'm2', name: 'Riley' }, mayDecide: true };
    expect(applyEscalationChange(approved, { kind: 'decide', outcome: 'rejected', comment: 'no', submissionId: 'press-2' }, other, NOW)).toEqual({ kind: 'already_decided', escalation: approved });
  });

  it('the decision note: "Refund of $49.98 approved by TL Morgan Mentor", on the unit, by the mentor, with the Deskmate disposition', () => {
    const approved = applyEscalationChange(refund(), { kind: 'decide', outcome: 'approved', comment: 'Goodwill, first time.', submissionId: 'p' }, asMentor, NOW).escalation;
    const note = escalationDecisionNote(approved)!;
    expect(note).toMatchObject({ id: 'sub-1:decided', accountId: '4821907', unitIds: ['B112'], author: { id: 'm1', name: 'Morgan Mentor', title: 'TL' }, disposition: SYSTEM_DISPOSITIONS.escalationDecided });
    expect(note.resolution).toBe('Refund of $49.98 approved by TL Morgan Mentor. Comment: Goodwill, first time.');
    expect(note.reason).toContain('Avery Agent asked the mentors for: Refund or credit (Refund or credit: Refund; Amount: $49.98). Reason given: Charged after the move-out.');
  });
});
