import { describe, expect, it } from 'vitest';
import { dateTimeFormat } from '../../src/shared/intl';

describe('remembered Intl formatters', () => {
  const instant = new Date('2026-11-22T18:30:00Z');

  it('makes one formatter per locale and options, and formats in the asked time zone', () => {
    const denver = dateTimeFormat('en-US', { timeZone: 'America/Denver', hour: 'numeric', minute: '2-digit' });
    expect(dateTimeFormat('en-US', { timeZone: 'America/Denver', hour: 'numeric', minute: '2-digit' })).toBe(denver);
    expect(denver.format(instant).replace(/\s/g, ' ')).toBe('11:30 AM');
    expect(dateTimeFormat('en-US', { timeZone: 'America/New_York', hour: 'numeric', minute: '2-digit' }).format(instant).replace(/\s/g, ' ')).toBe('1:30 PM');
  });

  it('throws RangeError for a time zone the runtime does not know, every time', () => {
    expect(() => dateTimeFormat('en-US', { timeZone: 'Mars/Olympus_Mons' })).toThrow(RangeError);
    expect(() => dateTimeFormat('en-US', { timeZone: 'Mars/Olympus_Mons' })).toThrow(RangeError);
  });
});
