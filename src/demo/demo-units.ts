import type { Account, COLLECTION_EVENT_TYPES, Unit, UNIT_TYPES } from '../features/accounts/accounts.schemas';
import { addDays, billingIn, daysBetween, firstBillingAfter, lastBillingBefore, parseDay, timestampOn } from './demo-dates';
import { DEMO_AGENTS } from './demo-people';
import type { Random } from './random';

type UnitType = (typeof UNIT_TYPES)[number];
type CollectionEvent = (typeof COLLECTION_EVENT_TYPES)[number];

/** Demo units: sizes, rents, billing dates and delinquency, and the collection event that follows. */
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

export function makeUnit(rng: Random, today: string, locationId: string, usedUnits: Set<string>, delinquent: boolean): Unit {
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

export function collectionFor(units: Unit[], today: string): Account['collection'] {
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
