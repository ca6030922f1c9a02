import type { Account } from '../accounts.schemas';
import { contactOf, normaliseEmail, normalisePhone, primariesOf } from './contact-normalise';
import { NEW_CHOICE, type ContactDetails, type ContactErrors, type ContactFormValues, type ContactSubmit, type SeenContact } from './contact.schemas';

const MAX_CALLER_NAME = 120;

/** The form's values for an account as it is: nothing removed or added, the caller is the holder. */
export function initialValues(account: Account): ContactFormValues {
  const primaries = primariesOf(account);
  return {
    callerName: `${account.firstName} ${account.lastName}`,
    callerRelationship: 'Account holder',
    primaryPhone: primaries.phone,
    removePhones: [],
    newPhone: '',
    newPhoneLabel: 'mobile',
    primaryEmail: primaries.email,
    removeEmails: [],
    newEmail: '',
    language: account.language,
    preferences: { ...account.preferences },
  };
}

/** The values the agent submitted, exactly as typed (nothing normalised yet). */
export function submittedValues(submit: ContactSubmit): ContactFormValues {
  return {
    callerName: submit.callerName ?? '',
    callerRelationship: submit.callerRelationship ?? 'Account holder',
    primaryPhone: submit.primaryPhone ?? '',
    removePhones: submit.removePhones,
    newPhone: submit.newPhone ?? '',
    newPhoneLabel: submit.newPhoneLabel ?? 'mobile',
    primaryEmail: submit.primaryEmail ?? '',
    removeEmails: submit.removeEmails,
    newEmail: submit.newEmail ?? '',
    language: submit.language,
    preferences: { marketing: submit.marketing, paymentReminders: submit.paymentReminders, accountNotifications: submit.accountNotifications },
  };
}

/**
 * Applies the agent's edits to the contact details they were made on. Rules: a new phone or email
 * must be valid and not already on the account; exactly one primary phone and one primary email;
 * the account keeps at least one phone and one email (add the new one to replace the last).
 * Returns the details to save and, per input, what the agent has to fix.
 */
export function applyEdits(base: ContactDetails, values: ContactFormValues): { details: ContactDetails; errors: ContactErrors } {
  const errors: ContactErrors = {};
  const callerName = values.callerName.trim();
  if (!callerName) errors.callerName = 'Enter the name of the person who called.';
  else if (callerName.length > MAX_CALLER_NAME) errors.callerName = `Keep the name under ${MAX_CALLER_NAME} characters.`;

  const phones = base.phones.filter((p) => !values.removePhones.includes(p.number)).map((p) => ({ ...p, primary: false }));
  const newPhone = values.newPhone.trim() ? normalisePhone(values.newPhone) : undefined;
  if (values.newPhone.trim() && !newPhone) errors.newPhone = 'Enter a 10-digit phone number, like (503) 555-0134.';
  else if (newPhone && base.phones.some((p) => p.number === newPhone)) errors.newPhone = 'That number is already on this account.';
  else if (newPhone) phones.push({ number: newPhone, label: values.newPhoneLabel, primary: false });
  const primaryPhone = values.primaryPhone === NEW_CHOICE ? newPhone : values.primaryPhone;
  const phone = phones.find((p) => p.number === primaryPhone);
  if (phones.length === 0) errors.removePhones = 'Keep at least one phone on the account, or add the new one first.';
  else if (phone) phone.primary = true;
  else if (!errors.newPhone) errors.primaryPhone = values.primaryPhone === NEW_CHOICE ? 'Type the new phone number to make it primary.' : 'Choose a primary phone that stays on the account.';

  const emails = base.emails.filter((e) => !values.removeEmails.includes(e.address)).map((e) => ({ ...e, primary: false }));
  const newEmail = values.newEmail.trim() ? normaliseEmail(values.newEmail) : undefined;
  if (values.newEmail.trim() && !newEmail) errors.newEmail = 'Enter a valid email address, like name@example.com.';
  else if (newEmail && base.emails.some((e) => e.address.toLowerCase() === newEmail)) errors.newEmail = 'That email is already on this account.';
  else if (newEmail) emails.push({ address: newEmail, primary: false });
  const primaryEmail = values.primaryEmail === NEW_CHOICE ? newEmail : values.primaryEmail;
  const email = emails.find((e) => e.address === primaryEmail);
  if (emails.length === 0) errors.removeEmails = 'Keep at least one email on the account, or add the new one first.';
  else if (email) email.primary = true;
  else if (!errors.newEmail) errors.primaryEmail = values.primaryEmail === NEW_CHOICE ? 'Type the new email address to make it primary.' : 'Choose a primary email that stays on the account.';

  return { details: { phones, emails, language: values.language, preferences: { ...values.preferences } }, errors };
}

/**
 * The form's values after someone else changed the account: the new stored values, except where the
 * agent had changed a value from what the form showed (`seen`); those typed values are kept.
 */
export function mergeTyped(fresh: Account, seen: SeenContact, typed: ContactFormValues): ContactFormValues {
  const stored = initialValues(fresh);
  const was = primariesOf(seen);
  const phones = new Set(fresh.phones.map((p) => p.number));
  const emails = new Set(fresh.emails.map((e) => e.address));
  const keep = (value: string, before: string, exists: Set<string>) => value !== before && (value === NEW_CHOICE || exists.has(value));
  const pick = <T>(value: T, before: T, now: T) => (value !== before ? value : now);
  return {
    ...typed,
    primaryPhone: keep(typed.primaryPhone, was.phone, phones) ? typed.primaryPhone : stored.primaryPhone,
    removePhones: typed.removePhones.filter((n) => phones.has(n)),
    primaryEmail: keep(typed.primaryEmail, was.email, emails) ? typed.primaryEmail : stored.primaryEmail,
    removeEmails: typed.removeEmails.filter((a) => emails.has(a)),
    language: pick(typed.language, seen.language, fresh.language),
    preferences: {
      marketing: pick(typed.preferences.marketing, seen.preferences.marketing, fresh.preferences.marketing),
      paymentReminders: pick(typed.preferences.paymentReminders, seen.preferences.paymentReminders, fresh.preferences.paymentReminders),
      accountNotifications: pick(typed.preferences.accountNotifications, seen.preferences.accountNotifications, fresh.preferences.accountNotifications),
    },
  };
}

/** The snapshot a form carries of the account it was made for. */
export function seenOf(account: Account): SeenContact {
  return { stamp: account.createdAt, ...contactOf(account) };
}
