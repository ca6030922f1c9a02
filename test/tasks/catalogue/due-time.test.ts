import { describe, expect, it } from 'vitest';
import { DEMO_LOCATIONS } from '../../../src/demo/demo-locations';
import { businessDay, dueAt, isBusinessDay } from '../../../src/features/tasks/catalogue';
import type { Location } from '../../../src/features/locations/locations.schemas';

const demo = (id: string): Location => DEMO_LOCATIONS.find((l) => l.id === id)!;
/** Portland: Mon-Fri 09-18, Sat 09-17, Sun 10-16, Pacific time. */
const pdx = demo('PDX1');
/** Seattle: Mon-Fri 09:30-18, Sat 09-17, closed on Sunday. */
const sea = demo('SEA1');
const due = (at: string, hours: number, location: Pick<Location, 'timeZone' | 'officeHours'> = pdx) => dueAt(new Date(at), hours, location).toISOString();

describe('dueAt at a store open every day (PDX1)', () => {
  it('counts within the day, and from opening when made before it', () => {
    expect(pdx.officeHours).toEqual([
      { days: 'Mon-Fri', open: '09:00', close: '18:00' }, { days: 'Sat', open: '09:00', close: '17:00' }, { days: 'Sun', open: '10:00', close: '16:00' },
    ]);
    expect(due('2025-03-03T10:00:00-08:00', 2)).toBe('2025-03-03T20:00:00.000Z');
    expect(due('2025-03-03T07:00:00-08:00', 2)).toBe('2025-03-03T19:00:00.000Z');
    expect(due('2025-03-03T10:00:30.250-08:00', 1)).toBe('2025-03-03T19:00:30.250Z');
    expect(due('2025-03-03T10:00:00-08:00', 0.5)).toBe('2025-03-03T18:30:00.000Z');
  });

  it('lands on closing time when the hours run out exactly then', () => {
    expect(due('2025-03-07T17:00:00-08:00', 1)).toBe('2025-03-08T02:00:00.000Z');
  });

  it('moves to the next day after closing', () => {
    expect(due('2025-03-03T19:30:00-08:00', 1)).toBe('2025-03-04T18:00:00.000Z');
  });

  it('takes Friday 17:00 plus 4 business hours to Saturday 12:00', () => {
    expect(due('2025-03-07T17:00:00-08:00', 4)).toBe('2025-03-08T20:00:00.000Z');
  });

  it('counts Sunday hours, and Monday on daylight time after the spring change', () => {
    // Fri 1 h + Sat 8 h + Sun 6 h leaves 1 h: Monday 10:00 PDT.
    expect(due('2025-03-07T17:00:00-08:00', 16)).toBe('2025-03-10T17:00:00.000Z');
    // Sat 16:00 PST + 4: Sat 1 h, then Sunday (the change at 02:00) from 10:00 PDT to 13:00 PDT.
    expect(due('2025-03-08T16:00:00-08:00', 4)).toBe('2025-03-09T20:00:00.000Z');
  });

  it('handles the autumn change: Saturday 16:00 PDT plus 2 is Sunday 11:00 PST', () => {
    expect(due('2025-11-01T16:00:00-07:00', 2)).toBe('2025-11-02T19:00:00.000Z');
  });

  it('spreads a long task over the week (40 h from Monday 09:00 is Friday 13:00)', () => {
    expect(due('2025-03-10T09:00:00-07:00', 40)).toBe('2025-03-14T20:00:00.000Z');
  });
});

describe('dueAt at other stores', () => {
  it('skips a day without office hours (SEA1 has no Sunday)', () => {
    expect(due('2025-03-15T16:00:00-07:00', 4, sea)).toBe('2025-03-17T19:30:00.000Z');
  });

  it('uses the store time zone, with or without daylight saving', () => {
    // Montréal, Fri 17:30 EST + 2: half an hour on Friday, then Saturday 09:00 to 10:30.
    expect(due('2025-03-07T17:30:00-05:00', 2, demo('MTL1'))).toBe('2025-03-08T15:30:00.000Z');
    // Phoenix (no daylight saving), Sat 13:00 + 2: Sat closes at 14:00, Sunday closed, Monday 08:00 to 09:00.
    expect(due('2025-03-08T13:00:00-07:00', 2, demo('PHX1'))).toBe('2025-03-10T16:00:00.000Z');
  });

  it('counts only inside split hours and wrapping day ranges', () => {
    const lunch = { timeZone: 'America/Chicago', officeHours: [{ days: 'Mon-Fri', open: '09:00', close: '12:00' }, { days: 'Mon-Fri', open: '13:00', close: '17:00' }] };
    expect(due('2025-06-02T11:00:00-05:00', 2, lunch)).toBe('2025-06-02T19:00:00.000Z');
    const weekend = { timeZone: 'America/Chicago', officeHours: [{ days: 'Fri-Mon', open: '10:00', close: '14:00' }] };
    expect(due('2025-06-03T10:00:00-05:00', 1, weekend)).toBe('2025-06-06T16:00:00.000Z');
  });

  it('returns the creation time for no hours, counts plain hours without office hours, and stops on absurd sums', () => {
    expect(due('2025-03-03T10:00:00-08:00', 0)).toBe('2025-03-03T18:00:00.000Z');
    expect(due('2025-03-03T10:00:00-08:00', 3, { timeZone: 'America/Denver', officeHours: [] })).toBe('2025-03-03T21:00:00.000Z');
    const tiny = { timeZone: 'UTC', officeHours: [{ days: 'Mon', open: '09:00', close: '10:00' }] };
    expect(() => dueAt(new Date('2025-03-03T00:00:00Z'), 100_000, tiny)).toThrow(RangeError);
  });
});

describe('businessDay and isBusinessDay', () => {
  it('gives the store date, not the UTC date', () => {
    expect(businessDay(new Date('2025-03-08T07:00:00Z'), pdx)).toBe('2025-03-07');
    expect(businessDay(new Date('2025-03-08T07:00:00Z'), demo('MTL1'))).toBe('2025-03-08');
    expect(businessDay(new Date('2025-11-02T08:30:00Z'), pdx)).toBe('2025-11-02');
  });

  it('knows which days the office opens', () => {
    expect(isBusinessDay('2025-03-09', pdx)).toBe(true);
    expect(isBusinessDay('2025-03-09', sea)).toBe(false);
    expect(isBusinessDay('2025-03-08', sea)).toBe(true);
    expect(isBusinessDay('2025-03-10', demo('PHX1'))).toBe(true);
    expect(isBusinessDay('not a day', pdx)).toBe(false);
  });
});
