import { dateTimeFormat } from '../../../shared/intl';

/** "Tue, Nov 24, 9:05 AM PST": an instant on the mentors' clock. */
export function when(iso: string, timeZone: string): string {
  return dateTimeFormat('en-US', { timeZone, weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(new Date(iso));
}

/** Text cut to `max` characters with an ellipsis. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
