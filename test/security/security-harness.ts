import { randomUUID } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Activity } from 'botbuilder';
import type { Person } from '../../src/features/people/people.schemas';
import { requirePermission } from '../../src/features/people/people.service';
import { PeopleStore } from '../../src/features/people/people.store';
import type { Store } from '../../src/store/cosmos-store';
import { TEST_PEOPLE, visibleText, type TestUser } from '../helpers/bot-harness';
import { actionsOf, cardText, createNoteBot, inputsOf, type Card } from '../notes/note-harness';

export { actionsOf, cardText, inputsOf, type Card };

/** The callers of the matrix, from least to most allowed (refused roles run first in each row). */
export const ROLE_NAMES = ['none', 'inactive', 'store', 'agent', 'mentor', 'admin'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

/** Someone Teams knows (an AAD object id) but Deskmate does not: no `people` document. */
export const NOBODY = { id: 'aad-nobody', name: 'Nobody Known' } as const;
/** A location user (store staff) of PDX1: DESIGN's "location user", no agent role. */
export const STORE_USER: Person = { id: 'aad-store-pdx1', name: 'Sasha Store', title: 'Store Manager', roles: ['location_user'], locationIds: ['PDX1'], active: true };
/** A second agent, who did not make the test requests. */
export const OTHER_AGENT: Person = { id: 'aad-agent-2', name: 'Blair Bystander', roles: ['agent'], locationIds: [], active: true };

export const USERS: Record<RoleName, TestUser> = {
  none: { ...NOBODY },
  inactive: 'inactive',
  store: { id: STORE_USER.id, name: STORE_USER.name },
  agent: 'agent',
  mentor: 'mentor',
  admin: 'admin',
};

/** The `people` document behind each role (undefined: not set up). */
export const PERSON_OF: Record<RoleName, Person | undefined> = {
  none: undefined,
  inactive: TEST_PEOPLE.inactive as Person,
  store: STORE_USER,
  agent: TEST_PEOPLE.agent as Person,
  mentor: TEST_PEOPLE.mentor as Person,
  admin: TEST_PEOPLE.admin as Person,
};

function refusalOf(caller: Parameters<typeof requirePermission>[0]): string {
  try {
    requirePermission(caller, 'people.manage');
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('requirePermission did not refuse');
}

/** The exact refusals of the server (people.service `requirePermission`): not set up, and not allowed. */
export const NOT_SET_UP = refusalOf({ displayName: 'x' });
export const ROLE_REFUSED = refusalOf({ displayName: 'x', person: { id: 'x', name: 'x', roles: [], locationIds: [], active: true } });
/** What a payload that fails its schema gets (shared/card-verbs `badFormCard`): a row whose payload gets it tests nothing. */
export const BAD_FORM = 'That form is out of date or incomplete';

/** One write request the embedded Cosmos server received: method, container and path. */
export interface ObservedWrite {
  method: string;
  container: string;
  path: string;
}

/**
 * Every write the embedded Cosmos server receives, seen on Node's `http.server.request.start`
 * diagnostics channel (the real requests of the real SDK; nothing is replaced). A write is any
 * request other than a GET or a query (POST with `x-ms-documentdb-isquery`).
 */
export function observeWrites() {
  const writes: ObservedWrite[] = [];
  const onRequest = (message: unknown) => {
    const request = (message as { request: IncomingMessage }).request;
    const method = request.method ?? '';
    const path = request.url ?? '';
    if (!path.startsWith('/dbs/')) return;
    const isQuery = method === 'POST' && (String(request.headers['x-ms-documentdb-isquery'] ?? '').toLowerCase() === 'true' || String(request.headers['content-type'] ?? '').startsWith('application/query+json'));
    if (method === 'GET' || method === 'HEAD' || isQuery) return;
    writes.push({ method, container: /\/colls\/([^/]+)/.exec(path)?.[1] ?? '(database)', path });
  };
  diagnostics.subscribe('http.server.request.start', onRequest);
  return { writes, stop: () => diagnostics.unsubscribe('http.server.request.start', onRequest) };
}

/** Every document of every container as `container/id` -> `_etag`: equal maps mean nothing was written. */
export async function fingerprint(store: Store): Promise<Map<string, string>> {
  const all = await Promise.all(
    Object.entries(store.containers).map(async ([name, container]) => {
      const { resources } = await container.items.query<{ id: string; _etag: string }>('SELECT c.id, c._etag FROM c').fetchAll();
      return resources.map((doc) => [`${name}/${doc.id}`, doc._etag] as const);
    }),
  );
  return new Map(all.flat());
}

/** The documents added, removed or changed between two fingerprints. */
export function changedDocuments(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed: string[] = [];
  for (const [key, etag] of after) if (before.get(key) !== etag) changed.push(before.has(key) ? `changed ${key}` : `added ${key}`);
  for (const key of before.keys()) if (!after.has(key)) changed.push(`removed ${key}`);
  return changed.sort();
}

/** The turn log line of the latest turn (route and outcome), from the captured logs. */
export function lastTurn(logs: Record<string, unknown>[]): { route?: string; outcome?: string } {
  const line = [...logs].reverse().find((l) => l.msg === 'turn');
  return { route: line?.route as string | undefined, outcome: line?.outcome as string | undefined };
}

/** What one press or message sends: a text message, an Action.Execute invoke, an Action.Submit message, a search, or a feedback invoke. */
export type Send =
  | { kind: 'text'; text: string }
  | { kind: 'execute'; verb: string; data: Record<string, unknown> }
  | { kind: 'submit'; data: Record<string, unknown> }
  | { kind: 'extension'; commandId: string; query: string }
  | { kind: 'feedback'; reaction: 'like' | 'dislike'; comment: string };

/** What came back: everything the caller reads, the turn log line, and the writes the turn made. */
export interface Reply {
  text: string;
  route?: string;
  outcome?: string;
  writes: ObservedWrite[];
  /** The raw answer (cards, extension results) for tests that look deeper. */
  raw: unknown[];
}

/**
 * The real bot over the embedded store with the demo data (see note-harness), the matrix's extra
 * people (a store user and a second agent), a write observer, and `call`: sends one activity as a
 * user and gives back what they read.
 */
export async function createSecurityBot() {
  const t = await createNoteBot();
  const people = new PeopleStore(t.bot.store.containers.people);
  for (const person of [STORE_USER, OTHER_AGENT]) await people.upsert(person);
  const observer = observeWrites();

  async function call(send: Send, user: TestUser, extra: Partial<Activity> = {}): Promise<Reply> {
    const mark = observer.writes.length;
    const raw: unknown[] = [];
    let text = '';
    if (send.kind === 'text' || send.kind === 'submit') {
      const replies = await t.bot.send(send.kind === 'text' ? { text: send.text, ...extra } : { text: undefined, value: send.data, ...extra }, user);
      raw.push(...replies);
      text = visibleText(replies);
    } else {
      const value =
        send.kind === 'execute'
          ? { action: { type: 'Action.Execute', verb: send.verb, data: send.data } }
          : send.kind === 'extension'
            ? { commandId: send.commandId, parameters: [{ name: 'query', value: send.query }], queryOptions: { skip: 0, count: 25 } }
            : { actionName: 'feedback', actionValue: { reaction: send.reaction, feedback: JSON.stringify({ feedbackText: send.comment }) } };
      const name = send.kind === 'execute' ? 'adaptiveCard/action' : send.kind === 'extension' ? 'composeExtension/query' : 'message/submitAction';
      const reply = await t.bot.sendInvoke({ name, value, ...extra }, user);
      raw.push(reply.body, ...reply.messages);
      const body = reply.body as { value?: unknown; composeExtension?: { text?: string; attachments?: unknown[] } } | undefined;
      text = [cardText(body?.value ?? ''), body?.composeExtension?.text ?? '', cardText(body?.composeExtension?.attachments ?? []), visibleText(reply.messages)].filter(Boolean).join('\n');
    }
    return { text, ...lastTurn(t.bot.logs), writes: observer.writes.slice(mark), raw };
  }

  return {
    ...t,
    store: t.bot.store,
    logs: t.bot.logs,
    writes: observer.writes,
    call,
    close: async () => {
      observer.stop();
      await t.close();
    },
  };
}

export type SecurityBot = Awaited<ReturnType<typeof createSecurityBot>>;

/**
 * What a button sends when pressed: the card's inputs as shown, the button's data, then `typed`
 * (what the user typed over the inputs), as Teams builds an Action.Execute or Action.Submit payload.
 */
export function pressed(card: unknown, title: string, typed: Record<string, unknown> = {}): { verb: string; data: Record<string, unknown> } {
  const action = actionsOf(card).find((a) => a.title === title && (a.type === 'Action.Execute' || a.type === 'Action.Submit'));
  if (!action) throw new Error(`no "${title}" button on the card: ${actionsOf(card).map((a) => a.title).join(', ')}`);
  const data = { ...inputsOf(card as Card), ...(action.data ?? {}), ...typed };
  const verb = action.verb ?? (typeof data.verb === 'string' ? data.verb : '');
  return { verb, data };
}

/** The same payload with a new `submissionId` (where it has one), as a freshly rendered card would carry. */
export function fresh(data: Record<string, unknown>): Record<string, unknown> {
  return 'submissionId' in data ? { ...data, submissionId: randomUUID() } : { ...data };
}

const SHOWN_KEYS = ['text', 'title', 'label', 'placeholder', 'altText', 'errorMessage', 'fallbackText', 'subtitle'];

/**
 * What a person can read in cards, messages and search results: text blocks and runs, titles, labels,
 * fact titles and values, typed input values, choice titles and previews. Not what only the client
 * sees: button `data`, `verb`, element ids, choice values, `refresh`.
 */
export function shownText(node: unknown): string {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== 'object') return;
    const o = value as Record<string, unknown>;
    for (const key of SHOWN_KEYS) if (typeof o[key] === 'string') out.push(o[key] as string);
    const type = typeof o.type === 'string' ? o.type : '';
    if (typeof o.value === 'string' && (type === 'Input.Text' || type === 'Input.Number' || type === 'Input.Date' || type === 'Input.Time' || (!type && typeof o.title === 'string'))) out.push(o.value);
    for (const [key, inner] of Object.entries(o)) {
      if (key === 'data' || key === 'refresh') continue;
      if (key === 'choices' && Array.isArray(inner)) {
        inner.forEach((c: { title?: unknown }) => typeof c?.title === 'string' && out.push(c.title));
        continue;
      }
      if (typeof inner === 'object') walk(inner);
    }
  };
  walk(node);
  return out.join('\n');
}
