import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../src/features/accounts/accounts.schemas';
import { addDays, delinquentUnits } from '../../../src/features/accounts/promise/promise.rules';
import { PROMISE_VERBS, PROMISE_WINDOW_DAYS } from '../../../src/features/accounts/promise/promise.schemas';
import { cardText, createFormHarness, elementById, utcToday } from '../verify/form-harness';
import { money, openForm, promisable, type Harness } from './promise-helpers';

describe('Set promise to pay (real Application, embedded store, demo data)', () => {
  let bot: Harness;
  let single: Account[];
  const today = utcToday();
  const inThree = addDays(today, 3);
  beforeAll(async () => {
    bot = await createFormHarness();
    // Accounts whose one delinquent unit can take a promise, so each test can have its own.
    single = (await bot.allAccounts()).filter((a) => a.kind === 'customer' && delinquentUnits(a).length === 1 && promisable(delinquentUnits(a)[0]!, addDays(today, 4)));
    expect(single.length).toBeGreaterThan(8);
  }, 90_000);
  afterAll(() => bot.close());

  const take = () => single.shift()!;

  it('sets the promise: unit updated with the etag, collection paused until after the date, note written', async () => {
    const account = take();
    const unit = delinquentUnits(account)[0]!;
    const form = await openForm(bot, account.id);
    const reply = await bot.invoke(PROMISE_VERBS.submit, { ...form, unit: unit.id, date: inThree, amount: `$${money(unit.amountDueCents - 500)}` });
    const shown = cardText(reply.card);
    expect(shown).toContain('Promise to pay set');
    expect(shown).toContain(`Unit ${unit.id}`);
    expect(shown).toContain('Reminder call');

    const { account: saved } = await bot.account(account.id);
    expect(saved.units.find((u) => u.id === unit.id)!.promiseToPay).toMatchObject({ date: inThree, amountCents: unit.amountDueCents - 500, setBy: { id: 'aad-agent-1', name: 'Avery Agent' } });
    expect(saved.collection).toEqual({ nextEventDate: addDays(inThree, 1), nextEventType: 'Reminder call' });
    const notes = (await bot.notesOf(account.id)).filter((n) => n.id === form.submissionId);
    expect(notes).toHaveLength(1);
    expect(notes[0]!).toMatchObject({ unitIds: [unit.id], disposition: { category: 'Billing', name: 'Promised to Pay' }, flags: { collection: true } });
    expect(notes[0]!.resolution).toContain(`$${money(unit.amountDueCents - 500)}`);
  });

  it('rejects a past date, a date beyond the window, an amount over the due and a unit that is not delinquent, keeping the values', async () => {
    const account = take();
    const unit = delinquentUnits(account)[0]!;
    const { etag } = await bot.account(account.id);
    const form = await openForm(bot, account.id);
    const current = account.units.find((u) => u.status === 'Current');
    const cases: [Record<string, string>, RegExp][] = [
      [{ unit: unit.id, date: addDays(today, -3), amount: '10.00' }, /in the past/],
      [{ unit: unit.id, date: addDays(today, PROMISE_WINDOW_DAYS + 6), amount: '10.00' }, /at most 14 days away/],
      [{ unit: unit.id, date: inThree, amount: money(unit.amountDueCents + 1) }, /more than the \$[\d,.]+ due/],
      [{ unit: unit.id, date: inThree, amount: '0' }, /more than \$0\.00/],
      [{ unit: unit.id, date: inThree, amount: 'ten dollars' }, /amount in dollars/],
      [{ unit: current?.id ?? 'Z999', date: inThree, amount: '10.00' }, current ? /is not past due/ : /not on this account/],
    ];
    for (const [values, problem] of cases) {
      const reply = await bot.invoke(PROMISE_VERBS.submit, { ...form, ...values });
      expect(cardText(reply.card)).toMatch(problem);
      expect(elementById(reply.card, 'date')?.value).toBe(values.date);
      expect(elementById(reply.card, 'amount')?.value).toBe(values.amount);
      expect(elementById(reply.card, 'unit')?.value).toBe(values.unit);
    }
    expect((await bot.account(account.id)).etag).toBe(etag);
    expect((await bot.notesOf(account.id)).filter((n) => n.id.startsWith(form.submissionId))).toEqual([]);
  });

  it('a replayed submit answers success without a second note or a second change', async () => {
    const account = take();
    const unit = delinquentUnits(account)[0]!;
    const form = await openForm(bot, account.id);
    const values = { ...form, unit: unit.id, date: inThree, amount: '10' };
    expect(cardText((await bot.invoke(PROMISE_VERBS.submit, values)).card)).toContain('Saved on the account');
    const after = await bot.account(account.id);
    const replay = await bot.invoke(PROMISE_VERBS.submit, values);
    expect(cardText(replay.card)).toContain('This promise was already saved');
    expect((await bot.account(account.id)).etag).toBe(after.etag);
    expect((await bot.notesOf(account.id)).filter((n) => n.id === form.submissionId)).toHaveLength(1);
  });

  it('refuses someone who is not set up, and changes nothing', async () => {
    const account = take();
    const unit = delinquentUnits(account)[0]!;
    const nobody = { id: 'aad-nobody', name: 'Nobody' };
    expect(cardText((await bot.invoke(PROMISE_VERBS.open, { accountId: account.id }, nobody)).card)).toContain('You are not set up in Deskmate yet');
    const form = await openForm(bot, account.id);
    const { etag } = await bot.account(account.id);
    const reply = await bot.invoke(PROMISE_VERBS.submit, { ...form, unit: unit.id, date: inThree, amount: '10.00' }, nobody);
    expect(cardText(reply.card)).toContain('You are not set up in Deskmate yet');
    expect((await bot.account(account.id)).etag).toBe(etag);
  });

  it('bad payloads and forged verbs get a clear card and store nothing', async () => {
    const account = take();
    const unit = delinquentUnits(account)[0]!;
    const form = await openForm(bot, account.id);
    const { etag } = await bot.account(account.id);
    const values = { unit: unit.id, date: inThree, amount: '10.00' };
    const bad: [string, unknown][] = [
      [PROMISE_VERBS.submit, { ...form, ...values, accountId: Number(account.id) }],
      [PROMISE_VERBS.submit, { ...form, ...values, unit: 'B'.repeat(5000) }],
      [PROMISE_VERBS.submit, { ...values, accountId: account.id, stamp: form.stamp }],
      [PROMISE_VERBS.submit, { ...form, ...values, stamp: 'forged' }],
      [PROMISE_VERBS.submit, { ...form, ...values, amount: { cents: 1000 } }],
      [PROMISE_VERBS.open, { accountId: '../../etc' }],
      ['account.promise.remove', { ...form, ...values }],
    ];
    for (const [verb, payload] of bad) {
      const reply = await bot.invoke(verb, payload);
      expect(reply.status).toBe(200);
      expect(cardText(reply.card)).toContain('That form is out of date or incomplete, so nothing was saved');
    }
    expect((await bot.account(account.id)).etag).toBe(etag);
    expect((await bot.notesOf(account.id)).filter((n) => n.id.startsWith(form.submissionId))).toEqual([]);
  });
});
