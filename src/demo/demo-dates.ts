import type { Random } from './random';

/** Calendar helpers for the demo data: UTC dates as YYYY-MM-DD. */

const DAY_MS = 86_400_000;
export const parseDay = (iso: string): Date => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) throw new RangeError(`expected YYYY-MM-DD, got "${iso}"`);
  return new Date(`${iso}T00:00:00Z`);
};
export const format = (date: Date): string => date.toISOString().slice(0, 10);
export const addDays = (iso: string, days: number): string => format(new Date(parseDay(iso).getTime() + days * DAY_MS));
export const daysBetween = (from: string, to: string): number => Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / DAY_MS);
/** The billing day (1..28) in the month `months` away from the month of `iso`. */
export const billingIn = (iso: string, months: number, day: number): string => {
  const d = parseDay(iso);
  return format(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, day)));
};
export const lastBillingBefore = (iso: string, day: number): string => billingIn(iso, parseDay(iso).getUTCDate() > day ? 0 : -1, day);
export const firstBillingAfter = (iso: string, day: number): string => billingIn(iso, parseDay(iso).getUTCDate() < day ? 0 : 1, day);
/** A timestamp on that day during North American business hours. */
export const timestampOn = (iso: string, rng: Random): string =>
  `${iso}T${String(rng.int(15, 23)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}.000Z`;
