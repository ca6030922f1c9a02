import { cardBytes, type AdaptiveCard, type CardAction } from '../../../shared/cards';

/** Card verbs of the account cards; the account routes match on the same constants. */
export const ACCOUNT_VERBS = {
  open: 'account.open',
  refresh: 'account.refresh',
  moreNotes: 'account.moreNotes',
  page: 'account.page',
} as const;
export type AccountVerb = (typeof ACCOUNT_VERBS)[keyof typeof ACCOUNT_VERBS];

/**
 * A button another feature adds to the customer card (add note, create task, request approval, ...).
 * Anything that changes data should be an `Action.Execute`; it is shown before "Refresh".
 */
export type CustomerCardAction = CardAction;

/**
 * "Open the account" on the cards of the account forms (verify, promise, contact results): the
 * customer card as it is now replaces the card in place.
 */
export function openAccountAction(accountId: string): CardAction {
  return { type: 'Action.Execute', title: 'Open the account', verb: ACCOUNT_VERBS.refresh, data: { accountId } };
}

/** Teams refuses cards over about 40 KB. */
export const CARD_BYTE_LIMIT = 40_000;

/** Throws when the card would be too big for Teams; returns its size in bytes otherwise. */
export function assertCardFits(card: AdaptiveCard, limit = CARD_BYTE_LIMIT): number {
  const bytes = cardBytes(card);
  if (bytes >= limit) throw new Error(`card is ${bytes} bytes, over the ${limit} byte limit`);
  return bytes;
}
