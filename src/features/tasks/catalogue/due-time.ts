import { dateTimeFormat } from '../../../shared/intl';
import type { Location } from '../../locations/locations.schemas';

/** What the business-hours sums need of a location. */
export type OfficeHoursOf = Pick<Location, 'timeZone' | 'officeHours'>;

const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** How many days `dueAt` walks at most (ten years of office days). */
const MAX_DAYS = 3660;

function formatter(timeZone: string): Intl.DateTimeFormat {
  return dateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** The location's wall-clock time at `instant`, written as if it were UTC milliseconds. */
function wallClock(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) parts[part.type] = Number(part.value);
  const ms = ((instant % 1000) + 1000) % 1000;
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour! % 24, parts.minute!, parts.second!) + ms;
}

/** The instant the location's clock shows `wall`; in a spring-forward gap, the time just after it. */
function fromWallClock(wall: number, timeZone: string): number {
  const guess = wall - (wallClock(wall, timeZone) - wall);
  return wall - (wallClock(guess, timeZone) - guess);
}

/** Day numbers (0 = Sunday) named by "Mon-Fri", "Sat", "Mon-Sun", "Fri-Mon" or "Mon,Wed,Fri". */
function daysOf(days: string): Set<number> {
  const found = new Set<number>();
  for (const token of days.toLowerCase().split(/[,\s]+/).filter(Boolean)) {
    const [from, to] = token.split('-').map((name) => DAY_NAMES.indexOf(name.slice(0, 3)));
    if (from === undefined || from < 0) continue;
    const last = to === undefined || to < 0 ? from : to;
    for (let day = from, steps = 0; steps < 7; day = (day + 1) % 7, steps += 1) {
      found.add(day);
      if (day === last) break;
    }
  }
  return found;
}

function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** The office's open spans on a weekday, in ms after local midnight, sorted and merged. */
function openSpans(weekday: number, location: OfficeHoursOf): [number, number][] {
  const spans = location.officeHours
    .filter((h) => daysOf(h.days).has(weekday))
    .map((h): [number, number] => [minutesOf(h.open) * MINUTE_MS, Math.min(minutesOf(h.close), 24 * 60) * MINUTE_MS])
    .filter(([open, close]) => close > open)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged;
}

/**
 * When a task made at `createdAt` is due: `businessHours` counted only while the location's office is
 * open, on its own clock (time zone and daylight saving included). Days without office hours are
 * skipped; a location with no office hours at all counts plain hours. Zero or less returns `createdAt`.
 */
export function dueAt(createdAt: Date, businessHours: number, location: OfficeHoursOf): Date {
  const start = createdAt.getTime();
  if (!(businessHours > 0)) return new Date(start);
  let left = Math.round(businessHours * HOUR_MS);
  if (![0, 1, 2, 3, 4, 5, 6].some((day) => openSpans(day, location).length)) return new Date(start + left);
  const now = wallClock(start, location.timeZone);
  let midnight = Math.floor(now / DAY_MS) * DAY_MS;
  for (let day = 0; day < MAX_DAYS; day += 1, midnight += DAY_MS) {
    for (const [open, close] of openSpans(new Date(midnight).getUTCDay(), location)) {
      const from = Math.max(midnight + open, now);
      const to = midnight + close;
      if (from >= to) continue;
      if (to - from >= left) return new Date(fromWallClock(from + left, location.timeZone));
      left -= to - from;
    }
  }
  throw new RangeError(`${businessHours} business hours go beyond ${MAX_DAYS} days`);
}

/** The location's calendar date at `date`, as YYYY-MM-DD. */
export function businessDay(date: Date, location: Pick<Location, 'timeZone'>): string {
  return new Date(wallClock(date.getTime(), location.timeZone)).toISOString().slice(0, 10);
}

/** True when the office is open at some time on `day` (YYYY-MM-DD, the location's date). */
export function isBusinessDay(day: string, location: OfficeHoursOf): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return !Number.isNaN(weekday) && openSpans(weekday, location).length > 0;
}
