import { resolve } from 'node:path';
import { Writable } from 'node:stream';
import { MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { parseConfig, type Config } from '../../src/config';
import { createLogger } from '../../src/shared/logger';
import type { Store } from '../../src/store/cosmos-store';
import { createAdapter } from '../../src/bot/adapter';
import { createBot, installMiddleware } from '../../src/bot/app';
import { PeopleStore } from '../../src/features/people/people.store';
import type { Person } from '../../src/features/people/people.schemas';
import { CosmosTurnStateStorage } from '../../src/store/turn-state-storage';
import { KbService } from '../../src/features/kb/kb.service';
import { loadKbSnapshot } from '../../src/features/kb/kb.loader';
import { openMemoryStore } from './memory-store';

export const TEST_PEOPLE = {
  agent: { id: 'aad-agent-1', name: 'Avery Agent', roles: ['agent'], locationIds: [], active: true },
  mentor: { id: 'aad-mentor-1', name: 'Morgan Mentor', title: 'TL', roles: ['mentor'], team: 'Customer Service', locationIds: [], active: true },
  admin: { id: 'aad-admin-1', name: 'Ada Admin', roles: ['admin'], locationIds: [], active: true },
  inactive: { id: 'aad-gone-1', name: 'Former Agent', roles: ['agent'], locationIds: [], active: false },
} satisfies Record<string, Person>;

export type TestUser = keyof typeof TEST_PEOPLE | { id: string; name: string };

/** What an invoke got back: the invoke response's status and body, and any messages sent with it. */
export interface InvokeReply {
  status?: number;
  body?: unknown;
  messages: Partial<Activity>[];
}

/** An activity from this user in their personal chat with the bot, in the Teams channel. */
export function activityFrom(user: TestUser, partial: Partial<Activity>): Partial<Activity> {
  const who = typeof user === 'string' ? TEST_PEOPLE[user] : user;
  return {
    channelId: 'msteams',
    from: { id: `teams-${who.id}`, name: who.name, aadObjectId: who.id },
    recipient: { id: 'bot-id', name: 'Deskmate' },
    conversation: { id: `conv-${who.id}`, conversationType: 'personal', isGroup: false, name: '' },
    channelData: { tenant: { id: '00000000-0000-0000-0000-0000000000001' } },
    ...partial,
  };
}

/** Captures log lines as parsed JSON objects. */
export function logCapture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      String(chunk).split('\n').filter(Boolean).forEach((l) => lines.push(JSON.parse(l)));
      done();
    },
  });
  return { lines, stream };
}

/**
 * The real teams-ai Application and Cosmos store (embedded, in memory), driven by botbuilder's
 * TestAdapter: what a user would send, and every reply the bot sends back.
 */
export async function createBotHarness(options: { env?: Record<string, string>; memoryState?: boolean; kbDir?: string } = {}) {
  const config: Config = parseConfig({ ...options.env });
  const logs = logCapture();
  const logger = createLogger('debug', logs.stream);
  const store: Store = await openMemoryStore('test', logger);
  const people = new PeopleStore(store.containers.people);
  for (const person of Object.values(TEST_PEOPLE)) await people.upsert(person as Person);
  const storage = options.memoryState ? new MemoryStorage() : new CosmosTurnStateStorage(store.containers.botstate);
  const kbDir = options.kbDir ?? resolve(__dirname, '../../kb');
  const kb = new KbService(await loadKbSnapshot(kbDir));
  const reloadKb = async () => kb.replace(await loadKbSnapshot(kbDir));
  const app = createBot({ config, store, logger, adapter: createAdapter(config), storage, kb, reloadKb });
  const adapter = new TestAdapter(async (context) => {
    await app.run(context);
  });
  installMiddleware(adapter, config, logger);

  async function send(partial: Partial<Activity>, user: TestUser = 'agent'): Promise<Partial<Activity>[]> {
    await adapter.processActivity(activityFrom(user, { type: 'message', ...partial }));
    return adapter.activeQueue.splice(0).filter((a) => a.type === 'message');
  }

  /** Sends an invoke (type 'invoke' unless given) and returns its invoke response and any messages. */
  async function sendInvoke(partial: Partial<Activity>, user: TestUser = 'agent'): Promise<InvokeReply> {
    await adapter.processActivity(activityFrom(user, { type: 'invoke', ...partial }));
    const out = adapter.activeQueue.splice(0);
    const response = out.find((a) => a.type === 'invokeResponse')?.value as { status?: number; body?: unknown } | undefined;
    return { status: response?.status, body: response?.body, messages: out.filter((a) => a.type === 'message') };
  }

  return {
    store,
    kb,
    logs: logs.lines,
    /** The teams-ai Application, for tests that add routes the bot does not register yet. */
    app,
    send,
    sendInvoke,
    say: (text: string, user: TestUser = 'agent') => send({ text }, user),
    close: () => store.close(),
  };
}

/** All text shown by the cards and messages in these replies, joined, for assertions on what a user reads. */
export function visibleText(replies: Partial<Activity>[]): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      for (const key of ['text', 'title', 'value']) if (typeof o[key] === 'string') out.push(o[key] as string);
      if (Array.isArray(o.facts)) (o.facts as { title: string; value: string }[]).forEach((f) => out.push(`${f.title}: ${f.value}`));
      for (const [k, v] of Object.entries(o)) if (k !== 'facts' && typeof v === 'object') walk(v);
    }
  };
  for (const reply of replies) {
    if (reply.text) out.push(reply.text);
    walk(reply.attachments?.map((a) => a.content));
  }
  return out.join('\n');
}
