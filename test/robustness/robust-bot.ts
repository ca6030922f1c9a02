import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import type { Container } from '@azure/cosmos';
import { MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { parseConfig } from '../../src/config';
import { createAdapter } from '../../src/bot/adapter';
import { createBot, installMiddleware } from '../../src/bot/app';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import { loadKbSnapshot } from '../../src/features/kb/kb.loader';
import { KbService } from '../../src/features/kb/kb.service';
import type { Person } from '../../src/features/people/people.schemas';
import { PeopleStore } from '../../src/features/people/people.store';
import { createLogger } from '../../src/shared/logger';
import type { ContainerName } from '../../src/store/containers';
import type { Store } from '../../src/store/cosmos-store';
import { bulkOperations } from '../../src/store/counting-container';
import { activityFrom, logCapture, TEST_PEOPLE, type TestUser } from '../helpers/bot-harness';
import { openMemoryStore } from '../helpers/memory-store';

export const TODAY = '2026-11-22';
/** Someone Teams knows but Deskmate does not (no person document). */
export const STRANGER = { id: 'aad-stranger-9', name: 'Sam Stranger' };
export type FuzzUser = TestUser;

/** One successful write through the bot's containers: which container, what kind, and the stored document. */
export interface WriteRecord {
  container: ContainerName;
  op: string;
  id?: string;
  resource?: Record<string, unknown>;
}

/** What one turn got back: the invoke response (if any), the messages, and the turn log line. */
export interface TurnResult {
  status?: number;
  body?: unknown;
  messages: Partial<Activity>[];
  /** `outcome` of the turn log line: ok, refused, user_error or error (or undefined when no line was written). */
  outcome?: string;
  route?: string;
  /** Log lines at level error or above written during the turn. */
  errors: Record<string, unknown>[];
  writes: WriteRecord[];
}

const ITEM_WRITES = new Set(['replace', 'patch', 'delete']);
const ITEMS_WRITES = new Set(['create', 'upsert', 'batch', 'bulk', 'executeBulkOperations']);

/** A bulk call whose operations are all Reads (readManyById) writes nothing. */
const onlyReads = (operations: unknown): boolean => {
  const { total, reads } = bulkOperations(operations);
  return total > 0 && reads === total;
};

/**
 * The same real container, with every successful write recorded (which container, the operation, the
 * stored document): the requests still go to the embedded server through the real SDK.
 */
export function recordingContainer(container: Container, name: ContainerName, writes: WriteRecord[]): Container {
  const record = async (op: string, call: () => Promise<unknown>, id?: string) => {
    const response = (await call()) as { resource?: Record<string, unknown> } | undefined;
    const resource = response && typeof response === 'object' && 'resource' in response ? response.resource : undefined;
    writes.push({ container: name, op, id: id ?? (typeof resource?.id === 'string' ? resource.id : undefined), resource });
    return response;
  };
  const items = new Proxy(container.items, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      const fn = value as (...a: unknown[]) => Promise<unknown>;
      if (!ITEMS_WRITES.has(String(property))) return fn.bind(target);
      return (...args: unknown[]) => (onlyReads(args[0]) ? fn.apply(target, args) : record(String(property), () => fn.apply(target, args)));
    },
  });
  return new Proxy(container, {
    get(target, property) {
      if (property === 'items') return items;
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (property !== 'item') return (value as (...a: unknown[]) => unknown).bind(target);
      return (id: string, partitionKey: unknown) => {
        const item = target.item(id, partitionKey as string);
        return new Proxy(item, {
          get(itemTarget, itemProperty) {
            const member: unknown = Reflect.get(itemTarget, itemProperty, itemTarget);
            if (typeof member !== 'function') return member;
            const fn = member as (...a: unknown[]) => Promise<unknown>;
            if (!ITEM_WRITES.has(String(itemProperty))) return fn.bind(itemTarget);
            return (...args: unknown[]) => record(String(itemProperty), () => fn.apply(itemTarget, args), id);
          },
        });
      };
    },
  });
}

/** The store with each container wrapped by `recordingContainer`. */
export function recordingStore(store: Store, writes: WriteRecord[]): Store {
  const containers = Object.fromEntries(Object.entries(store.containers).map(([name, c]) => [name, recordingContainer(c, name as ContainerName, writes)])) as Record<ContainerName, Container>;
  return { ...store, containers };
}

/**
 * The real bot (createBot: teams-ai Application, every feature) over the embedded Cosmos store seeded
 * with the demo data, driven by botbuilder's TestAdapter. Every write the bot makes is recorded and every
 * log line kept, so each turn can be checked for what it wrote and how it ended.
 */
export async function createRobustBot(options: { store?: Store; seed?: boolean } = {}) {
  const config = parseConfig({});
  const logs = logCapture();
  const logger = createLogger('info', logs.stream);
  const store = options.store ?? (await openMemoryStore('robust', logger));
  const people = new PeopleStore(store.containers.people);
  for (const person of Object.values(TEST_PEOPLE)) await people.upsert(person as Person);
  if (options.seed ?? true) await seedDemoData(store, { today: TODAY, force: true });
  const writes: WriteRecord[] = [];
  const kbDir = resolve(__dirname, '../../kb');
  const kb = new KbService(await loadKbSnapshot(kbDir));
  const app = createBot({ config, store: recordingStore(store, writes), logger, adapter: createAdapter(config), storage: new MemoryStorage(), kb, reloadKb: async () => undefined });
  const adapter = new TestAdapter(async (context) => {
    await app.run(context);
  });
  installMiddleware(adapter, config, logger);

  /** Runs one activity from `user` and returns what it produced. */
  async function turn(user: FuzzUser, partial: Partial<Activity>): Promise<TurnResult> {
    const logStart = logs.lines.length;
    const writeStart = writes.length;
    await adapter.processActivity(activityFrom(user, { id: randomUUID(), ...partial }));
    const out = adapter.activeQueue.splice(0);
    const response = out.find((a) => a.type === 'invokeResponse')?.value as { status?: number; body?: unknown } | undefined;
    const lines = logs.lines.slice(logStart);
    const turnLine = lines.filter((l) => l.msg === 'turn').at(-1);
    return {
      status: response?.status,
      body: response?.body,
      messages: out.filter((a) => a.type === 'message'),
      outcome: turnLine?.outcome as string | undefined,
      route: turnLine?.route as string | undefined,
      errors: lines.filter((l) => typeof l.level === 'number' && l.level >= 50),
      writes: writes.slice(writeStart),
    };
  }

  return {
    store,
    logs: logs.lines,
    writes,
    turn,
    /** An Action.Execute press: the invoke Teams sends for it. */
    execute: (verb: unknown, data: unknown, user: FuzzUser = 'agent') => turn(user, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } }),
    /** An Action.Submit press: a message with no text whose value is the button's data and the card's inputs. */
    submit: (value: unknown, user: FuzzUser = 'agent') => turn(user, { type: 'message', value: value as Record<string, unknown> }),
    say: (text: string, user: FuzzUser = 'agent') => turn(user, { type: 'message', text }),
    close: () => store.close(),
  };
}

export type RobustBot = Awaited<ReturnType<typeof createRobustBot>>;
