import { forEachBounded } from '../shared/bounded';
import type { Container } from '@azure/cosmos';
import { accountSchema, lookupSchema, nameLookupSchema } from '../features/accounts/accounts.schemas';
import { locationSchema } from '../features/locations/locations.schemas';
import { noteSchema } from '../features/notes/notes.schemas';
import { personSchema } from '../features/people/people.schemas';
import type { Store } from '../store/cosmos-store';
import { generateAccounts } from './demo-accounts';
import { DEMO_LOCATIONS } from './demo-locations';
import { generateNotes } from './demo-notes';
import { demoPeople } from './demo-people';
import { demoQuickResponses } from './demo-quick-responses';
import { quickResponseSchema } from '../features/quick-responses/quick-responses.schemas';

export interface SeedDemoOptions {
  /** The day the data is relative to, YYYY-MM-DD; the current UTC date when left out. */
  today?: string;
  customers?: number;
  leads?: number;
  seed?: number;
  /** Write even when `people` is not empty (tests that set up their own people first). */
  force?: boolean;
}

export const DEMO_DEFAULTS = { seed: 20261122, customers: 520, leads: 110 } as const;


/** The demo's first mentor wrote the quick responses. */
function quickResponseAuthor(people: { id: string; name: string; roles: string[] }[]): { id: string; name: string } {
  const mentor = people.find((p) => p.roles.includes('mentor')) ?? people[0]!;
  return { id: mentor.id, name: mentor.name };
}

async function isEmpty(container: Container): Promise<boolean> {
  const page = await container.items.readAll({ maxItemCount: 1 }).fetchNext();
  return page.resources.length === 0;
}

/**
 * Fills an empty store with the demo data: locations, accounts, lookups, notes, then people.
 * Does nothing when `people` already has a document. People go last, so a seeding that stopped
 * half-way is simply redone (upserts) at the next start.
 */
export async function seedDemoData(store: Store, options: SeedDemoOptions = {}): Promise<{ seeded: boolean; counts: Record<string, number> }> {
  const counts: Record<string, number> = { locations: 0, people: 0, accounts: 0, lookups: 0, notes: 0, quickresponses: 0 };
  if (!options.force && !(await isEmpty(store.containers.people))) return { seeded: false, counts };

  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const locations = DEMO_LOCATIONS.map((l) => locationSchema.parse(l));
  const { accounts, lookups, nameLookups } = generateAccounts({
    seed, today, locations,
    customers: options.customers ?? DEMO_DEFAULTS.customers,
    leads: options.leads ?? DEMO_DEFAULTS.leads,
  });
  const people = demoPeople(locations).map((p) => personSchema.parse(p));
  const batches = [
    ['locations', locations],
    ['accounts', accounts.map((a) => accountSchema.parse(a))],
    ['lookups', [...lookups.map((l) => lookupSchema.parse(l)), ...nameLookups.map((l) => nameLookupSchema.parse(l))]],
    ['notes', generateNotes({ seed, today, accounts }).map((n) => noteSchema.parse(n))],
    ['quickresponses', demoQuickResponses(quickResponseAuthor(people), `${today}T08:00:00.000Z`).map((q) => quickResponseSchema.parse(q))],
    ['people', people],
  ] as const;
  for (const [name, documents] of batches) {
    const container = store.containers[name];
    await forEachBounded<object>(documents, 16, (document) => container.items.upsert(document));
    counts[name] = documents.length;
  }
  await store.flush();
  return { seeded: true, counts };
}
