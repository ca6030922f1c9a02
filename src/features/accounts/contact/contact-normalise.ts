import { z } from 'zod/v4';
import { parseAccountQuery } from '../account-query';
import type { ContactDetails } from './contact.schemas';

const MAX_EMAIL = 254;
const emailFormat = z.email();

/**
 * A phone number in any formatting as its 10 digits, by the same rules as the account search
 * (spaces, dots, dashes, brackets; 11 digits only with the leading country code 1), so every number
 * saved here can be found again by typing it. Undefined when it is not a phone number.
 */
export function normalisePhone(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed || trimmed.length > 40) return undefined;
  const query = parseAccountQuery(`phone ${trimmed}`);
  return query?.kind === 'phone' ? query.digits : undefined;
}

/** An email address trimmed and lower-cased; undefined when it is not a valid address. */
export function normaliseEmail(text: string): string | undefined {
  const address = text.trim().toLowerCase();
  if (!address || address.length > MAX_EMAIL) return undefined;
  return emailFormat.safeParse(address).success ? address : undefined;
}

/** The contact details of an account. */
export function contactOf(account: ContactDetails): ContactDetails {
  return {
    phones: account.phones.map((p) => ({ ...p })),
    emails: account.emails.map((e) => ({ ...e })),
    language: account.language,
    preferences: { ...account.preferences },
  };
}

/** The `lookups` keys an account's contact details are found by. */
export function contactKeys(details: ContactDetails): string[] {
  return [...details.phones.map((p) => `phone:${p.number}`), ...details.emails.map((e) => `email:${e.address.toLowerCase()}`)];
}

/** The lookup keys to add and to remove when contact details change from `from` to `to`. */
export function lookupChanges(from: ContactDetails, to: ContactDetails): { added: string[]; removed: string[] } {
  const before = new Set(contactKeys(from));
  const after = new Set(contactKeys(to));
  return { added: [...after].filter((k) => !before.has(k)), removed: [...before].filter((k) => !after.has(k)) };
}

/** True when both hold the same phones, emails, primaries, labels, language and preferences (any order). */
export function sameContact(a: ContactDetails, b: ContactDetails): boolean {
  const canonical = (d: ContactDetails) =>
    JSON.stringify({
      phones: d.phones.map((p) => `${p.number}|${p.label}|${p.primary}`).sort(),
      emails: d.emails.map((e) => `${e.address.toLowerCase()}|${e.primary}`).sort(),
      language: d.language,
      preferences: [d.preferences.marketing, d.preferences.paymentReminders, d.preferences.accountNotifications],
    });
  return canonical(a) === canonical(b);
}

/** The primary phone number and primary email address ('' when there is none). */
export function primariesOf(details: ContactDetails): { phone: string; email: string } {
  return { phone: details.phones.find((p) => p.primary)?.number ?? '', email: details.emails.find((e) => e.primary)?.address ?? '' };
}
