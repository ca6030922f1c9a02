import { describe, expect, it } from 'vitest';
import { ESCALATION_TYPES, escalationType, readEscalationFields } from '../../src/features/escalations';
import { headlineOf } from '../../src/features/escalations/escalation-types';
import type { EscalationType } from '../../src/features/escalations/escalations.schemas';

const TODAY = '2026-11-24';
const type = (id: string): EscalationType => escalationType(id)!;
const read = (id: string, raw: Record<string, unknown>) => readEscalationFields(type(id), raw, { today: TODAY });
const errorsOf = (id: string, raw: Record<string, unknown>) => {
  const result = read(id, raw);
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.values)}`);
  return result.errors;
};

describe('the escalation catalogue: each type checks its own fields on the server', () => {
  it('has the six types, with stable ids, each with fields', () => {
    expect(ESCALATION_TYPES.map((t) => t.id)).toEqual(['refund', 'fee-waiver', 'auction-relief', 'rent-change', 'supervisor-callback', 'kb-question']);
    expect(ESCALATION_TYPES.filter((t) => t.scope === 'kb').map((t) => t.decides)).toEqual(['answer']);
    for (const t of ESCALATION_TYPES) expect(t.fields.length).toBeGreaterThan(0);
  });

  it('refund or credit: an amount in cents and a reason; zero, words and a missing reason are refused', () => {
    expect(read('refund', { kind: 'refund', amount: '$49.98', why: 'Charged after the move-out.' })).toEqual({ ok: true, values: { kind: 'Refund', amount: 4998, why: 'Charged after the move-out.' } });
    expect(errorsOf('refund', { kind: 'Refund', amount: '0', why: 'x' })).toEqual({ amount: 'The amount must be more than $0.00.' });
    expect(errorsOf('refund', { kind: 'Cash', amount: 'fifty', why: '' })).toEqual({ kind: 'Choose one of the listed options.', amount: 'Enter an amount in dollars, like 125.00.', why: 'Fill this in.' });
    expect(headlineOf(type('refund'), { kind: 'Refund', amount: 4998 })).toBe('Refund of $49.98');
  });

  it('fee waiver: which fee, its amount and why', () => {
    expect(read('fee-waiver', { fee: 'Late fee', amount: '25', why: 'First late payment in six years.' })).toMatchObject({ ok: true, values: { fee: 'Late fee', amount: 2500 } });
    expect(errorsOf('fee-waiver', { fee: 'Parking fee', amount: '-5', why: 'x' })).toEqual({ fee: 'Choose one of the listed options.', amount: 'The amount cannot be negative.' });
    expect(headlineOf(type('fee-waiver'), { fee: 'Late fee', amount: 2500 })).toBe('Late fee waiver ($25.00)');
  });

  it('auction relief: a real auction date and what is asked for; what the customer can pay is optional', () => {
    expect(read('auction-relief', { auctionDate: '2026-11-25', relief: 'Accept a partial payment', why: 'Can pay half today.' })).toMatchObject({ ok: true, values: { auctionDate: '2026-11-25', relief: 'Accept a partial payment' } });
    expect(errorsOf('auction-relief', { auctionDate: '2026-02-30', relief: 'Forgive everything', canPay: 'a lot', why: 'x' })).toEqual({
      auctionDate: 'That date does not exist.', relief: 'Choose one of the listed options.', canPay: 'Enter an amount in dollars, like 125.00.',
    });
  });

  it('rent change: a new rent above zero, from a date that is not past', () => {
    expect(read('rent-change', { newRent: '129.00', effective: '2026-12-01', why: 'Matching the web rate.' })).toMatchObject({ ok: true, values: { newRent: 12900, effective: '2026-12-01' } });
    expect(errorsOf('rent-change', { newRent: '', effective: '2026-11-01', why: 'x' })).toEqual({ newRent: 'Enter an amount.', effective: 'Pick a date that is not in the past.' });
  });

  it('supervisor callback: a 10-digit phone, an optional window from the list', () => {
    expect(read('supervisor-callback', { phone: '(503) 555-0134', why: 'Wants to complain about the gate.' })).toEqual({ ok: true, values: { phone: '5035550134', why: 'Wants to complain about the gate.' } });
    expect(errorsOf('supervisor-callback', { phone: '555-0134', window: 'midnight', why: 'x' })).toEqual({ phone: 'Enter a 10-digit phone number, like (503) 555-0134.', window: 'Choose one of the listed options.' });
  });

  it('KB question: the question is required; what the bot answered and the context are optional and bounded', () => {
    expect(read('kb-question', { question: 'Can I waive the lien fee?', botAnswer: 'No confident answer.' })).toEqual({ ok: true, values: { question: 'Can I waive the lien fee?', botAnswer: 'No confident answer.' } });
    expect(errorsOf('kb-question', { question: '  ', context: 'x'.repeat(2001) })).toEqual({ question: 'Fill this in.', context: 'Keep this to 2000 characters or fewer (it has 2001).' });
  });

  it('drops keys that are not fields and refuses values that are not text or numbers', () => {
    expect(read('refund', { kind: 'Credit', amount: 10, why: 'Goodwill.', injected: 'x' })).toEqual({ ok: true, values: { kind: 'Credit', amount: 1000, why: 'Goodwill.' } });
    expect(errorsOf('refund', { kind: 'Credit', amount: { $gt: 0 }, why: 'x' })).toEqual({ amount: 'This value could not be read; enter it again.' });
  });
});
