import { describe, expect, it } from 'vitest';
import { directQuoteRule } from '../../../src/features/notes/checks/rules/direct-quote';
import { draft } from './drafts';

const quotesIn = (resolution: string, quoteRequested = false) => directQuoteRule.find(draft({ resolution, quoteRequested }));

describe('direct-quote rule', () => {
  it.each([
    ['straight double quotes', 'Customer was upset. "I want my money back today" was repeated.', '"I want my money back today"'],
    ['curly double quotes', 'Tenant called back: “this place is a total scam” about the fee.', '“this place is a total scam”'],
    ['single-quoted phrase of three or more words', "Customer kept saying 'not paying that fee' during the call.", "'not paying that fee'"],
    ['curly single quotes with an apostrophe inside', 'Caller repeated ‘I don’t owe you anything’ twice.', '‘I don’t owe you anything’'],
    ['a one-word quote after "customer said"', 'Customer said "no" to the payment plan.', '"no"'],
    ['a two-word quote after "CT stated:"', 'CT stated: "absolutely not" when offered AutoPay.', '"absolutely not"'],
  ])('warns on %s', (_label, text, excerpt) => {
    const findings = quotesIn(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'direct-quote', severity: 'warn', field: 'resolution', excerpt });
  });

  it('warns on "CT stated:" followed by first-person words without quote marks', () => {
    const findings = quotesIn('CT stated: I will never store anything here again.');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.excerpt).toBe('I will never store anything here again.');
  });

  it('does not warn on "CT stated:" followed by a paraphrase', () => {
    expect(quotesIn('CT stated: wants to move out at the end of the month.')).toEqual([]);
  });

  it.each([
    ['a button name', 'Clicked "Show more" to see older notes.'],
    ['a one-word disposition', 'Used the "Credit/Refund" disposition.'],
    ['a two-word label', 'Chose "Paid Online" as the disposition.'],
    ['a Title Case task name', 'Created a "DTM - Auction and Lien Status" task for the DM.'],
    ['a process name followed by "process"', 'Used the “Make it right” process for the damaged lock.'],
    ['a panel message followed by "message"', 'Panel shows a “Loss of supervision” message on the keypad.'],
    ['apostrophes that are not quotes', "CT's father's unit and the customers' gate access were checked."],
    ['inch marks', 'Cut the 12" disc lock and the 8" chain on unit B112.'],
    ['a quoted KB article', 'Checked the "Quick Notes" article for the template.'],
  ])('does not warn on %s', (_label, text) => {
    expect(quotesIn(text)).toEqual([]);
  });

  it('stays silent when the customer asked to be quoted', () => {
    expect(quotesIn('Customer asked us to note: "I was never told about the late fee".', true)).toEqual([]);
    expect(quotesIn('Customer asked us to note: "I was never told about the late fee".', false)).toHaveLength(1);
  });

  it('reports each quote separately and checks every field', () => {
    const findings = directQuoteRule.find(
      draft({
        reason: 'CT said "you people stole my stuff" right away.',
        resolution: 'Explained the auction timeline. Then CT said "fine whatever you say" and hung up.',
        additionalInfo: 'Also: "do not call me at work".',
      }),
    );
    expect(findings.map((f) => f.field)).toEqual(['reason', 'resolution', 'additionalInfo']);
  });
});
