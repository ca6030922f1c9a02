import { Application } from '@microsoft/teams-ai';
import { MemoryStorage, TestAdapter, type Activity, type TurnContext } from 'botbuilder';
import { createAdapter } from '../../../src/bot/adapter';
import { installMiddleware } from '../../../src/bot/app';
import { parseConfig } from '../../../src/config';
import { AccountsService } from '../../../src/features/accounts/accounts.service';
import { AccountsStore } from '../../../src/features/accounts/accounts.store';
import { registerFindAccountExtension } from '../../../src/features/accounts/find-extension/find-account.extension';
import { LocationsService } from '../../../src/features/locations/locations.service';
import { LocationsStore } from '../../../src/features/locations/locations.store';
import type { Person } from '../../../src/features/people/people.schemas';
import { PeopleService } from '../../../src/features/people/people.service';
import { PeopleStore } from '../../../src/features/people/people.store';
import { createLogger } from '../../../src/shared/logger';
import { logCapture, TEST_PEOPLE } from '../../helpers/bot-harness';
import { countingContainer, openSeededStore, type CallCounts } from '../seeded-store';

/** A person with a role that may not read accounts. */
export const LOCATION_USER: Person = { id: 'aad-location-1', name: 'Lou Location', roles: ['location_user'], locationIds: ['PDX1'], active: true };

export type Caller = keyof typeof TEST_PEOPLE | 'locationUser' | { id: string; name: string };

/** What Teams shows for a search: a list of results, or a message. */
export interface SearchResult {
  type: string;
  text?: string;
  attachmentLayout?: string;
  attachments?: { contentType: string; content: unknown; preview?: { contentType: string; content: { title: string; text: string } } }[];
}

/**
 * A real teams-ai Application with only the "Find an account" extension registered (the bot wires
 * it in src/bot), over the embedded store seeded with the demo data, driven by botbuilder's
 * TestAdapter. Store calls of the account containers are counted.
 */
export async function createFindAccountHarness() {
  const config = parseConfig({});
  const logs = logCapture();
  const logger = createLogger('debug', logs.stream);
  const { store, close } = await openSeededStore();
  const people = new PeopleStore(store.containers.people);
  for (const person of [...Object.values(TEST_PEOPLE), LOCATION_USER]) await people.upsert(person as Person);
  const peopleService = new PeopleService(people);
  const counts: CallCounts = { queries: 0, pointReads: 0 };
  const accounts = new AccountsService(new AccountsStore(countingContainer(store.containers.accounts, counts), countingContainer(store.containers.lookups, counts)));
  const locations = new LocationsService(new LocationsStore(store.containers.locations));

  const app = new Application({ adapter: createAdapter(config), botAppId: '', storage: new MemoryStorage() });
  const identify = (context: TurnContext) => peopleService.identify(context.activity.from?.aadObjectId, context.activity.from?.name);
  registerFindAccountExtension(app, { identify, accounts, locations, logger });
  const adapter = new TestAdapter(async (context) => {
    await app.run(context);
  });
  installMiddleware(adapter, config, logger);

  /** Sends the `composeExtension/query` invoke and returns every activity the bot queued. */
  async function invoke(value: Record<string, unknown>, user: Caller = 'agent'): Promise<Partial<Activity>[]> {
    const who = user === 'locationUser' ? LOCATION_USER : typeof user === 'string' ? TEST_PEOPLE[user] : user;
    await adapter.processActivity({
      type: 'invoke',
      name: 'composeExtension/query',
      channelId: 'msteams',
      from: { id: `teams-${who.id}`, name: who.name, aadObjectId: who.id },
      recipient: { id: 'bot-id', name: 'Deskmate' },
      conversation: { id: `conv-${who.id}`, conversationType: 'personal', isGroup: false, name: '' },
      channelData: { tenant: { id: '00000000-0000-0000-0000-0000000000001' } },
      value,
    });
    return adapter.activeQueue.splice(0);
  }

  return { store, logs: logs.lines, counts, invoke, close };
}
