/** Pure text formatters for the account cards: masking, money, phones, dates in a location's time zone. */
import { dateTimeFormat } from '../../../shared/intl';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const DAY_MS = 86_400_000;

/** "ID •••482": only the last 3 digits of an account id, never the whole id. */
export function maskAccountId(id: string): string {
  return `ID •••${id.slice(-3)}`;
}

/** Money and phones are written the same way on every feature's cards. */
export { formatMoney, formatPhone } from '../../../shared/money-and-phone';

/** "2026-03-01" -> "Mar 1, 2026". */
export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${MONTHS[(m ?? 1) - 1] ?? '?'} ${d}, ${y}`;
}

/** Shortens whitespace-flattened text to `max` characters, ending with "…" when cut. */
export function clip(value: string, max: number): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, Math.max(1, max - 1)).trimEnd()}…`;
}

/** The time zone if the runtime knows it, else UTC (a bad zone name must not break the card). */
export function safeTimeZone(timeZone: string | undefined): string {
  if (!timeZone) return 'UTC';
  try {
    dateTimeFormat('en-US', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

const tidy = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

/** The calendar date ("YYYY-MM-DD") that it is at `now` in `timeZone`. */
export function localDate(now: Date, timeZone: string): string {
  const parts = dateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Whole days from date `from` to date `to` (both "YYYY-MM-DD"); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const utc = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number);
    return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  };
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/** The wall-clock time at `now` in `timeZone`: "Sat 10:30 PM PST". */
export function localTime(now: Date, timeZone: string): string {
  const value = dateTimeFormat('en-US', { timeZone, weekday: 'short', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(now);
  return tidy(value).replace(',', '');
}

/** A timestamp as a date and time in `timeZone`: "Feb 27, 2026 3:04 PM". */
export function formatDateTime(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const time = dateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: '2-digit' }).format(date);
  return `${formatDate(localDate(date, timeZone))} ${tidy(time)}`;
}

/** "09:30" -> "9:30 AM", "18:00" -> "6 PM". */
export function formatClock(hhmm: string): string {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  const suffix = h >= 12 && h < 24 ? 'PM' : 'AM';
  const hour = h % 12 === 0 ? 12 : h % 12;
  return m ? `${hour}:${String(m).padStart(2, '0')} ${suffix}` : `${hour} ${suffix}`;
}

/** Opening hours on one line: "Mon-Fri 9:30 AM–6 PM; Sat 9 AM–5 PM". */
export function formatHours(hours: { days: string; open: string; close: string }[]): string {
  if (!hours.length) return 'not listed';
  return hours.map((h) => `${h.days} ${formatClock(h.open)}–${formatClock(h.close)}`).join('; ');
}
