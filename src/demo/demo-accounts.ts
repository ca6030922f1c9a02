import type { Account, COLLECTION_EVENT_TYPES, LEAD_STATUSES, Lookup, Unit, UNIT_TYPES } from '../features/accounts/accounts.schemas';
import type { Location } from '../features/locations/locations.schemas';
import { LOCAL_AREA_CODES } from './demo-locations';
import * as names from './demo-names';
import { DEMO_AGENTS } from './demo-people';
import { createRandom, deriveSeed, type Random } from './random';

export interface GenerateAccountsOptions {
  seed: number;
  customers: number;
  leads: number;
  /** The day the data is relative to, YYYY-MM-DD. */
  today: string;
  locations: Location[];
}

type UnitType = (typeof UNIT_TYPES)[number];
type CollectionEvent = (typeof COLLECTION_EVENT_TYPES)[number];

// ---- Calendar helpers (UTC dates as YYYY-MM-DD) -------------------------------------------

const DAY_MS = 86_400_000;
const parseDay = (iso: string): Date => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new RangeError(`expected YYYY-MM-DD, got "${iso}"`);
  return new Date(`${iso}T00:00:00Z`);
};
const format = (date: Date): string => date.toISOString().slice(0, 10);
export const addDays = (iso: string, days: number): string => format(new Date(parseDay(iso).getTime() + days * DAY_MS));
export const daysBetween = (from: string, to: string): number => Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / DAY_MS);
/** The billing day (1..28) in the month `months` away from the month of `iso`. */
const billingIn = (iso: string, months: number, day: number): string => {
  const d = parseDay(iso);
  return format(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, day)));
};
const lastBillingBefore = (iso: string, day: number): string => billingIn(iso, parseDay(iso).getUTCDate() > day ? 0 : -1, day);
const firstBillingAfter = (iso: string, day: number): string => billingIn(iso, parseDay(iso).getUTCDate() < day ? 0 : 1, day);
/** A timestamp on that day during North American business hours. */
export const timestampOn = (iso: string, rng: Random): string =>
  `${iso}T${String(rng.int(15, 23)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}.000Z`;

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

const SIZE_RENT: Record<string, number> = { '5x5': 4500, '5x10': 6900, '10x10': 11900, '10x15': 15900, '10x20': 19900, '10x30': 27900 };
const TYPE_SIZES: Record<UnitType, readonly (readonly [string, number])[]> = {
  Standard: [['5x5', 15], ['5x10', 30], ['10x10', 30], ['10x15', 15], ['10x20', 10]],
  'Climate Controlled': [['5x5', 20], ['5x10', 35], ['10x10', 30], ['10x15', 15]],
  'Drive-up': [['10x10', 25], ['10x15', 30], ['10x20', 30], ['10x30', 15]],
  Parking: [['10x20', 60], ['10x30', 40]],
  'Wine Storage': [['5x5', 100]],
};
const TYPE_FACTOR: Record<UnitType, number> = { Standard: 1, 'Climate Controlled': 1.22, 'Drive-up': 1.1, Parking: 0.45, 'Wine Storage': 1.6 };
const LOCATION_FACTOR: Record<string, number> = { SEA1: 1.12, PDX1: 1, DEN1: 0.96, PHX1: 0.86, AUS1: 0.92, MTL1: 0.9, OTT1: 0.94 };
/** Collection steps by days past due. From day 45 on, each late unit has its auction date. */
const AUCTION_AFTER_DAYS = 45;
const COLLECTION_STEPS: readonly (readonly [number, CollectionEvent])[] = [[1, 'Reminder text'], [3, 'Reminder call'], [5, 'Late fee'], [10, 'Reminder email'], [15, 'Pre-lien notice'], [30, 'Lien notice'], [AUCTION_AFTER_DAYS, 'Auction']];
const LATE_FEE = 2000;
const LIEN_FEE = 3500;

function unitId(rng: Random, type: UnitType, attempt: number): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const wide = attempt > 20 ? rng.int(100, 999) : 0; // a larger number once the usual range is used up
  if (type === 'Parking') return `P${wide || rng.int(1, 60)}`;
  if (type === 'Wine Storage') return `W${wide || pad(rng.int(1, 24))}`;
  if (type === 'Drive-up') return `${rng.pick(['D', 'E'])}${wide || pad(rng.int(1, 60))}`;
  if (type === 'Climate Controlled') return `${rng.pick(['A', 'B'])}${wide || `${rng.int(1, 3)}${pad(rng.int(1, 30))}`}`;
  return rng.chance(0.5) ? `${rng.pick(['A', 'C'])}${wide || pad(rng.int(1, 60))}` : `${rng.pick(['B', 'C'])}${wide || `${rng.int(1, 2)}${pad(rng.int(1, 40))}`}`;
}

function makeUnit(rng: Random, today: string, locationId: string, usedUnits: Set<string>, delinquent: boolean): Unit {
  const type = rng.weighted<UnitType>([['Standard', 45], ['Climate Controlled', 30], ['Drive-up', 12], ['Parking', 9], ['Wine Storage', 4]]);
  const size = rng.weighted(TYPE_SIZES[type]);
  const rawRent = (SIZE_RENT[size] ?? 9900) * TYPE_FACTOR[type] * (LOCATION_FACTOR[locationId] ?? 1);
  const rentCents = Math.min(32_000, Math.max(4_500, Math.round(rawRent / 100) * 100));
  let id = unitId(rng, type, 0);
  for (let attempt = 1; usedUnits.has(`${locationId}:${id}`); attempt += 1) id = unitId(rng, type, attempt);
  usedUnits.add(`${locationId}:${id}`);

  const monthsBehind = delinquent ? rng.weighted([[1, 58], [2, 24], [3, 11], [4, 7]]) : 0;
  const moveInDate = addDays(today, -rng.int(delinquent ? 31 * (monthsBehind + 1) + 5 : 3, 2600));
  const billingDay = Math.min(parseDay(moveInDate).getUTCDate(), 28);
  const base = { id, size, type, rentCents, moveInDate };
  const laterOf = (a: string, b: string) => (a > b ? a : b);

  if (!delinquent) {
    const prepaidMonths = rng.chance(0.08) ? rng.int(1, 6) : 0;
    const nextDueDate = billingIn(firstBillingAfter(today, billingDay), prepaidMonths, billingDay);
    const lastPaymentDate = laterOf(moveInDate, addDays(billingIn(firstBillingAfter(today, billingDay), -1, billingDay), -rng.int(0, 6)));
    return { ...base, status: 'Current', nextDueDate, lastPaymentDate, paidToDate: addDays(nextDueDate, -1), amountDueCents: 0, overlock: false };
  }

  const pastDueSince = billingIn(lastBillingBefore(today, billingDay), -(monthsBehind - 1), billingDay);
  const daysPastDue = daysBetween(pastDueSince, today);
  let lateFees = 0;
  for (let k = 0; k < monthsBehind; k += 1) if (daysBetween(billingIn(pastDueSince, k, billingDay), today) >= 5) lateFees += LATE_FEE;
  const amountDueCents = rentCents * monthsBehind + lateFees + (daysPastDue >= 30 ? LIEN_FEE : 0);
  const auctionDate = daysPastDue >= AUCTION_AFTER_DAYS ? addDays(today, rng.chance(0.12) ? 1 : rng.int(2, 35)) : undefined;
  const agent = rng.pick(DEMO_AGENTS);
  const promise = auctionDate !== addDays(today, 1) && rng.chance(0.18);
  return {
    ...base,
    status: 'Delinquent',
    nextDueDate: pastDueSince,
    lastPaymentDate: laterOf(moveInDate, addDays(billingIn(pastDueSince, -1, billingDay), -rng.int(0, 5))),
    paidToDate: addDays(pastDueSince, -1),
    pastDueSince,
    amountDueCents,
    overlock: daysPastDue >= 10 ? rng.chance(0.9) : rng.chance(0.05),
    ...(auctionDate ? { auctionDate } : {}),
    ...(promise
      ? { promiseToPay: { date: addDays(today, rng.int(1, 10)), amountCents: rng.chance(0.6) ? amountDueCents : Math.ceil(amountDueCents / 200) * 100, setBy: { id: agent.id, name: agent.name }, setAt: timestampOn(addDays(today, -rng.int(1, 4)), rng) } }
      : {}),
  };
}

function collectionFor(units: Unit[], today: string): Account['collection'] {
  const late = units.filter((u) => u.pastDueSince);
  const auction = late.map((u) => u.auctionDate).filter((d): d is string => !!d).sort()[0];
  if (auction) return { nextEventDate: auction, nextEventType: 'Auction' };
  const since = late.map((u) => u.pastDueSince as string).sort()[0];
  if (!since) return undefined;
  const step = COLLECTION_STEPS.find(([day]) => day > daysBetween(since, today));
  // Past the last step every late unit has an auction date, so `step` is only missing for odd input.
  return step ? { nextEventDate: addDays(since, step[0]), nextEventType: step[1] } : { nextEventDate: addDays(today, 1), nextEventType: 'Auction' };
}

// ---- Accounts -------------------------------------------------------------------------------

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
 * households sharing a home phone (and one an email) with an earlier customer on purpose.
 */
export function generateAccounts(options: GenerateAccountsOptions): { accounts: Account[]; lookups: Lookup[] } {
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
  return { accounts, lookups: buildLookups(accounts) };
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
