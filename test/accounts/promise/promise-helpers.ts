import { expect } from 'vitest';
import type { Unit } from '../../../src/features/accounts/accounts.schemas';
import { PROMISE_VERBS } from '../../../src/features/accounts/promise/promise.schemas';
import { actionsOf, cardText, type createFormHarness } from '../verify/form-harness';

export type Harness = Awaited<ReturnType<typeof createFormHarness>>;
export type FormData = { accountId: string; submissionId: string; stamp: string };

export async function openForm(bot: Harness, accountId: string): Promise<FormData> {
  const reply = await bot.invoke(PROMISE_VERBS.open, { accountId });
  const save = actionsOf(reply.card).find((a) => a.type === 'Action.Execute' && a.verb === PROMISE_VERBS.submit);
  expect(save, cardText(reply.card)).toBeDefined();
  return save!.data as FormData;
}

/** A unit a promise for `date` can go on: delinquent, no promise yet, no auction before the date. */
export const promisable = (u: Unit, date: string) => u.status === 'Delinquent' && u.amountDueCents > 1000 && !u.promiseToPay && (!u.auctionDate || u.auctionDate > date);
export const money = (cents: number) => (cents / 100).toFixed(2);

