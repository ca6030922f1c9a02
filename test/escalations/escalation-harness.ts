import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { parseConfig } from '../../src/config';
import { createAdapter } from '../../src/bot/adapter';
import { createBot, installMiddleware } from '../../src/bot/app';
import { seedDemoData } from '../../src/demo/seed-demo-data';
import type { Account } from '../../src/features/accounts/accounts.schemas';
import type { KnowledgeCapture } from '../../src/features/escalations';
import type { Escalation } from '../../src/features/escalations/escalations.schemas';
import { loadKbSnapshot } from '../../src/features/kb/kb.loader';
import { KbService } from '../../src/features/kb/kb.service';
import type { Note } from '../../src/features/notes/notes.schemas';
import type { Person } from '../../src/features/people/people.schemas';
import { PeopleStore } from '../../src/features/people/people.store';
import { createLogger } from '../../src/shared/logger';
import { actionsOf, cardText, elementById, type Card } from '../accounts/verify/card-helpers';
import { activityFrom, logCapture, TEST_PEOPLE, visibleText, type TestUser } from '../helpers/bot-harness';
import { inChannel, startConnector, type ConnectorCall } from '../links/links-helpers';
import { inputsOf } from '../notes/note-harness';
import { openMemoryStore } from '../helpers/memory-store';

export { actionsOf, cardText, elementById, inputsOf, visibleText, type Card };

/** A second mentor (for the race) and a mentor who is also a requester. */
export const SECOND_MENTOR: Person = { id: 'aad-mentor-2', name: 'Riley Reviewer', title: 'Supervisor', roles: ['mentor'], locationIds: [], active: true };
/** An agent who only looks at other people's requests. */
export const BYSTANDER: Person = { id: 'aad-agent-2', name: 'Blair Bystander', roles: ['agent'], locationIds: [], active: true };
/** An agent who only ever writes from a group chat, so Deskmate has no personal chat to tell them in. */
export const GROUP_AGENT: Person = { id: 'aad-agent-3', name: 'Quinn Group', roles: ['agent'], locationIds: [], active: true };
export const GROUP_CHAT = { conversation: { id: '19:group-chat@thread.v2', conversationType: 'groupChat', isGroup: true } } as Partial<Activity>;
export const MENTORS_CHANNEL = '19:mentors@thread.tacv2';

export type User = TestUser;

/**
 * The real bot (teams-ai Application, embedded Cosmos, optionally the demo accounts) driven by
 * botbuilder's TestAdapter, with a Bot Connector on loopback that every activity names as its service
 * URL: the mentors' channel is linked to it, and people's personal chats are remembered with it, so
 * proactive posts and card updates arrive there over HTTP.
 */
export async function createEscalationBot(options: { demo?: boolean; knowledge?: KnowledgeCapture; env?: Record<string, string> } = {}) {
  const config = parseConfig({ ...options.env });
  const logs = logCapture();
  const logger = createLogger('debug', logs.stream);
  const store = await openMemoryStore('test', logger);
  const people = new PeopleStore(store.containers.people);
  for (const person of [...Object.values(TEST_PEOPLE), SECOND_MENTOR, BYSTANDER, GROUP_AGENT]) await people.upsert(person as Person);
  if (options.demo) await seedDemoData(store, { today: '2026-11-22', force: true });
  const kbDir = resolve(__dirname, '../../kb');
  const kb = new KbService(await loadKbSnapshot(kbDir));
  const app = createBot({ config, store, logger, adapter: createAdapter(config), storage: new MemoryStorage(), kb, reloadKb: async () => undefined, knowledge: options.knowledge });
  const adapter = new TestAdapter(async (context) => {
    await app.run(context);
  });
  installMiddleware(adapter, config, logger);
  const connector = await startConnector();

  const who = (user: User) => (typeof user === 'string' ? TEST_PEOPLE[user] : user);

  /** Runs one activity and takes the bot's replies to it (by replyToId, so turns running at once do not mix). */
  async function run(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    const id = randomUUID();
    await adapter.processActivity({ ...activity, id });
    const mine = adapter.activeQueue.filter((a) => a.replyToId === id);
    for (const reply of mine) adapter.activeQueue.splice(adapter.activeQueue.indexOf(reply), 1);
    return mine;
  }

  async function send(partial: Partial<Activity>, user: User = 'agent'): Promise<Partial<Activity>[]> {
    return (await run(activityFrom(user, { type: 'message', serviceUrl: connector.url, ...partial }))).filter((a) => a.type === 'message');
  }

  /** Presses an Action.Execute button as `user` (in their personal chat unless `where` says otherwise): the card that replaces it. */
  async function execute(verb: string, data: unknown, user: User = 'agent', where: Partial<Activity> = {}): Promise<Card> {
    const out = await run(activityFrom(user, { type: 'invoke', name: 'adaptiveCard/action', serviceUrl: connector.url, value: { action: { type: 'Action.Execute', verb, data } }, ...where }));
    const response = out.find((a) => a.type === 'invokeResponse')?.value as { status?: number; body?: { type: string; value: Card } } | undefined;
    if (response?.status !== 200 || response.body?.type !== 'application/vnd.microsoft.card.adaptive') throw new Error(`unexpected invoke response ${JSON.stringify(response)}`);
    return response.body.value;
  }

  /** Presses the button titled `title` on `card` (nested ones too), with the card's inputs as typed plus `typed`. */
  function press(card: Card, title: string, typed: Record<string, unknown> = {}, user: User = 'agent', where: Partial<Activity> = {}): Promise<Card> {
    const action = actionsOf(card).find((a) => a.title === title && a.type === 'Action.Execute');
    if (!action?.verb) throw new Error(`no "${title}" button on the card: ${actionsOf(card).map((a) => a.title).join(', ')}`);
    return execute(action.verb, { ...inputsOf(card), ...action.data, ...typed }, user, where);
  }

  const customers = options.demo ? (await store.containers.accounts.items.query<Account>('SELECT * FROM c WHERE c.kind = "customer"').fetchAll()).resources : [];
  const taken = new Set<string>();
  /** A demo customer no other test has used, with exactly one unit unless told otherwise. */
  function take(match: (a: Account) => boolean = (a) => a.units.length === 1): Account {
    const account = customers.find((a) => !taken.has(a.id) && match(a));
    if (!account) throw new Error('no demo customer left');
    taken.add(account.id);
    return account;
  }

  async function escalationsOf(accountId: string): Promise<Escalation[]> {
    const query = { query: 'SELECT * FROM c WHERE c.accountId = @id', parameters: [{ name: '@id', value: accountId }] };
    return (await store.containers.escalations.items.query<Escalation>(query).fetchAll()).resources;
  }
  async function notesOf(accountId: string): Promise<Note[]> {
    const query = { query: 'SELECT * FROM c WHERE c.accountId = @id', parameters: [{ name: '@id', value: accountId }] };
    return (await store.containers.notes.items.query<Note>(query, { partitionKey: accountId }).fetchAll()).resources;
  }

  /** Links the mentors' channel to the loopback connector (as the admin, from the channel). */
  async function linkMentors(): Promise<void> {
    await send({ text: 'link mentors', ...inChannel({ id: MENTORS_CHANNEL, name: 'Mentors' }) }, 'admin');
  }

  /** The connector calls made since `from` (an index into `connector.calls`). */
  const callsSince = (from: number): ConnectorCall[] => connector.calls.slice(from);

  return {
    store,
    logs: logs.lines,
    connector,
    send,
    say: (text: string, user: User = 'agent') => send({ text }, user),
    execute,
    press,
    take,
    who,
    escalationsOf,
    notesOf,
    linkMentors,
    callsSince,
    close: async () => {
      await connector.close();
      await store.close();
    },
  };
}

/** Where a connector call went: its conversation id. */
export function conversationOfCall(call: ConnectorCall): string {
  return decodeURIComponent(/\/v3\/conversations\/([^/]+)\/activities/.exec(call.url)?.[1] ?? '');
}

/** The card a connector call carried (a post or an update). */
export function cardOfCall(call: ConnectorCall): Card {
  return (call.body.attachments as { content: Card }[])[0]!.content;
}

/** The posts (new messages) among `calls` into conversations whose id contains `where`. */
export const postsTo = (calls: ConnectorCall[], where: string) => calls.filter((c) => c.method === 'POST' && conversationOfCall(c).includes(where));
/** The updates (replaced cards) among `calls` in conversations whose id contains `where`. */
export const updatesIn = (calls: ConnectorCall[], where: string) => calls.filter((c) => c.method === 'PUT' && conversationOfCall(c).includes(where));
