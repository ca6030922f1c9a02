import { resolve } from 'node:path';
import { Application } from '@microsoft/teams-ai';
import { MemoryStorage, TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { parseConfig } from '../../../src/config';
import { createLogger } from '../../../src/shared/logger';
import type { Store } from '../../../src/store/cosmos-store';
import { createAdapter } from '../../../src/bot/adapter';
import { createBot, installMiddleware } from '../../../src/bot/app';
import { seedDemoData } from '../../../src/demo/seed-demo-data';
import type { Account } from '../../../src/features/accounts/accounts.schemas';
import { AccountsService } from '../../../src/features/accounts/accounts.service';
import { AccountsStore } from '../../../src/features/accounts/accounts.store';
import { LocationsService } from '../../../src/features/locations/locations.service';
import { LocationsStore } from '../../../src/features/locations/locations.store';
import type { Note } from '../../../src/features/notes/notes.schemas';
import { NotesService } from '../../../src/features/notes/notes.service';
import { NotesStore } from '../../../src/features/notes/notes.store';
import type { Person } from '../../../src/features/people/people.schemas';
import { PeopleService } from '../../../src/features/people/people.service';
import { PeopleStore } from '../../../src/features/people/people.store';
import { KbService } from '../../../src/features/kb/kb.service';
import { loadKbSnapshot } from '../../../src/features/kb/kb.loader';
import { registerVerifyRoutes } from '../../../src/features/accounts/verify/verify.routes';
import { registerPromiseRoutes } from '../../../src/features/accounts/promise/promise.routes';
import { activityFrom, logCapture, TEST_PEOPLE, type TestUser } from '../../helpers/bot-harness';
import type { Card } from './card-helpers';
import { openMemoryStore } from '../../helpers/memory-store';

export { actionsOf, cardText, elementById, type Card } from './card-helpers';
export type InvokeReply = { status: number; type: string; card: Card };

/** Today's date in UTC; the demo data is seeded relative to it so "past" and "window" mean the real today. */
export const utcToday = () => new Date().toISOString().slice(0, 10);

/**
 * The real bot (createBot, real teams-ai Application, embedded Cosmos with the demo data), with the
 * verify and promise routes registered on it as the lead will wire them. `invoke` sends an
 * Action.Execute and returns the invoke response; `bare` gives an Application with only these routes
 * (so Action.Submit messages reach them before the bot's fallback) for the Action.Submit paths.
 */
export async function createFormHarness(options: { bare?: boolean } = {}) {
  const config = parseConfig({});
  const logs = logCapture();
  const logger = createLogger('debug', logs.stream);
  const store: Store = await openMemoryStore('test', logger);
  const peopleStore = new PeopleStore(store.containers.people);
  for (const person of Object.values(TEST_PEOPLE)) await peopleStore.upsert(person as Person);
  await seedDemoData(store, { today: utcToday(), force: true });

  const accountsStore = new AccountsStore(store.containers.accounts, store.containers.lookups);
  const hooks: { beforeReplace?: () => Promise<void> } = {};
  const people = new PeopleService(peopleStore);
  const deps = {
    identify: (context: TurnContext) => people.identify(context.activity.from?.aadObjectId, context.activity.from?.name),
    logger,
    accounts: new AccountsService(accountsStore),
    notes: new NotesService(new NotesStore(store.containers.notes)),
    locations: new LocationsService(new LocationsStore(store.containers.locations)),
    // The real store; a test may first make a real concurrent write, so the save meets a real 412.
    accountsStore: {
      replace: async (account: Account, etag: string) => {
        const hook = hooks.beforeReplace;
        hooks.beforeReplace = undefined;
        await hook?.();
        return accountsStore.replace(account, etag);
      },
    },
  };
  let app: Application;
  if (options.bare) {
    app = new Application({ storage: new MemoryStorage() });
  } else {
    const kbDir = resolve(__dirname, '../../../kb');
    const kb = new KbService(await loadKbSnapshot(kbDir));
    app = createBot({ config, store, logger, adapter: createAdapter(config), storage: new MemoryStorage(), kb, reloadKb: async () => undefined });
  }
  if (options.bare) {
    // The full bot registers these routes itself; a bare Application gets them here, with the store
    // whose replace a test can interrupt to stage a real concurrent write.
    registerVerifyRoutes(app, deps);
    registerPromiseRoutes(app, deps);
  }
  const adapter = new TestAdapter(async (context) => {
    await app.run(context);
  });
  installMiddleware(adapter, config, logger);

  async function send(partial: Partial<Activity>, user: TestUser = 'agent'): Promise<Partial<Activity>[]> {
    await adapter.processActivity(activityFrom(user, { type: 'message', ...partial }));
    return adapter.activeQueue.splice(0);
  }

  /** Presses an Action.Execute button: the invoke response's status, type and card. */
  async function invoke(verb: string, data: unknown, user: TestUser = 'agent'): Promise<InvokeReply> {
    const out = await send({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } }, user);
    const response = out.find((a) => a.type === 'invokeResponse');
    if (!response) throw new Error(`no invoke response for ${verb}`);
    const value = response.value as { status: number; body: { type: string; value: Card } };
    return { status: value.status, type: value.body.type, card: value.body.value };
  }

  async function account(id: string): Promise<{ account: Account; etag: string }> {
    const record = await accountsStore.get(id);
    if (!record) throw new Error(`no account ${id}`);
    return record;
  }

  async function allAccounts(): Promise<Account[]> {
    const { resources } = await store.containers.accounts.items.query<Account>('SELECT * FROM c').fetchAll();
    return resources;
  }

  async function notesOf(accountId: string): Promise<Note[]> {
    const { resources } = await store.containers.notes.items.query<Note>({ query: 'SELECT * FROM c WHERE c.accountId = @id', parameters: [{ name: '@id', value: accountId }] }, { partitionKey: accountId }).fetchAll();
    return resources;
  }

  return { store, logs: logs.lines, accountsStore, hooks, send, invoke, account, allAccounts, notesOf, close: () => store.close() };
}
