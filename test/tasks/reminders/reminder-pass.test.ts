import { describe, expect, it } from 'vitest';
import { useReminderWorld, pacific, postedText, postsTo } from './reminder-harness';

/** SEA1: Pacific time, Mon-Fri 09:30-18:00, Sat 09:00-17:00, closed on Sunday. PDX1: open on Sunday 10:00-16:00 too. */
describe('overdue task reminders: once per business day of the store', () => {
  const world = useReminderWorld();

  it('re-posts an overdue task to its store once on a business day, not again that day, and again the next business day', async () => {
    const connector = await world().link('SEA1');
    const task = await world().addTask('SEA1');

    expect(await world().pass(pacific('2026-11-24', '10:00'))).toEqual({ checked: 1, reminded: 1, skipped: 0, failed: 0 });
    const [post] = postsTo(connector);
    expect(decodeURIComponent(post!.url)).toContain('/v3/conversations/19:SEA1-ops@thread.tacv2/activities');
    expect(post!.body.summary).toBe('Overdue: Vacate › Same day vacate for Jordan Reyes');
    expect(postedText(post!)).toContain('Overdue: Vacate › Same day vacate');
    expect(postedText(post!)).toContain('is still open. A reminder for Store SEA1');
    let stored = await world().read(task);
    expect(stored.lastReminderDay).toBe('2026-11-24');
    expect(stored.history.at(-1)).toMatchObject({ action: 'reminded', by: { id: 'deskmate', name: 'Deskmate' }, at: pacific('2026-11-24', '10:00').toISOString() });
    expect(stored.posts).toEqual([{ linkId: 'location:SEA1', activityId: 'posted-1' }]);
    expect(stored.status).toBe('open');
    expect(stored.updatedAt).toBe(task.updatedAt);

    // Later the same local day, though it is already Wednesday in UTC.
    expect(await world().pass(pacific('2026-11-24', '17:30'))).toEqual({ checked: 1, reminded: 0, skipped: 1, failed: 0 });
    expect(postsTo(connector)).toHaveLength(1);

    expect(await world().pass(pacific('2026-11-25', '09:45'))).toMatchObject({ reminded: 1 });
    stored = await world().read(task);
    expect(stored.lastReminderDay).toBe('2026-11-25');
    expect(stored.posts.map((p) => p.activityId)).toEqual(['posted-1', 'posted-2']);
    expect(stored.history.filter((h) => h.action === 'reminded')).toHaveLength(2);
  });

  it('posts nothing on a day the store is closed, nor before it opens; Saturday hours count', async () => {
    const connector = await world().link('SEA1');
    const task = await world().addTask('SEA1');
    expect(await world().pass(pacific('2026-11-29', '12:00'))).toMatchObject({ checked: 1, reminded: 0, skipped: 1 }); // Sunday
    expect(await world().pass(pacific('2026-11-30', '08:00'))).toMatchObject({ reminded: 0, skipped: 1 }); // Monday before 09:30
    expect(await world().pass(pacific('2026-11-30', '18:30'))).toMatchObject({ reminded: 0, skipped: 1 }); // Monday after closing
    expect(postsTo(connector)).toHaveLength(0);
    expect((await world().read(task)).lastReminderDay).toBeUndefined();

    expect(await world().pass(pacific('2026-11-28', '11:00'))).toMatchObject({ reminded: 1 }); // Saturday
    expect(await world().pass(pacific('2026-11-30', '09:31'))).toMatchObject({ reminded: 1 }); // Monday, just open
    expect(postsTo(connector)).toHaveLength(2);
  });

  it('reminds on Sunday at a store that is open on Sunday', async () => {
    const connector = await world().link('PDX1');
    await world().addTask('PDX1');
    expect(await world().pass(pacific('2026-11-29', '12:00'))).toMatchObject({ reminded: 1 });
    expect(postsTo(connector)).toHaveLength(1);
  });

  it('never reminds a task that is not due yet, done or canceled', async () => {
    const connector = await world().link('SEA1');
    const now = pacific('2026-11-24', '10:00');
    const future = await world().addTask('SEA1', { dueAt: new Date(now.getTime() + 60_000).toISOString() });
    const done = await world().addTask('SEA1', { status: 'done', outcome: 'Vacated.' });
    const canceled = await world().addTask('SEA1', { status: 'canceled', cancelReason: 'Customer stayed.' });
    expect(await world().pass(now)).toEqual({ checked: 0, reminded: 0, skipped: 0, failed: 0 });
    expect(postsTo(connector)).toHaveLength(0);
    for (const task of [future, done, canceled]) expect((await world().read(task)).lastReminderDay).toBeUndefined();
  });

  it('reminds an in-progress task too, and sends the team tasks to the team\'s link', async () => {
    const store = await world().link('SEA1');
    const started = await world().addTask('SEA1', { status: 'in_progress' });
    const team = await world().addTask('SEA1', { assignee: { kind: 'team', id: 'Billing', name: 'Billing' } });
    expect(await world().pass(pacific('2026-11-24', '10:00'))).toEqual({ checked: 2, reminded: 1, skipped: 0, failed: 1 });
    expect(postedText(postsTo(store)[0]!)).toContain('is still in progress');
    expect((await world().read(started)).lastReminderDay).toBe('2026-11-24');
    // Nothing is linked for the team: counted failed and, as nothing can change that today, not tried again until the next business day.
    const unposted = await world().read(team);
    expect(unposted.lastReminderDay).toBe('2026-11-24');
    expect(unposted.history.at(-1)!.detail).toBe('not posted: not_linked: nothing is linked for team:billing');
    expect(await world().pass(pacific('2026-11-24', '11:00'))).toMatchObject({ checked: 0, reminded: 0, failed: 0 });
  });

  it('takes the soonest due first and reads at most `limit` tasks in a pass', async () => {
    const connector = await world().link('SEA1');
    const later = await world().addTask('SEA1', { dueAt: '2026-11-23T21:00:00.000Z' });
    const soonest = await world().addTask('SEA1', { dueAt: '2026-11-20T21:00:00.000Z' });
    await world().addTask('SEA1', { dueAt: '2026-11-23T22:00:00.000Z' });
    expect(await world().pass(pacific('2026-11-24', '10:00'), { limit: 2 })).toEqual({ checked: 2, reminded: 2, skipped: 0, failed: 0 });
    expect((await world().read(soonest)).lastReminderDay).toBe('2026-11-24');
    expect((await world().read(later)).lastReminderDay).toBe('2026-11-24');
    expect(postsTo(connector)).toHaveLength(2);

    // The next pass with the same limit reaches the third: the two reminded today do not crowd it out.
    expect(await world().pass(pacific('2026-11-24', '10:15'), { limit: 2 })).toEqual({ checked: 1, reminded: 1, skipped: 0, failed: 0 });
    expect(postsTo(connector)).toHaveLength(3);
  });
});
