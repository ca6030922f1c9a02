import { z } from 'zod/v4';

/** Card verbs of "Set promise to pay"; the cards and the routes use the same constants. */
export const PROMISE_VERBS = {
  /** Shows a fresh form (the customer card's button). */
  open: 'account.promise.open',
  /** The form's "Set promise" button. */
  submit: 'account.promise.submit',
} as const;
/** Every verb under this prefix that is not one of the above is answered as out of date. */
export const PROMISE_VERB_PREFIX = /^account\.promise\./;

/**
 * Policy setting: a promise to pay may name a date at most this many days after today (the
 * location's today). Collection events pause until the promised date, so this caps how long an
 * account can go without a collection step on a promise alone. Change it here when the policy changes.
 */
export const PROMISE_WINDOW_DAYS = 14;

/** The unit choice that means "every delinquent unit of the account". */
export const ALL_DELINQUENT_UNITS = 'all';

/** Largest amount the form accepts, in dollars (a sanity limit; the amount due is the real one). */
export const MAX_PROMISE_DOLLARS = 1_000_000;

const accountId = z.string().regex(/^\d{6,10}$/);

/** The customer card's button: which account. */
export const promiseOpenSchema = z.object({ accountId });

/** Teams sends inputs as text (an empty one as "", null or not at all); a number is read as its text. */
const field = z.union([z.string().max(200), z.number().finite().transform(String)]).nullish();

/** The form's submit: the account, the ids made with the form, and what the agent entered. */
export const promiseSubmitSchema = z.object({
  accountId,
  submissionId: z.uuid(),
  /** A digest of the delinquent units as the form showed them (see `unitsStamp`). */
  stamp: z.string().regex(/^[0-9a-f]{16}$/),
  unit: field,
  date: field,
  amount: field,
});
export type PromiseSubmit = z.infer<typeof promiseSubmitSchema>;

/** What was entered, kept as entered, to show again in the form. */
export interface PromiseValues {
  unit?: string;
  date?: string;
  amount?: string;
}

/** A problem with one field, or with the form as a whole ('form'), worded for the agent. */
export type PromiseErrors = Partial<Record<keyof PromiseValues | 'form', string>>;

/** One unit's share of a promise: what is stored on the unit as `promiseToPay`. */
export interface UnitPromise {
  unitId: string;
  date: string;
  amountCents: number;
}
