import { describe, expect, it } from 'vitest';
import { moneyWithoutAmountRule } from '../../../src/features/notes/checks/rules/money-without-amount';
import { draft } from './drafts';

const money = (resolution: string) => moneyWithoutAmountRule.find(draft({ resolution }));

describe('money-without-amount rule', () => {
  it.each([
    ['Issued a refund to the card on file.', 'refund'],
    ['Applied a credit to the account.', 'credit'],
    ['Waived the late fee as a courtesy.', 'fee waiver'],
    ['Offered a discount on the larger unit.', 'discount'],
    ['Took a payment over the phone.', 'payment'],
    ['Customer paid the past due balance.', 'payment'],
    ['Charged the card for the lock cut.', 'charge'],
    ['Refund approved by TL Anna.', 'refund'],
    ['Set up a payment plan for the balance.', 'payment'],
  ])('warns on %j', (text, what) => {
    const findings = money(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'money-without-amount', severity: 'warn', field: 'resolution' });
    expect(findings[0]!.message).toContain(`amount of the ${what}`);
  });

  it.each([
    'Issued a refund of $12.',
    'Applied a 12.50 credit to the account.',
    'Refunded 12 dollars for the duplicate charge.',
    'Waived the $20.00 late fee.',
    'Applied a 10% discount for the larger unit.',
    'Applied the first month free promo.',
    'Cut the lock free of charge.',
    'Took a payment of $1,250.00 for the auction balance.',
    'Submitted refund request for $49.98.',
    'Process refund for $49.98 to CC ending in 2320 approved by TL Anna',
  ])('does not warn when the amount is in the sentence: %j', (text) => {
    expect(money(text)).toEqual([]);
  });

  it.each([
    'Informed the customer of the reason for the charges.',
    'Informed CT that he should get the refund within 7-10 business days depending on his bank.',
    'CT requested a refund for charge, and email change.',
    'Explained the convenience fee cannot be waived.',
    'Advised CT the card will not be charged again.',
    'Updated the credit card on file from Visa to Mastercard.',
    'Enrolled the customer in AutoPay.',
  ])('does not warn when no money moved: %j', (text) => {
    expect(money(text)).toEqual([]);
  });

  it("leaves the reason out: it is the customer's concern, not what was done", () => {
    expect(moneyWithoutAmountRule.find(draft({ reason: 'Customer says we charged the card twice and wants a refund.' }))).toEqual([]);
  });

  it('checks additional info and follow-up as well as the resolution', () => {
    const findings = moneyWithoutAmountRule.find(draft({ additionalInfo: 'Credited the account.', followUp: 'DM approved a refund.' }));
    expect(findings.map((f) => f.field)).toEqual(['additionalInfo', 'followUp']);
  });

  it('needs the amount in the same sentence', () => {
    expect(money('Issued a refund. It was $20.')).toHaveLength(1);
  });
});
