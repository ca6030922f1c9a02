import { describe, expect, it } from 'vitest';
import { runReminderPass } from '../../../src/features/tasks/reminders';
import { MAX_TRIES_PER_DAY } from '../../../src/features/tasks/reminders/reminder-claim';
import { TasksStore } from '../../../src/features/tasks/tasks.store';
import { createLogger } from '../../../src/shared/logger';
import { logCapture } from '../../helpers/bot-harness';
import { useReminderWorld, pacific, postsTo } from './reminder-harness';
import { openMemoryStore } from '../../helpers/memory-store';

const NOW = pacific('2026-11-24', '10:00');

/**
 * A post that fails is counted, never thrown. A send failure (the connector errs or does not answer)
 * gives the day back, so the next pass tries again that day, at most MAX_TRIES_PER_DAY times; then the
 * task waits for the next business day.
 */
describe('overdue task reminders: failures', () => {
  const world = useReminderWorld();

  it('a connector refusal (403) does not throw: counted failed, the day is released and the next pass posts it', async () => {
    const connector = await world().link('SEA1', [403]);
    const task = await world().addTask('SEA1');
    expect(await world().pass(NOW)).toEqual({ checked: 1, reminded: 0, skipped: 0, failed: 1 });
    let stored = await world().read(task);
    expect(stored.lastReminderDay).toBeUndefined();
    expect(stored.posts).toEqual([]);
    expect(stored.history.at(-1)).toMatchObject({ action: 'reminded', detail: 'not posted: send_failed: HTTP 403 after 1 attempt' });
    expect(world().logs.find((l) => l.msg === 'task reminders: reminder not posted')).toMatchObject({ taskId: task.id, tries: 1, retryToday: true });

    expect(await world().pass(pacific('2026-11-24', '10:15'))).toEqual({ checked: 1, reminded: 1, skipped: 0, failed: 0 });
    stored = await world().read(task);
    expect(stored.lastReminderDay).toBe('2026-11-24');
    expect(stored.posts).toEqual([{ linkId: 'location:SEA1', activityId: 'posted-2' }]);
    expect(postsTo(connector)).toHaveLength(2);
  });

  it(`after ${MAX_TRIES_PER_DAY} failed tries in a day it waits for the next business day`, async () => {
    const connector = await world().link('SEA1', [403, 404, 403]);
    const task = await world().addTask('SEA1', { lastReminderDay: '2026-11-23' });
    for (const time of ['10:00', '10:15', '10:30']) expect(await world().pass(pacific('2026-11-24', time))).toMatchObject({ failed: 1 });
    expect((await world().read(task)).lastReminderDay).toBe('2026-11-24');
    // Reminded (given up) for the day: the query no longer returns it.
    expect(await world().pass(pacific('2026-11-24', '10:45'))).toMatchObject({ checked: 0, failed: 0 });
    expect(postsTo(connector)).toHaveLength(3);
    expect(world().logs.filter((l) => l.msg === 'task reminders: reminder not posted').map((l) => l.retryToday)).toEqual([true, true, false]);

    expect(await world().pass(pacific('2026-11-25', '10:00'))).toMatchObject({ reminded: 1 });
    const stored = await world().read(task);
    expect(stored.lastReminderDay).toBe('2026-11-25');
    expect(stored.posts).toHaveLength(1);
  });

  it('a released day goes back to the day before, and a card that cannot be made counts as a send failure', async () => {
    const connector = await world().link('SEA1');
    const task = await world().addTask('SEA1', { lastReminderDay: '2026-11-23' });
    const render = async () => {
      throw new Error('people are unreachable');
    };
    expect(await world().pass(NOW, { render })).toMatchObject({ failed: 1 });
    const stored = await world().read(task);
    expect(stored.lastReminderDay).toBe('2026-11-23');
    expect(stored.history.at(-1)!.detail).toContain('not posted: send_failed: the reminder card could not be made (Error: people are unreachable)');
    expect(postsTo(connector)).toHaveLength(0);
  });

  it('stops starting tasks when its time budget is used up or it is told to stop', async () => {
    await world().link('SEA1');
    await Promise.all([1, 2, 3].map(() => world().addTask('SEA1')));
    let t = 0;
    const clock = () => (t += 40_000);
    expect(await world().pass(NOW, { clock, budgetMs: 60_000 })).toEqual({ checked: 1, reminded: 1, skipped: 0, failed: 0 });
    expect(world().logs.find((l) => l.msg === 'task reminders: pass cut short; the rest wait for the next pass')).toMatchObject({ left: 2, stopping: false });

    const stopping = new AbortController();
    stopping.abort();
    expect(await world().pass(NOW, { signal: stopping.signal })).toEqual({ checked: 0, reminded: 0, skipped: 0, failed: 0 });
    // The one reminded by the cut-short pass is no longer returned by the query.
    expect(await world().pass(NOW)).toEqual({ checked: 2, reminded: 2, skipped: 0, failed: 0 });
  });

  it('never throws when the tasks cannot be read', async () => {
    const logs = logCapture();
    const logger = createLogger('debug', logs.stream);
    const broken = await openMemoryStore('broken', logger);
    try {
      await broken.containers.tasks.delete();
      const sources = world().sources();
      const result = await runReminderPass({ ...sources, store: new TasksStore(broken.containers.tasks), now: NOW, instanceId: 'broken', logger });
      expect(result).toEqual({ checked: 0, reminded: 0, skipped: 0, failed: 0 });
      expect(logs.lines.find((l) => l.msg === 'task reminders: could not read the overdue tasks')).toMatchObject({ level: 50, instance: 'broken' });
    } finally {
      await broken.close();
    }
  });
});
