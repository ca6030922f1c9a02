import type { Account, LEAD_STATUSES, Lookup, NameLookup } from '../features/accounts/accounts.schemas';
import { nameLookupsOf } from '../features/accounts/name-match';
import type { Location } from '../features/locations/locations.schemas';
import { LOCAL_AREA_CODES } from './demo-locations';
import * as names from './demo-names';
import { createRandom, deriveSeed, type Random } from './random';
import { addDays, daysBetween, timestampOn } from './demo-dates';
import { collectionFor, makeUnit } from './demo-units';

export { addDays, daysBetween, timestampOn } from './demo-dates';

export interface GenerateAccountsOptions {
  seed: number;
  customers: number;
  leads: number;
  /** The day the data is relative to, YYYY-MM-DD. */
  today: string;
  locations: Location[];
}


// ---- Phones, emails and ids, unique unless shared on purpose --------------------------------

/** Hands out fictional 555-01xx numbers; the pair (area code, last two digits) is never reused. */
class PhoneBook {
  private readonly pools = new Map<string, string[]>();
  constructor(private readonly rng: Random, private readonly reserved: Set<string>) {}

  take(localCodes: readonly string[]): string {
    const codes = this.rng.chance(0.8) ? this.rng.shuffle(localCodes) : [];
    for (let tries = 0; tries < 2000; tries += 1) {
      const code = codes[tries] ?? this.rng.pick(names.AREA_CODES);
      const pool = this.pools.get(code) ?? this.rng.shuffle(Array.from({ length: 100 }, (_, n) => `${code}55501${String(n).padStart(2, '0')}`).filter((p) => !this.reserved.has(p)));
      this.pools.set(code, pool);
      const number = pool.pop();
      if (number) return number;
    }
    throw new Error('ran out of fictional 555-01xx phone numbers');
  }
}

function takeEmail(rng: Random, used: Set<string>, first: string, last: string): string {
  const f = names.plainName(first).replace(/[^a-z]/g, '');
  const l = names.plainName(last).replace(/[^a-z]/g, '');
  const domain = rng.weighted([['example.com', 60], ['example.net', 25], ['example.org', 15]] as const);
  let local = rng.pick([`${f}.${l}`, `${f}${l}`, `${f[0] ?? 'x'}${l}`, `${f}_${l}`, `${l}.${f}`, `${f}${rng.int(70, 99)}`]);
  while (used.has(`${local}@${domain}`)) local = `${local}${rng.int(1, 9)}`;
  used.add(`${local}@${domain}`);
  return `${local}@${domain}`;
}

function takeId(rng: Random, used: Set<string>): string {
  let id = String(rng.int(1_000_000, 9_999_999));
  while (used.has(id)) id = String(rng.int(1_000_000, 9_999_999));
  used.add(id);
  return id;
}

// ---- Units ----------------------------------------------------------------------------------

interface Context {
  rng: Random;
  today: string;
  phones: PhoneBook;
  emails: Set<string>;
  ids: Set<string>;
  units: Set<string>;
}

/** Half the leads are still active, a quarter rented, a quarter canceled. */
const LEAD_MIX = ['Active', 'Active', 'Rented', 'Canceled'] as const satisfies readonly (typeof LEAD_STATUSES)[number][];
const FRENCH_SHARE: Record<string, number> = { QC: 0.8, ON: 0.25 };
const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

function makePerson(ctx: Context, location: Location, household?: Account) {
  const { rng } = ctx;
  const language = household?.language ?? (rng.chance(FRENCH_SHARE[location.address.state] ?? 0.02) ? 'fr' : 'en');
  const frenchNames = language === 'fr' ? rng.chance(0.92) : location.address.state === 'QC' && rng.chance(0.3);
  const spanish = !frenchNames && rng.chance(0.22);
  const firstName = rng.pick(frenchNames ? names.FIRST_NAMES_FR : spanish ? names.FIRST_NAMES_ES : names.FIRST_NAMES_EN);
  const lastName = household?.lastName ?? rng.pick(frenchNames ? names.LAST_NAMES_FR : spanish ? names.LAST_NAMES_ES : rng.chance(0.9) ? names.LAST_NAMES_EN : names.LAST_NAMES_ES);
  const local = LOCAL_AREA_CODES[location.id] ?? [location.phone.slice(0, 3)];
  const phones: Account['phones'] = [{ number: ctx.phones.take(local), label: 'mobile', primary: true }];
  const sharedPhone = household?.phones[0]?.number;
  if (sharedPhone) phones.push({ number: sharedPhone, label: 'home', primary: false });
  else if (rng.chance(0.45)) phones.push({ number: ctx.phones.take(local), label: rng.pick(['home', 'work', 'other'] as const), primary: false });
  const emails: Account['emails'] = [{ address: takeEmail(rng, ctx.emails, firstName, lastName), primary: true }];
  if (rng.chance(0.3)) emails.push({ address: takeEmail(rng, ctx.emails, firstName, lastName), primary: false });
  const idLast3 = String(rng.int(0, 999)).padStart(3, '0');
  const idNumber = rng.chance(0.33) ? `${rng.pick([...LETTERS])}${rng.pick([...LETTERS])}${rng.int(10_000, 999_999)}${idLast3}` : undefined;
  return {
    id: takeId(rng, ctx.ids),
    firstName,
    lastName,
    searchName: names.plainName(`${firstName} ${lastName}`),
    phones,
    emails,
    locationId: location.id,
    language,
    preferences: { marketing: rng.chance(0.4), paymentReminders: rng.chance(0.85), accountNotifications: rng.chance(0.9) },
    identity: idNumber ? { idNumber, idLast3 } : { idLast3 },
  } satisfies Partial<Account>;
}

function stamps(rng: Random, createdDay: string, today: string) {
  const createdAt = timestampOn(createdDay, rng);
  const updatedAt = timestampOn(addDays(today, -rng.int(1, Math.max(1, Math.min(90, daysBetween(createdDay, today))))), rng);
  return { createdAt, updatedAt: updatedAt > createdAt ? updatedAt : createdAt };
}

function makeCustomer(ctx: Context, location: Location, household?: Account): Account {
  const { rng, today } = ctx;
  const person = makePerson(ctx, location, household);
  const count = rng.weighted([[1, 72], [2, 21], [3, 7]]);
  const behind = rng.chance(0.26);
  const units = Array.from({ length: count }, (_, i) => makeUnit(rng, today, location.id, ctx.units, behind && (i === 0 || rng.chance(0.8))));
  const firstMoveIn = units.map((u) => u.moveInDate).sort()[0] ?? today;
  const collection = collectionFor(units, today);
  return {
    ...person,
    kind: 'customer',
    status: behind ? 'Delinquent' : 'Current',
    units,
    ...(collection ? { collection } : {}),
    ...stamps(rng, addDays(firstMoveIn, -rng.int(0, 10)), today),
  };
}

function makeLead(ctx: Context, location: Location, status: (typeof LEAD_STATUSES)[number]): Account {
  const person = makePerson(ctx, location);
  return { ...person, kind: 'lead', status, units: [], ...stamps(ctx.rng, addDays(ctx.today, -ctx.rng.int(1, 150)), ctx.today) };
}

/**
 * Customers and leads for the demo, the same for the same options. A few customers are
 * households sharing a home phone (and one an email) with an earlier customer on purpose. With
 * their lookups: phones, emails and units (`buildLookups`), and names (`nameLookupsOf`).
 */
export function generateAccounts(options: GenerateAccountsOptions): { accounts: Account[]; lookups: Lookup[]; nameLookups: NameLookup[] } {
  const { customers, leads, today, locations } = options;
  if (locations.length === 0) throw new Error('generateAccounts needs at least one location');
  const rng = createRandom(deriveSeed(options.seed, 'accounts'));
  const reserved = new Set(locations.flatMap((l) => [l.phone, l.districtManager.phone]));
  const ctx: Context = { rng, today, phones: new PhoneBook(rng, reserved), emails: new Set(), ids: new Set(), units: new Set() };
  const households = new Set(rng.shuffle(Array.from({ length: Math.max(0, customers - 1) }, (_, i) => i + 1)).slice(0, 3));
  const lastHousehold = Math.max(-1, ...households);
  const accounts: Account[] = [];
  for (let i = 0; i < customers; i += 1) {
    const partner = households.has(i) ? rng.pick(accounts) : undefined;
    const location = partner ? (locations.find((l) => l.id === partner.locationId) ?? rng.pick(locations)) : rng.pick(locations);
    const account = makeCustomer(ctx, location, partner);
    const familyEmail = i === lastHousehold ? partner?.emails[0]?.address : undefined;
    if (familyEmail) account.emails.push({ address: familyEmail, primary: false });
    accounts.push(account);
  }
  const leadStatuses = rng.shuffle(Array.from({ length: leads }, (_, i) => LEAD_MIX[i % LEAD_MIX.length] ?? 'Active'));
  for (const status of leadStatuses) accounts.push(makeLead(ctx, rng.pick(locations), status));
  return { accounts, lookups: buildLookups(accounts), nameLookups: accounts.flatMap((account) => nameLookupsOf(account)) };
}

/** One point-read document per phone, email, unit-at-location and bare unit id. */
export function buildLookups(accounts: Account[]): Lookup[] {
  const index = new Map<string, string[]>();
  const add = (key: string, accountId: string) => {
    const ids = index.get(key) ?? [];
    if (!ids.includes(accountId)) ids.push(accountId);
    index.set(key, ids);
  };
  for (const account of accounts) {
    for (const phone of account.phones) add(`phone:${phone.number}`, account.id);
    for (const email of account.emails) add(`email:${email.address.toLowerCase()}`, account.id);
    for (const unit of account.units) {
      add(`unit:${account.locationId}:${unit.id}`, account.id);
      add(`unit:${unit.id}`, account.id);
    }
  }
  return [...index].map(([key, accountIds]) => ({ id: key, key, accountIds }));
}
