/**
 * The benchmark's accounts: the demo generator (`generateAccounts`, `buildLookups`) run once per
 * "branch" of stores, with the few changes that keep 100,000 accounts as unique as the demo's 630.
 *
 * Why branches: one `generateAccounts` call cannot make 100,000 accounts. Its phones come from the
 * fictional 555-01xx range (about 31,000 numbers over all area codes) and its unit ids from a few
 * thousand per store, so it throws or loops at that size. Each branch is a copy of the 7 demo
 * stores with its own ids (PDX1 … PDX15), about 1,000 accounts a store, generated with its own seed.
 * Branch k then gets, deterministically:
 *   - phones 555-0kxx instead of 555-01xx (branch 1 keeps 555-01xx): unique across branches, not
 *     all in the fictional range;
 *   - emails on the subdomain bk.example.com (branch 1 keeps example.com);
 *   - a fresh 7-digit account id where the generator's id was already used by an earlier branch.
 * Units need no change: a unit is unique within its store and the stores differ. Bare unit keys
 * (`unit:B112`) do span branches, so lookups are merged over all branches before they are written.
 */
import { accountSchema, type Account, type Lookup, type NameLookup } from '../../src/features/accounts/accounts.schemas';
import { nameLookupsOf } from '../../src/features/accounts/name-match';
import type { Location } from '../../src/features/locations/locations.schemas';
import { buildLookups, generateAccounts } from '../../src/demo/demo-accounts';
import { DEMO_LOCATIONS } from '../../src/demo/demo-locations';
import { DEMO_DEFAULTS } from '../../src/demo/seed-demo-data';
import { createRandom, deriveSeed, type Random } from '../../src/demo/random';

export interface DatasetOptions {
  accounts: number;
  seed: number;
  /** The day the data is relative to (fixed, so every run has the same data). */
  today: string;
  /** About this many accounts per store; decides how many branches there are. */
  accountsPerLocation: number;
  /** How many accounts are kept (drawn evenly over branches) to build the lookup workload from. */
  sampleSize: number;
}

/** What the workload needs from one account, kept for a sample of accounts only. */
export interface SampleAccount {
  id: string;
  firstName: string;
  lastName: string;
  phones: string[];
  emails: string[];
  units: { locationId: string; unitId: string }[];
}

export interface Branch {
  index: number;
  locations: Location[];
  accounts: Account[];
  /** Wall time of `generateAccounts` plus the remapping, ms. */
  generateMs: number;
  /** Wall time of validating every account with `accountSchema`, ms. */
  validateMs: number;
}

/** The branches' store ids run up to 99 so that "PDX15 B112" still reads as a unit at a store. */
const MAX_BRANCHES = 99;
const LEAD_SHARE = DEMO_DEFAULTS.leads / (DEMO_DEFAULTS.customers + DEMO_DEFAULTS.leads);
const pad2 = (n: number) => String(n).padStart(2, '0');

export function branchCount(options: Pick<DatasetOptions, 'accounts' | 'accountsPerLocation'>): number {
  return Math.min(MAX_BRANCHES, Math.max(1, Math.ceil(options.accounts / (DEMO_LOCATIONS.length * options.accountsPerLocation))));
}

/** Branch k's copy of the demo stores: PDX1 -> PDXk. Branch 1 is the demo stores themselves. */
export function branchLocations(k: number): Location[] {
  if (k === 1) return DEMO_LOCATIONS;
  return DEMO_LOCATIONS.map((l) => ({ ...l, id: l.id.replace(/\d+$/, String(k)), name: `${l.name} (${k})` }));
}

/**
 * Generates the accounts branch by branch and hands each branch to `onBranch` before making the
 * next, so only one branch is in memory. Deterministic for the same options.
 */
export async function generateBranches(options: DatasetOptions, onBranch: (branch: Branch) => Promise<void>): Promise<{ branches: number; sample: SampleAccount[]; remappedIds: number }> {
  const branches = branchCount(options);
  const usedIds = new Set<string>();
  const idRng = createRandom(deriveSeed(options.seed, 'bench ids'));
  const sampleRng = createRandom(deriveSeed(options.seed, 'bench sample'));
  const sample: SampleAccount[] = [];
  let remappedIds = 0;
  for (let k = 1; k <= branches; k += 1) {
    const size = Math.floor(options.accounts / branches) + (k <= options.accounts % branches ? 1 : 0);
    const leads = Math.round(size * LEAD_SHARE);
    const locations = branchLocations(k);
    const t0 = performance.now();
    const { accounts } = generateAccounts({ seed: deriveSeed(options.seed, `branch ${k}`), customers: size - leads, leads, today: options.today, locations });
    for (const account of accounts) {
      remapContacts(account, k);
      if (usedIds.has(account.id)) {
        account.id = freshId(idRng, usedIds);
        remappedIds += 1;
      }
      usedIds.add(account.id);
    }
    const generateMs = performance.now() - t0;
    const t1 = performance.now();
    const invalid = accounts.filter((a) => !accountSchema.safeParse(a).success);
    if (invalid.length) throw new Error(`branch ${k}: ${invalid.length} generated accounts do not pass accountSchema (first ${invalid[0]?.id})`);
    const validateMs = performance.now() - t1;
    sample.push(...pickSample(sampleRng, accounts, Math.ceil(options.sampleSize / branches)));
    await onBranch({ index: k, locations, accounts, generateMs, validateMs });
  }
  return { branches, sample: sampleRng.shuffle(sample).slice(0, options.sampleSize), remappedIds };
}

/** Phones and emails of branch k, made unique across branches (see the file comment). */
function remapContacts(account: Account, k: number): void {
  if (k === 1) return;
  for (const phone of account.phones) {
    const m = /^(\d{3})55501(\d{2})$/.exec(phone.number);
    if (!m) throw new Error(`unexpected demo phone ${phone.number}`);
    phone.number = `${m[1]}555${pad2(k)}${m[2]}`;
  }
  for (const email of account.emails) email.address = email.address.replace(/@/, `@b${k}.`);
}

function freshId(rng: Random, used: Set<string>): string {
  for (;;) {
    const id = String(rng.int(1_000_000, 9_999_999));
    if (!used.has(id)) return id;
  }
}

/** What the workload keeps of an account. */
export function toSample(a: Account): SampleAccount {
  return {
    id: a.id,
    firstName: a.firstName,
    lastName: a.lastName,
    phones: a.phones.map((p) => p.number),
    emails: a.emails.map((e) => e.address),
    units: a.units.map((u) => ({ locationId: a.locationId, unitId: u.id })),
  };
}

function pickSample(rng: Random, accounts: readonly Account[], count: number): SampleAccount[] {
  return rng.shuffle(accounts).slice(0, count).map(toSample);
}

/**
 * The lookup documents of all branches, merged by key (bare unit keys collect ids from every branch),
 * and the accounts' name lookups (one document each, nothing to merge).
 */
export class LookupIndex {
  private readonly index = new Map<string, string[]>();
  private readonly names: NameLookup[] = [];
  /** Keys other than bare units that got ids from two branches: should stay 0. */
  crossBranchCollisions = 0;

  add(accounts: Account[]): void {
    for (const account of accounts) this.names.push(...nameLookupsOf(account));
    for (const lookup of buildLookups(accounts)) {
      const ids = this.index.get(lookup.key);
      if (!ids) {
        this.index.set(lookup.key, [...lookup.accountIds]);
        continue;
      }
      if (!/^unit:[A-Z]\d+$/i.test(lookup.key)) this.crossBranchCollisions += 1;
      for (const id of lookup.accountIds) if (!ids.includes(id)) ids.push(id);
    }
  }

  get size(): number {
    return this.index.size;
  }

  documents(): (Lookup | NameLookup)[] {
    return [...[...this.index].map(([key, accountIds]) => ({ id: key, key, accountIds })), ...this.names];
  }

  /** How many keys of each kind, and how long the id lists get. */
  stats() {
    const kinds: Record<string, { keys: number; maxIds: number; multiId: number }> = {};
    for (const [key, ids] of this.index) {
      const kind = key.startsWith('unit:') ? (key.split(':').length === 3 ? 'unit at location' : 'bare unit') : key.split(':')[0]!;
      const entry = (kinds[kind] ??= { keys: 0, maxIds: 0, multiId: 0 });
      entry.keys += 1;
      entry.maxIds = Math.max(entry.maxIds, ids.length);
      if (ids.length > 1) entry.multiId += 1;
    }
    // Name lookups: one document per account and word start; "keys" counts the documents, "maxIds" the largest partition.
    const partitions = new Map<string, number>();
    for (const name of this.names) partitions.set(name.key, (partitions.get(name.key) ?? 0) + 1);
    kinds.name = { keys: this.names.length, maxIds: Math.max(0, ...partitions.values()), multiId: 0 };
    return kinds;
  }
}
