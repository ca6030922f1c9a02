import { afterAll, afterEach, beforeAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { parseConfig } from '../../../src/config';
import { createAdapter } from '../../../src/bot/adapter';
import { createReminderSources, installMiddleware } from '../../../src/bot/app';
import { runReminderPass, type ReminderPassDeps, type ReminderSources } from '../../../src/features/tasks/reminders';
import type { Task } from '../../../src/features/tasks/tasks.schemas';
import { TasksStore } from '../../../src/features/tasks/tasks.store';
import { createLogger } from '../../../src/shared/logger';
import { createBotHarness, logCapture } from '../../helpers/bot-harness';
import { inChannel, seedLocations, startConnector } from '../../links/links-helpers';

export type Connector = Awaited<ReturnType<typeof startConnector>>;

/** A local time at a Pacific-time store in late November 2026 (PST, UTC-8), as the instant it is. */
export const pacific = (day: string, time: string) => new Date(`${day}T${time}:00-08:00`);

/**
 * The real bot (its link command), the embedded store with the demo locations and the people, and
 * reminder passes built the way deskmate.ts builds them: the real task card renderer and the link
 * notifier posting through the Teams adapter to a Bot Connector on loopback.
 */
export async function createReminderWorld() {
  const bot = await createBotHarness();
  await seedLocations(bot.store.containers.locations);
  const config = parseConfig({});
  const logs = logCapture();
  const logger = createLogger('debug', logs.stream);
  const tasks = new TasksStore(bot.store.containers.tasks);
  const connectors: Connector[] = [];

  /** The sources one bot instance builds at start (a new adapter and notifier each time: a "restart"). */
  function sources(): ReminderSources {
    const adapter = createAdapter(config);
    installMiddleware(adapter, config, logger);
    return createReminderSources({ config, store: bot.store, logger, adapter });
  }
  const instance = sources();

  /** One pass as instance `test-a` (or as told) at `now`. */
  const pass = (now: Date, extra: Partial<ReminderPassDeps> = {}) => runReminderPass({ ...instance, now, instanceId: 'test-a', logger, ...extra });

  /** Links the location's channel, through the bot, to a new loopback connector answering `statuses` first. */
  async function link(locationId: string, statuses: Parameters<typeof startConnector>[0] = []): Promise<Connector> {
    const connector = await startConnector(statuses);
    connectors.push(connector);
    await bot.send({ text: `link location ${locationId}`, ...inChannel({ id: `19:${locationId}-ops@thread.tacv2` }, { serviceUrl: connector.url }) }, 'admin');
    return connector;
  }

  /** Stores an open task of the location's store, due Monday 2026-11-23 at noon Pacific unless told otherwise. */
  async function addTask(locationId: string, overrides: Partial<Task> = {}): Promise<Task> {
    const createdAt = '2026-11-20T17:00:00.000Z';
    const requester = { id: 'aad-agent-1', name: 'Avery Agent' };
    const task: Task = {
      id: `t-${randomUUID()}`, accountId: `acct-${randomUUID().slice(0, 8)}`, accountName: 'Jordan Reyes', locationId, unitIds: ['B112'],
      typeId: 'vacate-same-day', category: 'Vacate', name: 'Same day vacate', fields: { reason: 'Never moved in' }, details: 'Rented Friday, never moved in.',
      assignee: { kind: 'location', id: locationId, name: `Store ${locationId}` }, requester, status: 'open', dueAt: '2026-11-23T20:00:00.000Z',
      createdAt, updatedAt: createdAt, checklist: [], history: [{ at: createdAt, by: requester, action: 'created' }], posts: [], ...overrides,
    };
    return (await tasks.create(task)).task;
  }

  const read = async (task: Task) => (await tasks.get(task.accountId, task.id))!;

  /** Empties the tasks container and closes the connectors, between tests. */
  async function reset(): Promise<void> {
    await Promise.all(connectors.splice(0).map((c) => c.close()));
    const { resources } = await bot.store.containers.tasks.items.query<Task>('SELECT * FROM c').fetchAll();
    for (const t of resources) await bot.store.containers.tasks.item(t.id, t.accountId).delete();
    logs.lines.length = 0;
  }

  return { bot, tasks, logger, logs: logs.lines, sources, instance, pass, link, addTask, read, reset, close: async () => { await reset(); await bot.close(); } };
}

/** The POSTs (new messages) a connector got. */
export const postsTo = (connector: Connector) => connector.calls.filter((c) => c.method === 'POST');

/** Everything a posted card says, joined. */
export function postedText(call: { body: Record<string, unknown> }): string {
  return JSON.stringify(call.body.attachments ?? []);
}

/** The world of one describe block: made before its tests, reset after each, closed after the last. */
export function useReminderWorld(): () => Awaited<ReturnType<typeof createReminderWorld>> {
  let world: Awaited<ReturnType<typeof createReminderWorld>>;
  beforeAll(async () => {
    world = await createReminderWorld();
  }, 60_000);
  afterEach(() => world.reset());
  afterAll(() => world.close());
  return () => world;
}
