import { expect } from 'vitest';
import type { Account } from '../../../src/features/accounts/accounts.schemas';
import { VERIFY_VERBS } from '../../../src/features/accounts/verify/verify.schemas';
import { actionsOf, type createFormHarness } from './form-harness';

export type Harness = Awaited<ReturnType<typeof createFormHarness>>;

/** Opens the form for an account (as "Check another identifier" does) and returns its submit data. */
export async function openForm(bot: Harness, accountId: string) {
  const reply = await bot.invoke(VERIFY_VERBS.open, { accountId });
  expect(reply.status).toBe(200);
  const check = actionsOf(reply.card).find((a) => a.type === 'Action.Execute' && a.verb === VERIFY_VERBS.submit);
  expect(check).toBeDefined();
  return { card: reply.card, data: check!.data as { accountId: string; submissionId: string } };
}

export async function verify(bot: Harness, account: Account, said: Record<string, string>) {
  const { data } = await openForm(bot, account.id);
  const reply = await bot.invoke(VERIFY_VERBS.submit, { ...data, ...said });
  expect(reply.status).toBe(200);
  return { ...reply, submissionId: data.submissionId };
}

export const formatted = (digits: string) => `+1 (${digits.slice(0, 3)}) ${digits.slice(3, 6)}.${digits.slice(6)}`;
