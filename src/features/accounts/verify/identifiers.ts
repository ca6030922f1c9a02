import { z } from 'zod/v4';
import type { Account } from '../accounts.schemas';
import { FIELD_MAX, IDENTIFIER_KINDS, type IdentifierCheck, type IdentifierKind, type VerifyValues } from './verify.schemas';

/** Pure checks of what a caller says against an account. Results say "match" or "no match", nothing more. */

/** What was typed, normalised for comparing: ID and unit upper-case without spaces, phone as 10 digits, email lower-case. */
export type NormalizedIdentifiers = Partial<Record<IdentifierKind, string>>;

/** A problem with one field, or with the form as a whole ('form'), worded for the agent. */
export type VerifyErrors = Partial<Record<IdentifierKind | 'form', string>>;

const compact = (value: string) => value.replace(/[\s.-]+/g, '').toUpperCase();

/** Digits of a North American phone number; a leading country code 1 is dropped. */
export function phoneDigitsOf(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}

const RULES: Record<IdentifierKind, { normalize(value: string): string; valid(normalized: string): boolean; problem: string }> = {
  idNumber: { normalize: compact, valid: (v) => /^[A-Z0-9]{5,30}$/.test(v), problem: "Enter the caller's whole ID number (letters and digits), not only its last digits." },
  phone: { normalize: phoneDigitsOf, valid: (v) => /^\d{10}$/.test(v), problem: 'Enter a 10-digit phone number, like (503) 555-0134.' },
  email: { normalize: (v) => v.trim().toLowerCase(), valid: (v) => z.email().safeParse(v).success, problem: 'Enter an email address, like name@example.com.' },
  unit: { normalize: compact, valid: (v) => /^[A-Z0-9]{1,12}$/.test(v), problem: 'Enter a unit number, like B112.' },
};

/** Validates the typed values: each one given must be well formed, and at least one must be given. */
export function normalizeIdentifiers(values: VerifyValues): { identifiers: NormalizedIdentifiers; errors: VerifyErrors } {
  const identifiers: NormalizedIdentifiers = {};
  const errors: VerifyErrors = {};
  for (const kind of IDENTIFIER_KINDS) {
    const raw = values[kind]?.trim();
    if (!raw) continue;
    const normalized = RULES[kind].normalize(raw);
    if (raw.length > FIELD_MAX[kind]) errors[kind] = `That is too long (at most ${FIELD_MAX[kind]} characters).`;
    else if (!RULES[kind].valid(normalized)) errors[kind] = RULES[kind].problem;
    else identifiers[kind] = normalized;
  }
  if (!Object.keys(identifiers).length && !Object.keys(errors).length) {
    errors.form = 'Enter at least one thing the caller tells you: ID number, phone, email or unit.';
  }
  return { identifiers, errors };
}

/**
 * Compares each given identifier with the account: phone with every phone on file, email with every
 * email (any case), unit with the account's units (any case), ID with the full ID when it is on file,
 * otherwise only its last 3 digits with the last 3 on file.
 */
export function compareIdentifiers(account: Account, given: NormalizedIdentifiers): IdentifierCheck[] {
  const checks: IdentifierCheck[] = [];
  const add = (kind: IdentifierKind, matched: boolean, basis: IdentifierCheck['basis'] = 'full') => checks.push({ kind, result: matched ? 'match' : 'no match', basis });
  if (given.idNumber) {
    const full = account.identity.idNumber;
    if (full) add('idNumber', compact(full) === given.idNumber);
    else add('idNumber', given.idNumber.slice(-3) === account.identity.idLast3, 'last3');
  }
  if (given.phone) add('phone', account.phones.some((p) => p.number === given.phone));
  if (given.email) add('email', account.emails.some((e) => e.address.toLowerCase() === given.email));
  if (given.unit) add('unit', account.units.some((u) => compact(u.id) === given.unit));
  return checks;
}

/**
 * The verification rule: a caller is verified by at least one matching phone, email or full ID
 * number, and nothing they gave failed to match. A unit number is printed on the unit and the last 3
 * ID digits are too little (policy), so these support a match but never verify on their own.
 */
export function isVerified(checks: readonly IdentifierCheck[]): boolean {
  const strong = checks.some((c) => c.result === 'match' && c.basis === 'full' && c.kind !== 'unit');
  return strong && checks.every((c) => c.result === 'match');
}

/** What the agent should do next, from the checks alone. */
export function guidanceFor(checks: readonly IdentifierCheck[]): string[] {
  const verified = isVerified(checks);
  const lines: string[] = [];
  if (checks.some((c) => c.kind === 'idNumber' && c.basis === 'last3')) {
    lines.push('Only the last 3 digits of the ID are on file, so the ID could only be compared on those 3 digits.');
    lines.push(verified ? 'For the full ID, the occupancy sheet is the place to check.' : 'Check the occupancy sheet for the full ID. If it has none, ask the caller for another identifier: their email or phone number.');
  }
  if (checks.some((c) => c.result === 'no match')) lines.push('Something the caller gave does not match. Do not discuss the account until they give an identifier that matches.');
  else if (!verified && !checks.some((c) => c.kind === 'idNumber' && c.basis === 'last3')) lines.push('A unit number alone does not verify a caller: ask for their phone number or email.');
  if (verified) lines.push('The caller is verified: you can go ahead.');
  return lines;
}
