import { createHash } from 'node:crypto';
import type { PersonRef } from '../../../shared/schema-parts';
import type { Account, Unit } from '../accounts.schemas';
import { daysBetween, formatDate, formatMoney } from '../cards/format';
import { ALL_DELINQUENT_UNITS, MAX_PROMISE_DOLLARS, PROMISE_WINDOW_DAYS, type PromiseErrors, type PromiseValues, type UnitPromise } from './promise.schemas';

/** Pure rules of a promise to pay: which units, which dates and amounts, and what it does to collection. */

/** Units a promise can be set on: delinquent, with money due. */
export function delinquentUnits(account: Pick<Account, 'units'>): Unit[] {
  return account.units.filter((u) => u.status === 'Delinquent' && u.amountDueCents > 0);
}

/** "YYYY-MM-DD" plus `days`. */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days)).toISOString().slice(0, 10);
}

function isCalendarDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && addDays(value, 0) === value;
}

/** Dollars as typed ("125", "$1,250.5", "80.00") in whole cents; undefined when it is not an amount. */
export function parseDollars(value: string): number | undefined {
  const m = /^\$?(\d{1,7})(?:\.(\d{1,2}))?$/.exec(value.replace(/[\s,]/g, ''));
  if (!m || Number(m[1]) > MAX_PROMISE_DOLLARS) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/**
 * Splits an amount over units in proportion to what each owes (whole cents, the odd cents to the first
 * units), so no unit is promised more than it owes when the total is at most what they owe together.
 */
export function allocate(amountCents: number, units: readonly Unit[]): number[] {
  const total = units.reduce((sum, u) => sum + u.amountDueCents, 0);
  const shares = units.map((u) => Math.floor((amountCents * u.amountDueCents) / total));
  let left = amountCents - shares.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0 && i < units.length; i += 1) {
    if (shares[i]! < units[i]!.amountDueCents) {
      shares[i]! += 1;
      left -= 1;
    }
  }
  return shares;
}

/**
 * Checks the entered values against the account on `today` (the location's date): the unit must be
 * delinquent, the date from today to PROMISE_WINDOW_DAYS ahead and before any auction of the unit
 * (only payment in full stops an auction), the amount above zero and at most what is due.
 */
export function checkPromise(account: Account, values: PromiseValues, today: string): { promises: UnitPromise[]; errors: PromiseErrors } {
  const errors: PromiseErrors = {};
  const late = delinquentUnits(account);
  const choice = values.unit?.trim() ?? '';
  let targets: Unit[] = [];
  if (!choice) errors.unit = 'Choose the unit the promise is for.';
  else if (choice === ALL_DELINQUENT_UNITS) targets = late;
  else {
    const unit = account.units.find((u) => u.id === choice);
    if (!unit) errors.unit = 'That unit is not on this account.';
    else if (!late.includes(unit)) errors.unit = `Unit ${unit.id} is not past due, so there is nothing to promise on it.`;
    else targets = [unit];
  }

  const date = values.date?.trim() ?? '';
  const lastDay = addDays(today, PROMISE_WINDOW_DAYS);
  const auction = targets.find((u) => u.auctionDate && u.auctionDate >= today && u.auctionDate <= date);
  if (!date) errors.date = 'Choose the date the customer will pay by.';
  else if (!isCalendarDate(date)) errors.date = 'Enter the date as YYYY-MM-DD.';
  else if (date < today) errors.date = `That date is in the past: today is ${formatDate(today)} at the property.`;
  else if (daysBetween(today, date) > PROMISE_WINDOW_DAYS) errors.date = `By policy a promise can be at most ${PROMISE_WINDOW_DAYS} days away: ${formatDate(lastDay)} at the latest.`;
  else if (auction?.auctionDate) errors.date = `Unit ${auction.id} goes to auction on ${formatDate(auction.auctionDate)}; the promise must be before that. Only payment in full stops an auction.`;

  const amount = values.amount?.trim() ?? '';
  const cents = amount ? parseDollars(amount) : undefined;
  const due = targets.reduce((sum, u) => sum + u.amountDueCents, 0);
  if (!amount) errors.amount = 'Enter the amount the customer promised, in dollars.';
  else if (cents === undefined) errors.amount = 'Enter the amount in dollars, like 125.00.';
  else if (cents <= 0) errors.amount = 'The amount must be more than $0.00.';
  else if (targets.length && cents > due) errors.amount = `That is more than the ${formatMoney(due)} due${targets.length > 1 ? ' on those units together' : ''}.`;

  if (Object.keys(errors).length || cents === undefined) return { promises: [], errors };
  const shares = allocate(cents, targets);
  if (shares.some((s) => s <= 0)) return { promises: [], errors: { amount: 'That amount is too small to split over all the units: choose one unit instead.' } };
  return { promises: targets.map((u, i) => ({ unitId: u.id, date, amountCents: shares[i]! })), errors };
}

/** True when every unit already carries exactly this promise from this agent (a replayed submit). */
export function isAlreadySet(account: Account, promises: readonly UnitPromise[], agentId: string): boolean {
  return promises.length > 0 && promises.every((p) => {
    const set = account.units.find((u) => u.id === p.unitId)?.promiseToPay;
    return set?.date === p.date && set.amountCents === p.amountCents && set.setBy.id === agentId;
  });
}

/**
 * A digest of what the form shows about the delinquent units (ids, amounts due, auction dates,
 * promises). The form carries it; when the account's digest differs at submit, someone changed those
 * units meanwhile and the agent sees the new state before anything is saved.
 */
export function unitsStamp(account: Account): string {
  const view = delinquentUnits(account).map((u) => [u.id, u.amountDueCents, u.auctionDate ?? null, u.promiseToPay ?? null]);
  return createHash('sha256').update(JSON.stringify(view)).digest('hex').slice(0, 16);
}

/**
 * The collection rule. A promise pauses collection events for its unit until the promised date. The
 * account has one next event, so: when every delinquent unit has a standing promise (dated today or
 * later), the next event becomes a reminder call the day after the latest promised date, to check
 * the payments came in; an auction before that still stands. While any delinquent unit has no
 * standing promise, its schedule goes on and `collection` is left as it is.
 */
export function collectionWithPromises(account: Account, today: string): Account['collection'] {
  const late = delinquentUnits(account);
  const dates = late.map((u) => u.promiseToPay?.date).filter((d): d is string => !!d && d >= today);
  if (!late.length || dates.length < late.length) return account.collection;
  const resume = addDays(dates.sort().at(-1)!, 1);
  const auction = late.map((u) => u.auctionDate).filter((d): d is string => !!d && d >= today).sort()[0];
  if (auction && auction <= resume) return { nextEventDate: auction, nextEventType: 'Auction' };
  return { nextEventDate: resume, nextEventType: 'Reminder call' };
}

/** The account with the promises set on their units, the collection rule applied and `updatedAt` moved. */
export function withPromises(account: Account, promises: readonly UnitPromise[], setBy: PersonRef, setAt: string, today: string): Account {
  const byUnit = new Map(promises.map((p) => [p.unitId, p]));
  const units = account.units.map((u) => {
    const p = byUnit.get(u.id);
    return p ? { ...u, promiseToPay: { date: p.date, amountCents: p.amountCents, setBy: { id: setBy.id, name: setBy.name }, setAt } } : u;
  });
  const { collection: _previous, ...rest } = { ...account, units, updatedAt: setAt };
  const collection = collectionWithPromises({ ...rest, collection: account.collection }, today);
  return collection ? { ...rest, collection } : rest;
}
