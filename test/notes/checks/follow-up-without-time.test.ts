import { describe, expect, it } from 'vitest';
import { followUpWithoutTimeRule } from '../../../src/features/notes/checks/rules/follow-up-without-time';
import { hasTimeFrame } from '../../../src/features/notes/checks/rules/time-frame';
import { draft } from './drafts';

const promises = (resolution: string) => followUpWithoutTimeRule.find(draft({ resolution }));

describe('follow-up-without-time rule', () => {
  it.each([
    'Will call back once the DM reviews the overlock.',
    'Will call CT back after checking with billing.',
    'I will follow up on the refund.',
    'Escalated to TL, will get back to the customer.',
    'Promised a callback from the store manager.',
    'DM will reach out about the auction status.',
    'Told CT we will call once the unit is ready.',
  ])('warns on %j', (text) => {
    const findings = promises(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'follow-up-without-time', severity: 'warn', field: 'resolution' });
  });

  it.each([
    'Will call back tomorrow after 10am.',
    'Will call CT back on Friday.',
    'I will follow up within 24 hours.',
    'Escalated to TL, will get back to the customer by end of day.',
    'Promised a callback next week.',
    'DM will reach out in 2-3 business days.',
    'Will follow up on 6/14 about the auction.',
    'Will call back June 14th.',
    'Will call back at 3:30.',
    'Will call back this afternoon.',
    'Advised refund in 7-10 business days; will follow up in a few days.',
  ])('does not warn when a time frame is given: %j', (text) => {
    expect(promises(text)).toEqual([]);
  });

  it.each([
    'Follow up: N/A',
    'No follow-up needed.',
    'Customer will call back when he finds the lease.',
    'Advised CT to call back with the gate code issue if it happens again.',
    'Called back the customer as promised.',
    'Followed up with the DM about the lock.',
    'Updated the callback number to 971-555-0199 from 503-555-0134.',
  ])('does not warn on %j', (text) => {
    expect(promises(text)).toEqual([]);
  });

  it('checks the follow-up field too', () => {
    expect(followUpWithoutTimeRule.find(draft({ followUp: 'Call CT back about the lien letter.' })).map((f) => f.field)).toEqual(['followUp']);
    expect(followUpWithoutTimeRule.find(draft({ followUp: 'Call CT back Tuesday about the lien letter.' }))).toEqual([]);
  });

  it.each(['tomorrow', 'by Friday', 'within 24 hours', '7-10 business days', 'next week', 'at 2 pm', 'on 2025-03-01', 'by the 15th', 'EOD', 'in an hour'])(
    'recognises %j as a time frame',
    (phrase) => {
      expect(hasTimeFrame(`Will call back ${phrase}.`)).toBe(true);
    },
  );

  it.each(['soon', 'later', 'asap', 'when possible', 'about unit 12'])('does not take %j as a time frame', (phrase) => {
    expect(hasTimeFrame(`Will call back ${phrase}.`)).toBe(false);
  });
});
