import { z } from 'zod/v4';

/** Card verbs of "Verify caller"; the cards and the routes use the same constants. */
export const VERIFY_VERBS = {
  /** Shows a fresh form (the customer card's button, and "Check another identifier"). */
  open: 'account.verify.open',
  /** The form's "Check" button. */
  submit: 'account.verify.submit',
} as const;
/** Every verb under this prefix that is not one of the above is answered as out of date. */
export const VERIFY_VERB_PREFIX = /^account\.verify\./;

/** The identifiers a caller can give, in the order the form and the result list them. */
export const IDENTIFIER_KINDS = ['idNumber', 'phone', 'email', 'unit'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export const IDENTIFIER_LABELS: Record<IdentifierKind, string> = { idNumber: 'ID number', phone: 'Phone', email: 'Email', unit: 'Unit' };

/** Longest value the form accepts per field (the card's `maxLength` says the same). */
export const FIELD_MAX: Record<IdentifierKind, number> = { idNumber: 30, phone: 30, email: 254, unit: 20 };

const accountId = z.string().regex(/^\d{6,10}$/);
/** A field as the card sends it: text (an empty field comes as "", null or not at all). */
const field = z.string().max(1000).nullish();

/** The customer card's button and "Check another identifier": which account to verify. */
export const verifyOpenSchema = z.object({ accountId });

/** The form's submit: the account, the submission id made with the form, and what the caller said. */
export const verifySubmitSchema = z.object({
  accountId,
  submissionId: z.uuid(),
  idNumber: field,
  phone: field,
  email: field,
  unit: field,
});
export type VerifySubmit = z.infer<typeof verifySubmitSchema>;

/** What was typed, kept as typed, to show again in the form. */
export type VerifyValues = Partial<Record<IdentifierKind, string>>;

/**
 * The comparison of one identifier. `basis: 'last3'` means only the last 3 digits of the ID are on
 * file, so that is all that could be compared: not enough on its own (DESIGN's policy table).
 */
export interface IdentifierCheck {
  kind: IdentifierKind;
  result: 'match' | 'no match';
  basis: 'full' | 'last3';
}

/**
 * That a caller was verified: who checked, when, which kinds of identifier and the result of each.
 * Never the values, neither what the caller said nor what is on file.
 */
export interface VerificationRecord {
  accountId: string;
  checkedBy: { id: string; name: string };
  checkedAt: string;
  checks: IdentifierCheck[];
  verified: boolean;
}
