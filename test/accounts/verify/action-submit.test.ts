import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from 'botbuilder';
import { promiseToPayAction } from '../../../src/features/accounts/promise/promise.cards';
import { addDays, delinquentUnits } from '../../../src/features/accounts/promise/promise.rules';
import { PROMISE_VERBS } from '../../../src/features/accounts/promise/promise.schemas';
import { verifyCallerAction } from '../../../src/features/accounts/verify/verify.cards';
import { VERIFY_VERBS } from '../../../src/features/accounts/verify/verify.schemas';
import { actionsOf, cardText, createFormHarness, utcToday, type Card } from './form-harness';

/** The card of the one message among the replies. */
function cardOf(replies: Partial<Activity>[]): Card {
  const messages = replies.filter((a) => a.type === 'message');
  expect(messages).toHaveLength(1);
  return messages[0]!.attachments![0]!.content as Card;
}

/** The form's fallback (Action.Submit) data, as a client without Universal Actions sends it. */
const fallbackData = (card: Card, verb: string) => actionsOf(card).find((a) => a.type === 'Action.Submit' && a.data?.verb === verb)!.data!;

describe('the customer-card buttons and the Action.Submit paths (real Application with only these routes)', () => {
  let bot: Awaited<ReturnType<typeof createFormHarness>>;
  beforeAll(async () => {
    bot = await createFormHarness({ bare: true });
  }, 90_000);
  afterAll(() => bot.close());

  it('"Verify caller" is an Action.Submit by account id; the form comes as a message and its fallback answers', async () => {
    expect(verifyCallerAction('1234567')).toEqual({ type: 'Action.Submit', title: 'Verify caller', data: { verb: VERIFY_VERBS.open, accountId: '1234567' } });
    const account = (await bot.allAccounts()).find((a) => a.kind === 'customer')!;
    const form = cardOf(await bot.send({ text: undefined, value: verifyCallerAction(account.id).data }));
    const answered = cardOf(await bot.send({ text: undefined, value: { ...fallbackData(form, VERIFY_VERBS.submit), phone: account.phones[0]!.number } }));
    expect(cardText(answered)).toContain('Caller verified');
  });

  it('"Set promise to pay" is offered only with a past-due unit; the form comes as a message and its fallback saves', async () => {
    const accounts = await bot.allAccounts();
    const current = accounts.find((a) => a.kind === 'customer' && !delinquentUnits(a).length)!;
    expect(promiseToPayAction(current)).toBeUndefined();
    const date = addDays(utcToday(), 2);
    const account = accounts.find((a) => delinquentUnits(a).length === 1 && !delinquentUnits(a)[0]!.auctionDate)!;
    const action = promiseToPayAction(account)!;
    expect(action).toEqual({ type: 'Action.Submit', title: 'Set promise to pay', data: { verb: PROMISE_VERBS.open, accountId: account.id } });
    const form = cardOf(await bot.send({ text: undefined, value: action.data }));
    const unit = delinquentUnits(account)[0]!;
    const saved = cardOf(await bot.send({ text: undefined, value: { ...fallbackData(form, PROMISE_VERBS.submit), unit: unit.id, date, amount: '1.00' } }));
    expect(cardText(saved)).toContain('Promise to pay set');
    expect((await bot.account(account.id)).account.units.find((u) => u.id === unit.id)!.promiseToPay).toMatchObject({ date, amountCents: 100 });
  });

  it('a forged Action.Submit verb gets the out-of-date card', async () => {
    const reply = cardOf(await bot.send({ text: undefined, value: { verb: 'account.promise.bogus', accountId: '1234567' } }));
    expect(cardText(reply)).toContain('That form is out of date');
  });
});
