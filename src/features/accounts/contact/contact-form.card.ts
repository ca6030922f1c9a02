import { RELATIONSHIPS } from '../../notes/notes.schemas';
import { adaptiveCard, heading, notice, text, type AdaptiveCard, type CardAction, type CardElement } from '../../../shared/cards';
import { fullName } from '../cards/header';
import { maskAccountId } from '../cards/format';
import { phoneText } from './contact-changes';
import { seenOf } from './contact-edits';
import type { ContactFormView } from './contact.service';
import { CONTACT_VERBS, NEW_CHOICE, PHONE_LABELS, type ContactErrors, type ContactField } from './contact.schemas';

/** The notice on a form re-shown after someone else saved the account first. */
export const CHANGED_BY_SOMEONE_ELSE = 'Changed by someone else since you opened this form; review and submit again.';

/** The "Update contact" button for the customer card: opens the form for the account (Action.Execute). */
export function updateContactAction(accountId: string): CardAction {
  return { type: 'Action.Execute', title: 'Update contact', verb: CONTACT_VERBS.open, data: { accountId } };
}

type Choice = { title: string; value: string };

function withError(input: CardElement, errors: ContactErrors): CardElement[] {
  const message = errors[input.id as ContactField];
  return message ? [input, text(message, { id: `${String(input.id)}-error`, color: 'Attention', size: 'Small', spacing: 'None' })] : [input];
}

function choiceSet(id: ContactField, label: string, choices: Choice[], value: string, options: Record<string, unknown> = {}): CardElement {
  return { type: 'Input.ChoiceSet', id, label, choices, value, style: 'expanded', ...options };
}

function textInput(id: ContactField, label: string, value: string, placeholder: string, maxLength: number): CardElement {
  return { type: 'Input.Text', id, label, value, placeholder, maxLength };
}

function toggle(id: string, title: string, on: boolean): CardElement {
  return { type: 'Input.Toggle', id, title, value: String(on), valueOn: 'true', valueOff: 'false' };
}

function section(title: string): CardElement {
  return text(title, { weight: 'Bolder', separator: true, spacing: 'Medium' });
}

function conflictNotice(changes: string[]): CardElement[] {
  const what = changes.length ? changes.map((c) => `- ${c}`).join('\n') : '- Other details on the account (not its contact details)';
  return [
    notice(CHANGED_BY_SOMEONE_ELSE, 'warning'),
    text(`What changed since you opened it:\n${what}`, { size: 'Small' }),
    text('The form shows the account as it is now, with what you typed or changed kept.', { size: 'Small', isSubtle: true, spacing: 'None' }),
  ];
}

/**
 * The "Update contact" form: who called, phones and emails (primary choice, remove, add), language
 * and email preferences. Save carries the account id, its `_etag` as shown and the submission id.
 */
export function contactFormCard(view: ContactFormView): AdaptiveCard {
  const { account, values, errors } = view;
  const phones: Choice[] = account.phones.map((p) => ({ title: phoneText(p), value: p.number }));
  const emails: Choice[] = account.emails.map((e) => ({ title: e.address, value: e.address }));
  const hasErrors = Object.keys(errors).length > 0;
  const body: CardElement[] = [
    ...heading('Update contact', `${fullName(account)} · ${maskAccountId(account.id)}`),
    ...(view.changedByOthers ? conflictNotice(view.changedByOthers) : []),
    ...(hasErrors ? [notice('Some details need fixing; see the notes under the fields.', 'attention')] : []),
    section('Who called'),
    ...withError(textInput('callerName', 'Caller name', values.callerName, 'Name of the person on the call', 120), errors),
    choiceSet('callerRelationship', 'Relationship to the account holder', RELATIONSHIPS.map((r) => ({ title: r, value: r })), values.callerRelationship, { style: 'compact' }),
    section('Phones'),
    ...withError(choiceSet('primaryPhone', 'Primary phone', [...phones, { title: 'The new phone below', value: NEW_CHOICE }], values.primaryPhone), errors),
    ...withError(choiceSet('removePhones', 'Remove', phones, values.removePhones.join(','), { isMultiSelect: true }), errors),
    ...withError(textInput('newPhone', 'Add phone', values.newPhone, '(503) 555-0134', 40), errors),
    choiceSet('newPhoneLabel', 'New phone is', PHONE_LABELS.map((l) => ({ title: l, value: l })), values.newPhoneLabel, { style: 'compact', spacing: 'Small' }),
    section('Emails'),
    ...withError(choiceSet('primaryEmail', 'Primary email', [...emails, { title: 'The new email below', value: NEW_CHOICE }], values.primaryEmail), errors),
    ...withError(choiceSet('removeEmails', 'Remove', emails, values.removeEmails.join(','), { isMultiSelect: true }), errors),
    ...withError(textInput('newEmail', 'Add email', values.newEmail, 'name@example.com', 254), errors),
    section('Language'),
    choiceSet('language', 'Language for all communications', [{ title: 'English', value: 'en' }, { title: 'French', value: 'fr' }], values.language),
    section('Email preferences'),
    toggle('marketing', 'Marketing communications', values.preferences.marketing),
    toggle('paymentReminders', 'Payment reminders', values.preferences.paymentReminders),
    toggle('accountNotifications', 'Account notifications', values.preferences.accountNotifications),
  ];
  const save: CardAction = {
    type: 'Action.Execute',
    title: 'Save changes',
    verb: CONTACT_VERBS.submit,
    style: 'positive',
    data: { accountId: account.id, etag: view.etag, submissionId: view.submissionId, seen: seenOf(account) },
  };
  const cancel: CardAction = { type: 'Action.Execute', title: 'Cancel', verb: CONTACT_VERBS.cancel, associatedInputs: 'none', data: { accountId: account.id } };
  return adaptiveCard(body, [save, cancel]);
}
