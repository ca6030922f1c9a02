import { describe, expect, it } from 'vitest';
import { escalationCard } from '../../src/features/escalations/cards/escalation.card';
import { escalationFormCard, requestApprovalAction } from '../../src/features/escalations/cards/escalation-form.cards';
import { escalationQueueCard } from '../../src/features/escalations/cards/escalation-queue.card';
import { escalationType } from '../../src/features/escalations/escalation-types';
import type { Escalation } from '../../src/features/escalations/escalations.schemas';
import { cardBytes } from '../../src/shared/cards';
import { actionsOf, cardText, elementById, type Card } from '../accounts/verify/card-helpers';

const TZ = 'America/Los_Angeles';
const at = '2026-11-24T18:00:00.000Z';
const agent = { id: 'a1', name: 'Avery Agent' };
const mentor = { id: 'm1', name: 'Morgan Mentor', title: 'TL' };
const options = { timeZone: TZ, submissionId: 'render-0001', userIds: ['a1', 'm1'] };
const titles = (card: Card) => (card.actions ?? []).map((a) => a.title as string);

function refund(overrides: Partial<Escalation> = {}): Escalation {
  return {
    id: 'sub-1', accountId: '4821907', docType: 'escalation', typeId: 'refund', typeName: 'Refund or credit',
    account: { id: '4821907', name: 'Alexander Erickson', maskedId: '•••907', locationId: 'PDX1', unitId: 'B112' },
    fields: { kind: 'Refund', amount: 4998, why: 'Charged after the move-out.' }, requester: agent, status: 'open',
    createdAt: at, updatedAt: at, waitingSince: at, slaFrom: at, announcements: 0, history: [{ at, by: agent, action: 'requested' }], posts: [], ...overrides,
  };
}

describe('the request card (pure)', () => {
  it('the channel copy reads only: no inputs, "My view", and Teams refresh for the requester and the mentors', () => {
    const card = escalationCard(refund(), 'other', options) as unknown as Card & { refresh: { userIds: string[]; action: { verb: string; data: unknown } } };
    expect(titles(card)).toEqual(['My view']);
    expect(JSON.stringify(card.body)).not.toContain('"Input.');
    expect(card.refresh).toMatchObject({ userIds: ['a1', 'm1'], action: { verb: 'escalation.view', data: { accountId: '4821907', escalationId: 'sub-1' } } });
    expect(cardText(card)).toContain('Refund of $49.98');
    expect(cardText(card)).toContain('Open · waiting for a mentor');
  });

  it("a mentor's view: Approve, Reject and Need info, each a small form whose button carries the outcome and this render's submission id", () => {
    const card = escalationCard(refund(), 'mentor', options);
    expect(titles(card)).toEqual(['Approve', 'Reject', 'Need info']);
    expect(elementById(card, 'approveComment')).toBeDefined();
    expect(elementById(card, 'rejectComment')).toMatchObject({ isRequired: true });
    expect(elementById(card, 'infoQuestion')).toMatchObject({ isRequired: true });
    const approve = actionsOf(card).find((a) => a.type === 'Action.Execute' && a.title === 'Approve')!;
    expect(approve).toMatchObject({ verb: 'escalation.decide', data: { accountId: '4821907', escalationId: 'sub-1', outcome: 'approved', submissionId: 'render-0001' } });
    const kb = escalationCard(refund({ typeId: 'kb-question', typeName: 'KB question', account: undefined, accountId: 'kb', fields: { question: 'q?' } }), 'mentor', options);
    expect(titles(kb)).toEqual(['Answer', 'Reject', 'Need info']);
    expect(elementById(kb, 'addToKb')).toMatchObject({ type: 'Input.Toggle', title: 'Add to KB', valueOn: 'true', valueOff: 'false' });
  });

  it('the requester sees the status, and the answer box with "Send" when the mentors need info', () => {
    expect(titles(escalationCard(refund(), 'requester', options))).toEqual(['Refresh']);
    const waiting = refund({ status: 'needs_info', history: [{ at, by: agent, action: 'requested' }, { at, by: mentor, action: 'info_requested', detail: 'Which months?' }] });
    const card = escalationCard(waiting, 'requester', options);
    expect(titles(card)).toEqual(['Send']);
    expect(elementById(card, 'reply')).toMatchObject({ type: 'Input.Text', isRequired: true });
    expect(cardText(card)).toContain('Morgan Mentor needs more information: Which months?');
    expect(titles(escalationCard(waiting, 'mentor', options))).toEqual(['Approve', 'Reject']);
  });

  it('once decided: who and when, the comment, and no buttons for anyone', () => {
    const decided = refund({ status: 'approved', decision: { outcome: 'approved', by: mentor, at, comment: 'Goodwill.' } });
    for (const viewer of ['mentor', 'requester', 'other'] as const) expect(titles(escalationCard(decided, viewer, options))).toEqual([]);
    expect(cardText(escalationCard(decided, 'other', options))).toContain('Approved by TL Morgan Mentor · Tue, Nov 24, 10:00 AM PST');
  });

  it('stays under the Teams size limit with every text at its longest and a long history', () => {
    const long = 'x'.repeat(4000);
    const history = Array.from({ length: 200 }, (_, i) => ({ at, by: i % 2 ? agent : mentor, action: i % 2 ? ('info_given' as const) : ('info_requested' as const), detail: long }));
    const card = escalationCard(refund({ typeId: 'kb-question', account: undefined, accountId: 'kb', fields: { question: long, botAnswer: long, context: long }, history, announcements: 40, status: 'answered', decision: { outcome: 'answered', by: mentor, at, comment: long } }), 'other', { ...options, userIds: Array.from({ length: 60 }, (_, i) => `user-${i}-${'0'.repeat(30)}`) });
    expect(cardBytes(card)).toBeLessThan(40_000);
  });
});

describe('the form and the queue (pure)', () => {
  it('"Request approval" is an Action.Execute to the picker; the form shows the hint and each problem under its field', () => {
    expect(requestApprovalAction('4821907')).toEqual({ type: 'Action.Execute', title: 'Request approval', verb: 'escalation.pick', data: { accountId: '4821907' } });
    const form = escalationFormCard({
      account: { id: '4821907', name: 'Alexander Erickson', maskedId: '•••907', units: [{ id: 'B112', label: 'Unit B112' }, { id: 'C3', label: 'Unit C3' }] },
      type: escalationType('fee-waiver')!, submissionId: 'sub-9', today: '2026-11-24',
      values: { unitId: 'B112', fields: { fee: 'Convenience fee', amount: '0' } }, errors: { f_amount: 'The amount must be more than $0.00.' },
    }, { type: 'Action.Execute', title: 'Cancel' });
    expect(cardText(form)).toContain('The convenience fee is only waived for AutoPay and for a vacated account.');
    expect(cardText(form)).toContain('The amount must be more than $0.00.');
    expect(elementById(form, 'unitId')).toMatchObject({ type: 'Input.ChoiceSet', value: 'B112' });
    expect(elementById(form, 'f_fee')).toMatchObject({ value: 'Convenience fee' });
    expect(actionsOf(form).find((a) => a.title === 'Send to the mentors')).toMatchObject({ verb: 'escalation.create', data: { accountId: '4821907', typeId: 'fee-waiver', submissionId: 'sub-9' } });
  });

  it('the queue has "Show more" only when there is another page', () => {
    expect(titles(escalationQueueCard([refund()], 'token', TZ, true))).toEqual(['Show more']);
    const last = escalationQueueCard([], undefined, TZ, false);
    expect(titles(last)).toEqual([]);
    expect(cardText(last)).toContain('No more requests.');
  });
});
