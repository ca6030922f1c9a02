import { describe, expect, it } from 'vitest';
import { taskCard } from '../../src/features/tasks/cards/task.card';
import type { Person } from '../../src/features/people/people.schemas';
import type { Task } from '../../src/features/tasks/tasks.schemas';
import { cardText } from '../accounts/verify/card-helpers';

const AT = '2026-11-20T17:00:00.000Z';
const task = (over: Partial<Task> = {}): Task => ({
  id: 't-1', accountId: '1234567', accountName: 'Zoë Carter', locationId: 'PDX1', unitIds: ['A106'],
  typeId: 'dtm-auction-follow-up', category: 'DTM - Auction and Lien Status', name: 'Follow-up before auction',
  fields: { auctionDate: '2026-11-23', amountDue: 24500, customerCanPay: 'partially' }, details: 'Auction tomorrow.',
  assignee: { kind: 'dm', id: 'dm-rosa', name: 'Rosa Delgado' }, requester: { id: 'aad-agent-1', name: 'Avery Agent' },
  status: 'open', dueAt: AT, createdAt: AT, updatedAt: AT, checklist: [],
  history: [{ at: AT, by: { id: 'aad-agent-1', name: 'Avery Agent' }, action: 'created' }], posts: [], ...over,
});
const person = (roles: Person['roles'], id = 'p-1'): Person => ({ id, name: 'P', roles, locationIds: [], active: true });
const titles = (card: ReturnType<typeof taskCard>) => (card.actions ?? []).map((a) => a.title);

describe('the task card', () => {
  it('shows the type\'s own fields with their labels, money in dollars and dates as dates, in the store\'s time zone', () => {
    const shown = cardText(taskCard(task(), { kind: 'other' }, { timeZone: 'America/Los_Angeles' }));
    expect(shown).toContain('Amount due');
    expect(shown).toContain('$245.00');
    expect(shown).toContain('Nov 23, 2026');
    expect(shown).toContain('Nov 20, 9:00 AM');
    expect(shown).not.toContain('24500');
  });

  it('gives workers Start, Complete, Reassign and Cancel; the requester Cancel; everyone else "My view"', () => {
    const worker = taskCard(task(), { kind: 'worker', actor: { person: person(['district_manager'], 'dm-rosa'), mayWork: true } }, { timeZone: 'UTC' });
    expect(titles(worker)).toEqual(['Start', 'Complete', 'Reassign', 'Cancel task']);
    const requester = taskCard(task(), { kind: 'requester', actor: { person: person(['agent'], 'aad-agent-1'), mayWork: false } }, { timeZone: 'UTC' });
    expect(titles(requester)).toEqual(['Cancel task']);
    expect(titles(taskCard(task(), { kind: 'other' }, { timeZone: 'UTC' }))).toEqual(['My view']);
  });

  it('names who gets their own view through refresh, and a closed task offers no buttons', () => {
    const posted = taskCard(task(), { kind: 'other' }, { timeZone: 'UTC', userIds: ['aad-agent-1', 'dm-rosa'] });
    expect(posted.refresh).toMatchObject({ action: { type: 'Action.Execute', verb: 'task.view', data: { accountId: '1234567', taskId: 't-1' } }, userIds: ['aad-agent-1', 'dm-rosa'] });
    const done = taskCard(task({ status: 'done', outcome: 'Paid in full.' }), { kind: 'worker', actor: { person: person(['admin']), mayWork: true } }, { timeZone: 'UTC' });
    expect(titles(done)).toEqual([]);
    expect(cardText(done)).toContain('Paid in full.');
  });
});
