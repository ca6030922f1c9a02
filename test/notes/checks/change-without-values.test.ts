import { describe, expect, it } from 'vitest';
import { changeWithoutValuesRule } from '../../../src/features/notes/checks/rules/change-without-values';
import { draft } from './drafts';

const changes = (resolution: string) => changeWithoutValuesRule.find(draft({ resolution }));

describe('change-without-values rule', () => {
  it.each([
    ['Changed email per CT request.', 'email'],
    ['Updated the phone number.', 'phone number'],
    ["Replaced CT's mailing address.", 'address'],
    ['Corrected the last name on the account.', 'last name'],
    ['Updated payment method.', 'payment method'],
    ['Changed the card on file for AutoPay.', 'card on file'],
    ['Email was updated.', 'email'],
    ['Updated email to alex.cmart@covesmart.com.', 'email'],
    ['Switched the alternate contact.', 'alternate contact'],
  ])('warns on %j', (text, what) => {
    const findings = changes(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'change-without-values', severity: 'warn', field: 'resolution' });
    expect(findings[0]!.message).toContain(`the ${what} was changed`);
  });

  it.each([
    'Changed email from a@x.com to b@y.com',
    'Updated email from alexmart@covesmart.com to alex.cmart@covesmart.com',
    'Updated phone number from 503-555-0134 to 971-555-0199.',
    'Address was 12 Oak St, now 40 Elm Ave.',
    'Updated email a@x.com -> b@y.com.',
    'Replaced the card on file (ending 1111) with the card ending 2320.',
    'Old phone 503-555-0134, new phone 971-555-0199, updated the phone number.',
  ])('does not warn when both sides are given: %j', (text) => {
    expect(changes(text)).toEqual([]);
  });

  it.each([
    'He wanted to change his email as well.',
    'CT requested a refund for charge, and email change.',
    'Did not change the address; CT will mail proof of the new one.',
    'Gave the customer a new gate code.',
    'Changed the gate code at CT request.',
    'Updated CT on the auction status.',
    'Changed units from B112 to C201 after the transfer.',
  ])('does not warn on %j', (text) => {
    expect(changes(text)).toEqual([]);
  });

  it('checks each sentence on its own: from/to in another sentence does not count', () => {
    const findings = changes('Changed email from a@x.com to b@y.com. Also updated the phone number.');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.excerpt).toBe('Also updated the phone number.');
  });
});
