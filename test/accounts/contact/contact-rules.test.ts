import { describe, expect, it } from 'vitest';
import { parseAccountQuery } from '../../../src/features/accounts/account-query';
import type { Account } from '../../../src/features/accounts/accounts.schemas';
import { assertCardFits } from '../../../src/features/accounts/accounts.cards';
import { contactFormCard, CONTACT_VERBS, normaliseEmail, normalisePhone, updateContactAction } from '../../../src/features/accounts/contact';
import { describeChanges } from '../../../src/features/accounts/contact/contact-changes';
import { applyEdits, initialValues } from '../../../src/features/accounts/contact/contact-edits';
import { contactOf } from '../../../src/features/accounts/contact/contact-normalise';
import { elements, shown, type Card } from './contact-harness';

const account: Account = {
  id: '4821907', kind: 'customer', status: 'Current', firstName: 'Léa', lastName: 'Roy', searchName: 'lea roy',
  phones: [{ number: '5035550134', label: 'mobile', primary: true }, { number: '5035550188', label: 'home', primary: false }],
  emails: [{ address: 'lea@example.com', primary: true }, { address: 'lea.roy@work.example', primary: false }],
  locationId: 'PDX1', language: 'en', preferences: { marketing: true, paymentReminders: true, accountNotifications: false },
  identity: { idLast3: '123' }, units: [], createdAt: '2025-01-02T10:00:00.000Z', updatedAt: '2025-06-01T10:00:00.000Z',
};
const base = contactOf(account);

describe('contact normalisation follows the account search', () => {
  it('reads a phone in any formatting as 10 digits, and refuses what the search would not find', () => {
    for (const typed of ['(503) 555-0199', '503.555.0199', '+1 503 555 0199', '1-503-555-0199', ' 5035550199 ']) {
      expect(normalisePhone(typed)).toBe('5035550199');
      expect(parseAccountQuery(typed)).toEqual({ kind: 'phone', digits: '5035550199' });
    }
    for (const typed of ['555-0199', '+44 20 7946 0958', '503-555-0199 ext 2', 'call 5035550199', '', '+5035550199']) expect(normalisePhone(typed)).toBeUndefined();
  });

  it('trims and lower-cases emails and refuses invalid ones', () => {
    expect(normaliseEmail('  Jane.Doe@Example.COM ')).toBe('jane.doe@example.com');
    for (const typed of ['jane', 'jane@', 'jane@@example.com', 'a b@example.com', `${'x'.repeat(250)}@example.com`]) expect(normaliseEmail(typed)).toBeUndefined();
  });
});

describe('contact edits and the change set', () => {
  it('says what each change was from and to', () => {
    const to = {
      phones: [{ number: '5035550188', label: 'home' as const, primary: true }, { number: '9715550101', label: 'work' as const, primary: false }],
      emails: [{ address: 'lea@example.com', primary: false }, { address: 'new@example.com', primary: true }],
      language: 'fr' as const,
      preferences: { marketing: false, paymentReminders: true, accountNotifications: true },
    };
    expect(describeChanges(base, to)).toEqual([
      'Added phone (971) 555-0101 (work)',
      'Removed phone (503) 555-0134 (mobile)',
      'Added email new@example.com',
      'Removed email lea.roy@work.example',
      'Primary phone changed from (503) 555-0134 to (503) 555-0188',
      'Primary email changed from lea@example.com to new@example.com',
      'Language changed from English to French',
      'Marketing emails turned off',
      'Account notifications turned on',
    ]);
    expect(describeChanges(base, base)).toEqual([]);
  });

  it('replaces the last phone only when a new one is added, and keeps exactly one primary', () => {
    const single = { ...base, phones: [base.phones[0]!] };
    const values = { ...initialValues(account), removePhones: ['5035550134'] };
    expect(applyEdits(single, values).errors.removePhones).toContain('at least one phone');
    const replaced = applyEdits(single, { ...values, newPhone: '971 555 0102', primaryPhone: 'new' });
    expect(replaced.errors).toEqual({});
    expect(replaced.details.phones).toEqual([{ number: '9715550102', label: 'mobile', primary: true }]);
    expect(applyEdits(base, { ...initialValues(account), primaryPhone: 'new' }).errors.primaryPhone).toContain('new phone');
    expect(applyEdits(base, { ...initialValues(account), newEmail: 'LEA@example.com' }).errors.newEmail).toContain('already on this account');
    expect(applyEdits(base, { ...initialValues(account), callerName: '  ' }).errors.callerName).toContain('name');
  });
});

describe('contact cards', () => {
  const view = { account, etag: '"etag-1"', submissionId: '0b6f4a8e-1111-4222-8333-944445555666', values: initialValues(account), errors: {} };

  it('the customer card button is an Action.Execute that opens the form for the account', () => {
    expect(updateContactAction('4821907')).toEqual({ type: 'Action.Execute', title: 'Update contact', verb: CONTACT_VERBS.open, data: { accountId: '4821907' } });
  });

  it('the form saves with Action.Execute, carries id, etag and submission id, and is far under 40 KB', () => {
    const card = contactFormCard(view);
    const save = card.actions!.find((a) => a.verb === CONTACT_VERBS.submit)!;
    expect(save).toMatchObject({ type: 'Action.Execute', data: { accountId: '4821907', etag: '"etag-1"', submissionId: view.submissionId } });
    expect(card.actions!.every((a) => a.type === 'Action.Execute')).toBe(true);
    expect(assertCardFits(card)).toBeLessThan(10_000);
    const ids = elements(card as unknown as Card).filter((e) => e.type.startsWith('Input.')).map((e) => e.id);
    expect(ids).toEqual(['callerName', 'callerRelationship', 'primaryPhone', 'removePhones', 'newPhone', 'newPhoneLabel', 'primaryEmail', 'removeEmails', 'newEmail', 'language', 'marketing', 'paymentReminders', 'accountNotifications']);
    expect(shown(card as unknown as Card)).toContain('Léa Roy · ID •••907');
    expect(shown(card as unknown as Card)).not.toContain('4821907');
  });
});
