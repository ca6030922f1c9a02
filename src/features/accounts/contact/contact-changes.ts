import { formatPhone } from '../cards/format';
import { primariesOf } from './contact-normalise';
import type { ContactDetails } from './contact.schemas';

const LANGUAGES: Record<ContactDetails['language'], string> = { en: 'English', fr: 'French' };
const PREFERENCES: [keyof ContactDetails['preferences'], string][] = [
  ['marketing', 'Marketing emails'],
  ['paymentReminders', 'Payment reminders'],
  ['accountNotifications', 'Account notifications'],
];

/** A language code as a word: "en" -> "English". */
export function languageName(language: ContactDetails['language']): string {
  return LANGUAGES[language];
}

/** "(503) 555-0134 (mobile)". */
export function phoneText(phone: ContactDetails['phones'][number]): string {
  return `${formatPhone(phone.number)} (${phone.label})`;
}

/**
 * What changed from `from` to `to`, one sentence each, saying what it was and what it is now (the
 * notes policy): "Added phone (503) 555-0199 (work)", "Primary email changed from a@x.com to
 * b@y.com", "Language changed from English to French", "Marketing emails turned off". Empty when
 * nothing changed.
 */
export function describeChanges(from: ContactDetails, to: ContactDetails): string[] {
  const changes: string[] = [];
  const toPhones = new Map(to.phones.map((p) => [p.number, p]));
  const fromPhones = new Map(from.phones.map((p) => [p.number, p]));
  for (const phone of to.phones) if (!fromPhones.has(phone.number)) changes.push(`Added phone ${phoneText(phone)}`);
  for (const phone of from.phones) if (!toPhones.has(phone.number)) changes.push(`Removed phone ${phoneText(phone)}`);
  for (const phone of to.phones) {
    const before = fromPhones.get(phone.number);
    if (before && before.label !== phone.label) changes.push(`Phone ${formatPhone(phone.number)} label changed from ${before.label} to ${phone.label}`);
  }
  const toEmails = new Set(to.emails.map((e) => e.address.toLowerCase()));
  const fromEmails = new Set(from.emails.map((e) => e.address.toLowerCase()));
  for (const email of to.emails) if (!fromEmails.has(email.address.toLowerCase())) changes.push(`Added email ${email.address}`);
  for (const email of from.emails) if (!toEmails.has(email.address.toLowerCase())) changes.push(`Removed email ${email.address}`);

  const before = primariesOf(from);
  const after = primariesOf(to);
  if (before.phone !== after.phone) changes.push(`Primary phone changed from ${formatPhone(before.phone) || 'none'} to ${formatPhone(after.phone) || 'none'}`);
  if (before.email.toLowerCase() !== after.email.toLowerCase()) changes.push(`Primary email changed from ${before.email || 'none'} to ${after.email || 'none'}`);
  if (from.language !== to.language) changes.push(`Language changed from ${languageName(from.language)} to ${languageName(to.language)}`);
  for (const [key, name] of PREFERENCES) {
    if (from.preferences[key] !== to.preferences[key]) changes.push(`${name} turned ${to.preferences[key] ? 'on' : 'off'}`);
  }
  return changes;
}

/** A short list of what kinds of details changed, for the note's reason: "email and language". */
export function changedTopics(from: ContactDetails, to: ContactDetails): string {
  const topics: string[] = [];
  const keys = (d: ContactDetails, kind: 'phones' | 'emails') => JSON.stringify(kind === 'phones' ? d.phones : d.emails);
  if (keys(from, 'phones') !== keys(to, 'phones')) topics.push('phone numbers');
  if (keys(from, 'emails') !== keys(to, 'emails')) topics.push('email addresses');
  if (from.language !== to.language) topics.push('language');
  if (PREFERENCES.some(([key]) => from.preferences[key] !== to.preferences[key])) topics.push('communication preferences');
  if (topics.length <= 1) return topics[0] ?? 'contact details';
  return `${topics.slice(0, -1).join(', ')} and ${topics.at(-1)}`;
}
