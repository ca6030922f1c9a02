import { describe, expect, it } from 'vitest';
import { taskCard } from '../../../src/features/tasks/cards/task.card';
import { reminderCard, reminderRenderer, reminderSummary } from '../../../src/features/tasks/reminders';
import type { Task } from '../../../src/features/tasks/tasks.schemas';

const at = '2026-11-20T17:00:00.000Z';
const TASK: Task = {
  id: 't-1', accountId: 'A-100', accountName: 'Jordan Reyes', locationId: 'SEA1', unitIds: ['B112'], typeId: 'vacate-same-day', category: 'Vacate', name: 'Same day vacate',
  fields: {}, details: 'Never moved in.', assignee: { kind: 'location', id: 'SEA1', name: 'Deskmate Storage Seattle' }, requester: { id: 'aad-agent-1', name: 'Avery Agent' },
  status: 'open', dueAt: '2026-11-23T20:00:00.000Z', createdAt: at, updatedAt: at, checklist: [], history: [{ at, by: { id: 'aad-agent-1', name: 'Avery Agent' }, action: 'created' }], posts: [],
};
const posted = (task: Task) => taskCard(task, { kind: 'other' }, { timeZone: 'America/Los_Angeles', userIds: ['aad-agent-1', 'aad-store'] });

describe('the reminder card', () => {
  it('is the posted task card with an overdue notice on top, keeping its refresh and actions', () => {
    const base = posted(TASK);
    const card = reminderCard(base, TASK, 'Mon, Nov 23, 12:00 PM PST');
    expect(card.body[0]).toMatchObject({ type: 'Container', style: 'attention', items: [{ text: 'Overdue: Vacate › Same day vacate' }] });
    expect(card.body[1]).toMatchObject({ text: 'It was due Mon, Nov 23, 12:00 PM PST and is still open. A reminder for Deskmate Storage Seattle: once a business day until it is done.' });
    expect(card.body.slice(2)).toEqual(base.body);
    expect(card.actions).toEqual(base.actions);
    expect(card.refresh).toEqual(base.refresh);
    expect(JSON.stringify(card).length).toBeLessThan(40_000);
  });

  it('says "in progress" for a started task, and the summary names the account', () => {
    const started = { ...TASK, status: 'in_progress' as const };
    expect(JSON.stringify(reminderCard(posted(started), started, 'Mon'))).toContain('is still in progress');
    expect(reminderSummary(TASK)).toBe('Overdue: Vacate › Same day vacate for Jordan Reyes');
  });

  it('renders through the task card renderer', async () => {
    const render = reminderRenderer({ posted: async (task) => posted(task), dueText: async () => 'Mon, Nov 23' });
    const card = await render(TASK);
    expect(JSON.stringify(card.body[1])).toContain('It was due Mon, Nov 23');
  });
});
