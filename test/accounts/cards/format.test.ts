import { describe, expect, it } from 'vitest';
import { clip, daysBetween, formatClock, formatDate, formatDateTime, formatPhone, localDate, maskAccountId, safeTimeZone } from '../../../src/features/accounts/cards/format';
import { customerCard } from '../../../src/features/accounts/accounts.cards';
import { NOW, account, location, visibleText } from './fixtures';

describe('account card formatters', () => {
  it('masks ids, formats phones, dates and clock times', () => {
    expect(maskAccountId('40719482')).toBe('ID •••482');
    expect(formatPhone('5035550134')).toBe('(503) 555-0134');
    expect(formatPhone('+44 20 7946 0000')).toBe('+44 20 7946 0000');
    expect(formatDate('2026-03-01')).toBe('Mar 1, 2026');
    expect(formatClock('00:00')).toBe('12 AM');
    expect(formatClock('12:15')).toBe('12:15 PM');
    expect(clip('a  b\n c', 10)).toBe('a b c');
    expect(clip('abcdefghij', 5)).toBe('abcd…');
  });

  it('works out local dates across a time zone boundary', () => {
    expect(localDate(NOW, 'America/Los_Angeles')).toBe('2026-02-28');
    expect(localDate(NOW, 'America/New_York')).toBe('2026-03-01');
    expect(daysBetween('2026-02-01', '2026-02-28')).toBe(27);
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2); // across the DST change
    expect(formatDateTime('2026-03-01T06:30:00Z', 'America/Los_Angeles')).toBe('Feb 28, 2026 10:30 PM');
  });

  it('falls back to UTC for an unknown time zone instead of failing', () => {
    expect(safeTimeZone('Mars/Olympus_Mons')).toBe('UTC');
    expect(safeTimeZone(undefined)).toBe('UTC');
    const card = customerCard({ account: account(), location: location({ timeZone: 'Mars/Olympus_Mons' }), criticalNotes: [], latestNotes: [], now: NOW });
    expect(visibleText(card)).toContain('local time Sun 6:30 AM UTC');
  });
});
