import { describe, expect, it } from 'vitest';
import type { Task } from '../../../src/features/tasks/tasks.schemas';
import type { LinkedCardPoster } from '../../../src/features/tasks/task-poster';
import { useReminderWorld, pacific, postedText, postsTo } from './reminder-harness';

const NOW = pacific('2026-11-24', '10:00');

/** Two bot instances, restarts and people working the task while a pass runs: one reminder a day, no lost change. */
describe('overdue task reminders: the etag claim', () => {
  const world = useReminderWorld();

  /** Resolves for everyone once `count` callers are waiting. */
  function barrier(count: number) {
    let waiting = 0;
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return () => {
      waiting += 1;
      if (waiting === count) open();
      return opened;
    };
  }

  it('two instances running passes at once post each overdue task exactly once', async () => {
    const connector = await world().link('SEA1');
    const tasks = await Promise.all([1, 2, 3, 4].map(() => world().addTask('SEA1')));
    const other = world().sources();
    const [a, b] = await Promise.all([world().pass(NOW, { instanceId: 'instance-a' }), world().pass(NOW, { ...other, instanceId: 'instance-b' })]);
    expect(a.reminded + b.reminded).toBe(4);
    expect(a.failed + b.failed).toBe(0);
    expect(postsTo(connector)).toHaveLength(4);
    for (const task of tasks) {
      const stored = await world().read(task);
      expect(stored.history.filter((h) => h.action === 'reminded')).toHaveLength(1);
      expect(stored.posts).toHaveLength(1);
    }
  });

  it('when both instances read the same version, only the one whose claim is written posts; the other skips', async () => {
    const connector = await world().link('SEA1');
    const task = await world().addTask('SEA1');
    const bothRead = barrier(2);
    const racing = (instanceId: string) => {
      const sources = world().sources();
      const store = { overdue: async (now: Date, limit: number) => { const found = await sources.store.overdue(now, limit); await bothRead(); return found; }, replace: sources.store.replace.bind(sources.store) };
      return world().pass(NOW, { ...sources, store, instanceId });
    };
    const results = await Promise.all([racing('instance-a'), racing('instance-b')]);
    expect(results.map((r) => r.reminded).sort()).toEqual([0, 1]);
    expect(results.map((r) => r.skipped).sort()).toEqual([0, 1]);
    expect(postsTo(connector)).toHaveLength(1);
    expect((await world().read(task)).history.filter((h) => h.action === 'reminded')).toHaveLength(1);
    expect(world().logs.filter((l) => l.msg === 'task reminders: not claimed')).toEqual([expect.objectContaining({ why: 'claimed by another instance' })]);
  });

  it('a pass after a restart (new instance, same store) does not post again the same day', async () => {
    const connector = await world().link('SEA1');
    await world().addTask('SEA1');
    expect(await world().pass(NOW)).toMatchObject({ reminded: 1 });
    const restarted = world().sources();
    expect(await world().pass(pacific('2026-11-24', '15:00'), { ...restarted, instanceId: 'after-restart' })).toMatchObject({ checked: 0, reminded: 0 });
    expect(postsTo(connector)).toHaveLength(1);
    expect(await world().pass(pacific('2026-11-25', '10:00'), { ...restarted, instanceId: 'after-restart' })).toMatchObject({ reminded: 1 });
  });

  it('a task someone changed after the pass read it is left for the next pass, and their change stays', async () => {
    const connector = await world().link('SEA1');
    const task = await world().addTask('SEA1');
    const start = (t: Task): Task => ({ ...t, status: 'in_progress', history: [...t.history, { at: NOW.toISOString(), by: { id: 'aad-store', name: 'Store SEA1' }, action: 'started' }] });
    const store = {
      overdue: async (now: Date, limit: number) => {
        const found = await world().instance.store.overdue(now, limit);
        const current = await world().read(task);
        await world().tasks.replace(start(current), current._etag!);
        return found;
      },
      replace: world().instance.store.replace.bind(world().instance.store),
    };
    expect(await world().pass(NOW, { store })).toEqual({ checked: 1, reminded: 0, skipped: 1, failed: 0 });
    expect(postsTo(connector)).toHaveLength(0);
    expect(world().logs.find((l) => l.msg === 'task reminders: not claimed')).toMatchObject({ taskId: task.id, why: 'changed since it was read; the next pass looks again' });
    expect(await world().pass(pacific('2026-11-24', '10:15'))).toMatchObject({ reminded: 1 });
    const stored = await world().read(task);
    expect(stored.status).toBe('in_progress');
    expect(stored.history.map((h) => h.action)).toEqual(['created', 'started', 'reminded']);
  });

  it('a change made while the reminder is being posted is kept, and the post is still recorded', async () => {
    const connector = await world().link('SEA1');
    const task = await world().addTask('SEA1');
    const poster = {
      notifyLink: async (...args: Parameters<LinkedCardPoster['notifyLink']>) => {
        const sent = await world().instance.poster.notifyLink(...args);
        const current = await world().read(task);
        await world().tasks.replace({ ...current, status: 'in_progress' }, current._etag!);
        return sent;
      },
    };
    expect(await world().pass(NOW, { poster })).toMatchObject({ reminded: 1 });
    const stored = await world().read(task);
    expect(stored).toMatchObject({ status: 'in_progress', lastReminderDay: '2026-11-24', posts: [{ linkId: 'location:SEA1', activityId: 'posted-1' }] });
    expect(postedText(postsTo(connector)[0]!)).toContain('Overdue');
  });
});
