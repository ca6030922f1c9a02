import { describe, expect, it } from 'vitest';
import { officeOpen } from '../../../src/features/tasks/reminders';

const SEATTLE = { timeZone: 'America/Los_Angeles', officeHours: [{ days: 'Mon-Fri', open: '09:30', close: '18:00' }, { days: 'Sat', open: '09:00', close: '17:00' }] };
const at = (iso: string) => new Date(iso);

describe('when a store is open for reminders', () => {
  it('is open in its office hours on its own clock, including across the UTC date line', () => {
    expect(officeOpen(at('2026-11-24T09:30:00-08:00'), SEATTLE)).toBe(true);
    expect(officeOpen(at('2026-11-24T17:58:59-08:00'), SEATTLE)).toBe(true);
    expect(officeOpen(at('2026-11-25T01:30:00Z'), SEATTLE)).toBe(true); // Tuesday 17:30 in Seattle
    expect(officeOpen(at('2026-11-24T09:29:00-08:00'), SEATTLE)).toBe(false);
    expect(officeOpen(at('2026-11-24T18:00:00-08:00'), SEATTLE)).toBe(false);
    expect(officeOpen(at('2026-11-28T16:30:00-08:00'), SEATTLE)).toBe(true); // Saturday
    expect(officeOpen(at('2026-11-29T12:00:00-08:00'), SEATTLE)).toBe(false); // Sunday
  });

  it('follows daylight saving time', () => {
    expect(officeOpen(at('2026-07-14T09:45:00-07:00'), SEATTLE)).toBe(true);
    expect(officeOpen(at('2026-07-14T09:15:00-07:00'), SEATTLE)).toBe(false);
  });

  it('counts a store without office hours as always open', () => {
    expect(officeOpen(at('2026-11-29T03:00:00Z'), { timeZone: 'UTC', officeHours: [] })).toBe(true);
  });
});
