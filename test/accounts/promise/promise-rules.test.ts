import { describe, expect, it } from 'vitest';
import { allocate, checkPromise, collectionWithPromises, parseDollars, unitsStamp, withPromises } from '../../../src/features/accounts/promise/promise.rules';
import { PromiseToPayService } from '../../../src/features/accounts/promise/promise.service';
import { promiseFormCard } from '../../../src/features/accounts/promise/promise.cards';
import { assertCardFits } from '../../../src/features/accounts/accounts.cards';
import { account, delinquentUnit, location, NOW, unit } from '../cards/fixtures';

const TODAY = '2026-02-28';
const agent = { id: 'aad-agent-1', name: 'Avery Agent' };
const twoLate = () => account({ units: [unit(), delinquentUnit({ id: 'C07', amountDueCents: 10000 }), delinquentUnit({ id: 'C08', amountDueCents: 5000 })] });

describe('promise to pay rules', () => {
  it('reads dollars as whole cents, and refuses what is not an amount', () => {
    expect(parseDollars('125')).toBe(12500);
    expect(parseDollars('$1,250.5')).toBe(125050);
    expect(parseDollars(' 80.05 ')).toBe(8005);
    for (const bad of ['1.234', '-5', 'abc', '', '1e3', '$', '99999999']) expect(parseDollars(bad)).toBeUndefined();
  });

  it('splits an amount over units by what each owes, in whole cents, never above a unit due', () => {
    const units = twoLate().units.slice(1);
    expect(allocate(9000, units)).toEqual([6000, 3000]);
    expect(allocate(1001, units)).toEqual([668, 333]);
    expect(allocate(15000, units)).toEqual([10000, 5000]);
  });

  it('checks unit, date window, auction and amount', () => {
    const a = account({ units: [unit(), delinquentUnit({ auctionDate: '2026-03-05' })] });
    const ok = checkPromise(a, { unit: 'C07', date: '2026-03-03', amount: '100' }, TODAY);
    expect(ok).toEqual({ promises: [{ unitId: 'C07', date: '2026-03-03', amountCents: 10000 }], errors: {} });
    expect(checkPromise(a, { unit: 'C07', date: '2026-02-27', amount: '1' }, TODAY).errors.date).toMatch(/in the past/);
    expect(checkPromise(a, { unit: 'C07', date: '2026-02-30', amount: '1' }, TODAY).errors.date).toMatch(/YYYY-MM-DD/);
    expect(checkPromise(a, { unit: 'C07', date: '2026-03-05', amount: '1' }, TODAY).errors.date).toMatch(/auction on Mar 5, 2026/);
    const far = account({ units: [delinquentUnit()] });
    expect(checkPromise(far, { unit: 'C07', date: '2026-03-14', amount: '1' }, TODAY).errors).toEqual({});
    expect(checkPromise(far, { unit: 'C07', date: '2026-03-15', amount: '1' }, TODAY).errors.date).toMatch(/at most 14 days/);
    expect(checkPromise(a, { unit: 'C07', date: '2026-03-01', amount: '143.26' }, TODAY).errors.amount).toMatch(/more than the \$143\.25 due/);
    expect(checkPromise(a, { unit: 'B112', date: '2026-03-01', amount: '1' }, TODAY).errors.unit).toMatch(/not past due/);
    expect(checkPromise(a, {}, TODAY).errors).toMatchObject({ unit: expect.any(String), date: expect.any(String), amount: expect.any(String) });
  });

  it('"all" covers every delinquent unit, up to what they owe together', () => {
    const a = twoLate();
    expect(checkPromise(a, { unit: 'all', date: '2026-03-02', amount: '150' }, TODAY).promises.map((p) => p.amountCents)).toEqual([10000, 5000]);
    expect(checkPromise(a, { unit: 'all', date: '2026-03-02', amount: '150.01' }, TODAY).errors.amount).toMatch(/on those units together/);
    expect(checkPromise(a, { unit: 'all', date: '2026-03-02', amount: '0.01' }, TODAY).errors.amount).toMatch(/too small to split/);
  });

  it('pauses collection only when every delinquent unit has a standing promise', () => {
    const a = twoLate();
    const one = withPromises(a, [{ unitId: 'C07', date: '2026-03-04', amountCents: 100 }], agent, '2026-02-28T20:00:00.000Z', TODAY);
    expect(one.collection).toEqual(a.collection);
    expect(one.updatedAt).toBe('2026-02-28T20:00:00.000Z');
    expect(one.units[1]!.promiseToPay).toEqual({ date: '2026-03-04', amountCents: 100, setBy: agent, setAt: '2026-02-28T20:00:00.000Z' });
    const both = withPromises(one, [{ unitId: 'C08', date: '2026-03-02', amountCents: 100 }], agent, '2026-02-28T20:01:00.000Z', TODAY);
    expect(both.collection).toEqual({ nextEventDate: '2026-03-05', nextEventType: 'Reminder call' });
    expect(collectionWithPromises(both, '2026-03-05')).toEqual(both.collection);
    const auction = { ...both, units: both.units.map((u) => (u.id === 'C08' ? { ...u, auctionDate: '2026-03-03' } : u)) };
    expect(collectionWithPromises(auction, TODAY)).toEqual({ nextEventDate: '2026-03-03', nextEventType: 'Auction' });
  });

  it('stamps what the form shows of the delinquent units', () => {
    const a = twoLate();
    expect(unitsStamp(a)).toMatch(/^[0-9a-f]{16}$/);
    expect(unitsStamp({ ...a, preferences: { ...a.preferences, marketing: true } })).toBe(unitsStamp(a));
    expect(unitsStamp(withPromises(a, [{ unitId: 'C08', date: '2026-03-02', amountCents: 1 }], agent, NOW.toISOString(), TODAY))).not.toBe(unitsStamp(a));
  });
});

describe('the promise form', () => {
  const deps = (loc = location()) => ({
    accounts: { get: async () => ({ account: twoLate(), etag: '"1"' }) },
    accountsStore: { replace: async () => Promise.reject(new Error('not used')) },
    notes: { append: async () => ({ created: true }) },
    locations: { get: async () => loc },
    now: () => NOW,
  });
  const caller = { displayName: 'Avery Agent', person: { ...agent, roles: ['agent' as const], locationIds: [], active: true } };

  it("uses the location's today (UTC without a time zone) and offers every delinquent unit and all of them", async () => {
    const view = await new PromiseToPayService(deps()).openForm(caller, '40719482');
    expect(view).toMatchObject({ today: '2026-02-28', lastDay: '2026-03-14', values: { unit: 'all' } });
    expect((await new PromiseToPayService(deps(location({ timeZone: 'Not/AZone' }))).openForm(caller, '40719482')).today).toBe('2026-03-01');
    const card = promiseFormCard(view);
    const choices = JSON.stringify(card.body.find((e) => e.id === 'unit'));
    expect(choices).toContain('All delinquent units ($150.00 due)');
    expect(choices).toContain('Unit C08 ($50.00 due)');
    expect(card.body.find((e) => e.id === 'date')).toMatchObject({ min: '2026-02-28', max: '2026-03-14' });
    assertCardFits(card);
  });
});
