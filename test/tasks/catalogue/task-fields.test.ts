import { describe, expect, it } from 'vitest';
import { readTaskFields, taskType } from '../../../src/features/tasks/catalogue';
import type { TaskType } from '../../../src/features/tasks/tasks.schemas';

const context = { today: '2025-03-08' };
const type = (id: string): TaskType => taskType(id)!;

/** A made-up type with every kind of field, to test the kinds the catalogue does not use yet. */
const everyKind: TaskType = {
  id: 'every-kind', category: 'Test', name: 'Every kind', use: 'Only for tests.', route: { to: 'mentors' }, dueInBusinessHours: 1,
  fields: [
    { id: 'day', label: 'Day', kind: 'date', required: false },
    { id: 'at', label: 'At', kind: 'time', required: false },
    { id: 'short', label: 'Short', kind: 'text', required: false, maxLength: 5 },
    { id: 'long', label: 'Long', kind: 'multiline', required: false },
    { id: 'amount', label: 'Amount', kind: 'money', required: false },
    { id: 'phone', label: 'Phone', kind: 'phone', required: false },
  ],
};

function read(t: TaskType, raw: Record<string, unknown>) {
  return readTaskFields(t, raw, context);
}
function valueOf(field: string, raw: unknown): unknown {
  const result = read(everyKind, { [field]: raw });
  return result.ok ? result.values[field] : result.errors[field];
}

describe('dates', () => {
  const schedule = type('vacate-schedule');
  it('takes today and later for a date that may not be in the past', () => {
    expect(read(schedule, { moveOutDate: '2025-03-08' })).toEqual({ ok: true, values: { moveOutDate: '2025-03-08' } });
    expect(read(schedule, { moveOutDate: ' 2026-01-31 ' })).toEqual({ ok: true, values: { moveOutDate: '2026-01-31' } });
  });
  it('refuses a past date, a date that does not exist and other formats', () => {
    expect(read(schedule, { moveOutDate: '2025-03-07' })).toEqual({ ok: false, errors: { moveOutDate: 'Pick a date that is not in the past.' } });
    expect(valueOf('day', '2025-02-29')).toBe('That date does not exist.');
    expect(valueOf('day', '2024-02-29')).toBe('2024-02-29');
    expect(valueOf('day', '2025-13-01')).toBe('That date does not exist.');
    expect(valueOf('day', '0000-01-01')).toBe('That date does not exist.');
    expect(valueOf('day', '2025-3-9')).toBe('Enter the date as YYYY-MM-DD.');
    expect(valueOf('day', '2025-03-09T10:00')).toBe('Enter the date as YYYY-MM-DD.');
  });
  it('checks against the day of each read, also when the same form was read on another day before', () => {
    // The form's schema is built once per type and day: a new day must not reuse yesterday's checks.
    expect(readTaskFields(schedule, { moveOutDate: '2025-03-09' }, { today: '2025-03-09' }).ok).toBe(true);
    expect(readTaskFields(schedule, { moveOutDate: '2025-03-09' }, { today: '2025-03-10' })).toEqual({ ok: false, errors: { moveOutDate: 'Pick a date that is not in the past.' } });
    expect(readTaskFields(schedule, { moveOutDate: '2025-03-09' }, { today: '2025-03-09' }).ok).toBe(true);
  });
  it('lets a date without notPast be in the past', () => {
    expect(read(type('lock-dtm-replacement'), { paidOn: '2024-12-30' })).toEqual({ ok: true, values: { paidOn: '2024-12-30' } });
  });
});

describe('times, phones and money', () => {
  it('reads times as HH:MM', () => {
    expect(valueOf('at', '7:30')).toBe('07:30');
    expect(valueOf('at', '23:59:00')).toBe('23:59');
    for (const bad of ['24:00', '12:60', '7.30', '730', 'noon']) expect(valueOf('at', bad)).toBe('Enter the time as HH:MM, like 14:30.');
  });
  it('reads phones in any usual formatting as 10 digits', () => {
    for (const ok of ['503-555-0134', '(503) 555-0134', '503.555.0134', '+1 503 555 0134', '15035550134', 5035550134]) {
      expect(valueOf('phone', ok)).toBe('5035550134');
    }
    for (const bad of ['555-0134', '+5035550134', '1035550134', '503-155-0134', '503 555 01345', '503-555-O134']) {
      expect(valueOf('phone', bad)).toBe('Enter a 10-digit phone number, like (503) 555-0134.');
    }
  });
  it('reads dollars as whole cents', () => {
    expect(valueOf('amount', '$1,234.50')).toBe(123450);
    expect(valueOf('amount', '12')).toBe(1200);
    expect(valueOf('amount', '0.5')).toBe(50);
    expect(valueOf('amount', '.05')).toBe(5);
    expect(valueOf('amount', '$ 80.00')).toBe(8000);
    expect(valueOf('amount', 42)).toBe(4200);
    expect(valueOf('amount', '0')).toBe(0);
  });
  it('refuses negative, malformed and huge amounts', () => {
    for (const bad of ['-12', '$-12', '-$12', '(12.00)']) expect(valueOf('amount', bad)).toBe('The amount cannot be negative.');
    for (const bad of ['abc', '12.345', '1,23', '12,00.00', '$', '.', '12$', '1e3']) expect(valueOf('amount', bad)).toBe('Enter an amount in dollars, like 125.00.');
    expect(valueOf('amount', '2000000')).toMatch(/too large/);
  });
});

describe('choices and text', () => {
  it('takes a listed choice in any case, stored as listed, and refuses others', () => {
    const cut = type('lock-cut-request');
    expect(read(cut, { reason: 'lost key', verifiedId: 'YES' })).toEqual({ ok: true, values: { reason: 'Lost key', verifiedId: 'Yes' } });
    expect(read(cut, { reason: 'Broken hinge', verifiedId: 'Maybe' })).toEqual({
      ok: false, errors: { reason: 'Choose one of the listed options.', verifiedId: 'Choose one of the listed options.' },
    });
  });
  it('only lets the gate task through once OpenTech was tried', () => {
    const gate = type('gate-opentech-failed');
    expect(read(gate, { openTechTried: 'No', whatHappened: 'Keypad lit, gate stayed shut.' }).ok).toBe(false);
    expect(read(gate, { openTechTried: 'Yes', whatHappened: 'Keypad lit, gate stayed shut.' }).ok).toBe(true);
  });
  it('trims text and refuses text over its limit', () => {
    expect(valueOf('short', '  abcde  ')).toBe('abcde');
    expect(valueOf('short', 'abcdef')).toBe('Keep this to 5 characters or fewer (it has 6).');
    expect(valueOf('long', 'y'.repeat(2000))).toHaveLength(2000);
    expect(valueOf('long', 'y'.repeat(2001))).toBe('Keep this to 2000 characters or fewer (it has 2001).');
  });
  it('reads a transfer size written in several ways, and refuses what is not a size', () => {
    const transfer = type('space-transfer');
    const size = (raw: string) => {
      const result = read(transfer, { newSize: raw, newType: 'Drive-up', moveDate: '2025-03-10' });
      return result.ok ? result.values.newSize : result.errors.newSize;
    };
    for (const ok of ['10x15', '10 X 15', "10' x 15'", '10 by 15', '10ft x 15ft']) expect(size(ok)).toBe('10x15');
    for (const bad of ['10', 'large', '0x10', '10x', 'x10']) expect(size(bad)).toBe('Enter the size as width x depth in feet, like 10x10.');
  });
});

describe('required fields and odd inputs', () => {
  it('says which required fields are missing, by kind', () => {
    expect(read(type('callback-request'), { callbackAt: '', phone: null })).toEqual({ ok: false, errors: { callbackAt: 'Pick a date.', phone: 'Enter a phone number.' } });
    expect(read(type('abandonment-follow-up'), { observations: '   ' })).toEqual({ ok: false, errors: { observations: 'Fill this in.' } });
    expect(read(type('payment-plan-follow-up'), { followUpDate: '2025-03-09' })).toEqual({ ok: false, errors: { agreedAmount: 'Enter an amount.' } });
  });
  it('refuses values that are not text or numbers', () => {
    expect(valueOf('short', { text: 'hi' })).toBe('This value could not be read; enter it again.');
    expect(valueOf('short', ['a'])).toBe('This value could not be read; enter it again.');
  });
  it('treats a missing or non-object form as empty', () => {
    expect(readTaskFields(everyKind, 'nonsense', context)).toEqual({ ok: true, values: {} });
    expect(readTaskFields(type('vacate-schedule'), [], context)).toEqual({ ok: false, errors: { moveOutDate: 'Pick a date.' } });
  });
});
