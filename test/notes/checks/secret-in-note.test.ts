import { describe, expect, it } from 'vitest';
import { checkNote, hasBlockingFinding } from '../../../src/features/notes/checks/note-checks';
import { secretInNoteRule } from '../../../src/features/notes/checks/rules/secret-in-note';
import { findSecrets, redactSecrets } from '../../../src/features/notes/checks/secret-patterns';
import { draft } from './drafts';

const secrets = (resolution: string) => secretInNoteRule.find(draft({ resolution }));

/**
 * What is shown must not give the secret away: never the whole value, and none of its digit groups,
 * except that a card may keep its last 4 digits (which notes are allowed to hold).
 */
function expectNotEchoed(shown: string, secret: string) {
  const joined = shown.replace(/(\d)[\s-](?=\d)/g, '$1');
  const compact = secret.replace(/[\s-]/g, '');
  expect(joined).not.toContain(compact);
  if (/^\d{13,19}$/.test(compact)) {
    expect(joined).not.toContain(compact.slice(0, -4));
    expect(joined).not.toMatch(/\d{5,}/);
    return;
  }
  for (const digits of secret.match(/\d{3,}/g) ?? []) expect(shown).not.toContain(digits);
}

describe('secret-in-note rule', () => {
  it.each([
    ['a card number with spaces', 'Customer read out 4111 1111 1111 1111 for the payment.', '4111 1111 1111 1111', 'card', '•••• 1111'],
    ['a card number with dashes', 'Card 5500-0000-0000-0004 declined.', '5500-0000-0000-0004', 'card', '•••• 0004'],
    ['a bare 15-digit Amex number', 'Amex 378282246310005 on file.', '378282246310005', 'card', '•••• 0005'],
    ['a dashed SSN', 'CT gave 123-45-6789 to verify.', '123-45-6789', 'ssn', 'SSN •••-••-••••'],
    ['nine digits after "SSN"', 'SSN 123456789 provided.', '123456789', 'ssn', 'SSN •••-••-••••'],
    ['nine digits after "social"', 'Social security number is 123 45 6789.', '123 45 6789', 'ssn', 'SSN •••-••-••••'],
    ['a driver license number', "Verified driver's license D1234567 at the counter.", 'D1234567', 'id', 'license ••••••'],
    ['a DL number with #', 'DL# WA12345678 on the occupancy sheet.', 'WA12345678', 'id', 'license ••••••'],
    ['a full ID number', 'ID 987654321 matches the lease.', '987654321', 'id', 'ID ••••••'],
    ['a password after "is"', 'Portal password is Storage2024!', 'Storage2024', 'password', 'password ••••••'],
    ['a password after "pw:"', 'pw: hunter22', 'hunter22', 'password', 'password ••••••'],
    ['a PIN', 'Set PIN 4455 for phone payments.', '4455', 'pin', 'PIN ••••'],
    ['a gate code given as a value', 'Gate code is 4821.', '4821', 'access-code', 'gate code ••••'],
    ['a gate code with no "is"', 'Gave CT gate code 4821#.', '4821', 'access-code', 'gate code ••••'],
    ['a gate code change', 'Changed gate code from 1234 to 5678.', '5678', 'access-code', 'gate code ••••'],
    ['an access code for a unit', 'Access code for unit B112 is 90210.', '90210', 'access-code', 'access code ••••'],
    ['a card security code', 'CVV 123 read out by CT.', '123', 'card-code', 'CVV •••'],
    ['a bare code handed to the customer', 'Gave CT the new code 4821 for the keypad.', '4821', 'access-code', 'code ••••'],
  ])('blocks %s and masks it', (_label, text, secret, kind, masked) => {
    const findings = secrets(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'secret-in-note', severity: 'block', field: 'resolution', excerpt: masked });
    expect(findSecrets(text).map((s) => s.kind)).toEqual([kind]);
    expectNotEchoed(findings[0]!.message, secret);
    expectNotEchoed(findings[0]!.excerpt!, secret);
  });

  it.each([
    'Process refund for $49.98 to CC ending in 2320 approved by TL Anna',
    'Card ending 2320 charged.',
    'Last 4 1111 confirmed.',
    'Verified last 4 of SSN 6789.',
    'ID ending in 123 matches the occupancy sheet.',
    'Verified ID and email on file.',
    'Gave the customer a new gate code.',
    'Gate code is not working; keypad lights up.',
    'Reset the password and sent the reset link.',
    'Password is expired, CT will reset it.',
    'Phone number 503-555-0134 and 971-555-0199 updated.',
    'Account ID 12345678 opened in Pando.',
    'Unit B112, 10x10, $149.00 a month, moved in 2024-06-03.',
    'Card 4111 1111 1111 1112 looks mistyped.',
    'Pinned the critical note about unit 1234567.',
    'Customer was told the auction is on 6/14 at 10:00.',
    'Confirmation # 4111111111111111 from the payment portal.',
    'Mailed the lien notice to zip code 97201.',
    'Applied promo code SAVE20 at move-in.',
    'Portal password: ******** (CT typed it himself).',
    'PW: see the reset email.',
  ])('does not block %j', (text) => {
    expect(secrets(text)).toEqual([]);
  });

  it('reports every secret in every field', () => {
    const findings = secretInNoteRule.find(
      draft({ reason: 'CT gave SSN 123-45-6789.', resolution: 'Card 4111111111111111, gate code 4821.', followUp: 'PIN is 9090' }),
    );
    expect(findings.map((f) => [f.field, f.excerpt])).toEqual([
      ['reason', 'SSN •••-••-••••'],
      ['resolution', '•••• 1111'],
      ['resolution', 'gate code ••••'],
      ['followUp', 'PIN ••••'],
    ]);
  });

  it('blocks the save through checkNote', () => {
    const findings = checkNote(draft({ additionalInfo: 'Gate code 4821' }));
    expect(hasBlockingFinding(findings)).toBe(true);
    expect(hasBlockingFinding(checkNote(draft({ additionalInfo: 'Gave CT a new gate code' })))).toBe(false);
  });

  it('never echoes a secret in any finding, even a warning that quotes the sentence', () => {
    const text = 'Issued a refund to card 4111 1111 1111 1111 and will call back, gate code is 4821.';
    const findings = checkNote(draft({ resolution: text }));
    expect(findings.map((f) => f.ruleId)).toEqual(['secret-in-note', 'secret-in-note', 'money-without-amount', 'follow-up-without-time']);
    for (const f of findings) {
      expectNotEchoed(`${f.message} ${f.excerpt ?? ''}`, '4111 1111 1111 1111');
      expectNotEchoed(`${f.message} ${f.excerpt ?? ''}`, '4821');
    }
  });

  it('redactSecrets masks secrets and keeps the rest of the text', () => {
    expect(redactSecrets('Paid with 4111 1111 1111 1111 today; gate code is 4821.')).toBe('Paid with •••• 1111 today; gate code ••••.');
  });
});
