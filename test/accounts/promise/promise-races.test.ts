import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../src/features/accounts/accounts.schemas';
import { addDays, delinquentUnits } from '../../../src/features/accounts/promise/promise.rules';
import { PROMISE_VERBS } from '../../../src/features/accounts/promise/promise.schemas';
import { actionsOf, cardText, createFormHarness, elementById, utcToday } from '../verify/form-harness';
import { money, openForm, promisable, type FormData, type Harness } from './promise-helpers';

describe('Set promise to pay: races and several units (real Application, embedded store, demo data)', () => {
  let bot: Harness;
  let single: Account[];
  const today = utcToday();
  const inThree = addDays(today, 3);
  beforeAll(async () => {
    bot = await createFormHarness({ bare: true });
    single = (await bot.allAccounts()).filter((a) => a.kind === 'customer' && delinquentUnits(a).length === 1 && promisable(delinquentUnits(a)[0]!, addDays(today, 4)));
  }, 90_000);
  afterAll(() => bot.close());

  const take = () => single.shift()!;

  it('when the unit changed between the form and the submit, shows the new state with the values kept; a re-submit saves', async () => {
    const account = take();
    const unit = delinquentUnits(account)[0]!;
    const form = await openForm(bot, account.id);
    // Someone else sets a promise on the same unit meanwhile.
    const { account: now, etag } = await bot.account(account.id);
    const other = { date: addDays(today, 2), amountCents: 1000, setBy: { id: 'aad-mentor-1', name: 'Morgan Mentor' }, setAt: new Date().toISOString() };
    await bot.accountsStore.replace({ ...now, units: now.units.map((u) => (u.id === unit.id ? { ...u, promiseToPay: other } : u)) }, etag);

    const values = { unit: unit.id, date: inThree, amount: '20.00' };
    const reply = await bot.invoke(PROMISE_VERBS.submit, { ...form, ...values });
    const shown = cardText(reply.card);
    expect(shown).toContain('This account changed since the form was opened');
    expect(shown).toContain('Morgan Mentor');
    expect(elementById(reply.card, 'amount')?.value).toBe('20.00');
    expect((await bot.account(account.id)).account.units.find((u) => u.id === unit.id)!.promiseToPay).toEqual(other);

    const again = actionsOf(reply.card).find((a) => a.verb === PROMISE_VERBS.submit)!.data as FormData;
    expect(again.submissionId).toBe(form.submissionId);
    expect(cardText((await bot.invoke(PROMISE_VERBS.submit, { ...again, ...values })).card)).toContain('Promise to pay set');
    expect((await bot.account(account.id)).account.units.find((u) => u.id === unit.id)!.promiseToPay).toMatchObject({ date: inThree, amountCents: 2000 });
  });

  it('a save that loses a race (412) is re-read and re-applied once, keeping the other change', async () => {
    const account = take();
    const unit = delinquentUnits(account)[0]!;
    const form = await openForm(bot, account.id);
    bot.hooks.beforeReplace = async () => {
      const { account: now, etag } = await bot.account(account.id);
      await bot.accountsStore.replace({ ...now, preferences: { ...now.preferences, marketing: !now.preferences.marketing } }, etag);
    };
    const reply = await bot.invoke(PROMISE_VERBS.submit, { ...form, unit: unit.id, date: inThree, amount: '15.50' });
    expect(cardText(reply.card)).toContain('Promise to pay set');
    const { account: saved } = await bot.account(account.id);
    expect(saved.preferences.marketing).toBe(!account.preferences.marketing);
    expect(saved.units.find((u) => u.id === unit.id)!.promiseToPay).toMatchObject({ date: inThree, amountCents: 1550 });
  });

  it('"all delinquent units" splits the amount by what each owes and writes one note per unit', async () => {
    const account = (await bot.allAccounts()).find((a) => delinquentUnits(a).length > 1 && delinquentUnits(a).every((u) => promisable(u, inThree)))!;
    const late = delinquentUnits(account);
    const total = late.reduce((sum, u) => sum + u.amountDueCents, 0);
    const form = await openForm(bot, account.id);
    const reply = await bot.invoke(PROMISE_VERBS.submit, { ...form, unit: 'all', date: inThree, amount: money(total) });
    expect(cardText(reply.card)).toContain('Promise to pay set');
    const { account: saved } = await bot.account(account.id);
    for (const u of late) expect(saved.units.find((s) => s.id === u.id)!.promiseToPay).toMatchObject({ date: inThree, amountCents: u.amountDueCents });
    expect(saved.collection).toEqual({ nextEventDate: addDays(inThree, 1), nextEventType: 'Reminder call' });
    expect((await bot.notesOf(account.id)).filter((n) => n.id.startsWith(form.submissionId))).toHaveLength(late.length);
  });
});
