import { describe, expect, it } from 'vitest';
import { compareIdentifiers, guidanceFor, isVerified, normalizeIdentifiers, phoneDigitsOf } from '../../../src/features/accounts/verify/identifiers';
import { verifyFormCard, verifyResultCard } from '../../../src/features/accounts/verify/verify.cards';
import { verificationNote } from '../../../src/features/accounts/verify/verify.service';
import type { IdentifierCheck } from '../../../src/features/accounts/verify/verify.schemas';
import { assertCardFits } from '../../../src/features/accounts/accounts.cards';
import { account, ID_LAST3, ID_NUMBER } from '../cards/fixtures';

const lastThreeOnly = () => account({ identity: { idLast3: ID_LAST3 } });
const check = (kind: IdentifierCheck['kind'], result: IdentifierCheck['result'], basis: IdentifierCheck['basis'] = 'full'): IdentifierCheck => ({ kind, result, basis });

describe('caller identifiers', () => {
  it('normalises phones to 10 digits and validates every field given', () => {
    expect(phoneDigitsOf('+1 (503) 555-0134')).toBe('5035550134');
    expect(phoneDigitsOf('503.555.0134')).toBe('5035550134');
    expect(normalizeIdentifiers({ phone: '(503) 555 0134', email: ' M.O@Example.COM ', unit: 'c 07', idNumber: 'd7731-946' }).identifiers).toEqual({
      phone: '5035550134',
      email: 'm.o@example.com',
      unit: 'C07',
      idNumber: 'D7731946',
    });
    const { errors } = normalizeIdentifiers({ phone: '555-0134', email: 'nope', idNumber: '946', unit: 'x'.repeat(21) });
    expect(Object.keys(errors).sort()).toEqual(['email', 'idNumber', 'phone', 'unit']);
    expect(errors.unit).toMatch(/too long/);
    expect(normalizeIdentifiers({ phone: '  ' }).errors.form).toMatch(/at least one/);
  });

  it('answers match or no match per identifier', () => {
    const a = account();
    expect(compareIdentifiers(a, { phone: '5035550134', email: 'marisol.okafor@example.com', unit: 'C07', idNumber: ID_NUMBER })).toEqual([
      check('idNumber', 'match'),
      check('phone', 'match'),
      check('email', 'match'),
      check('unit', 'match'),
    ]);
    expect(compareIdentifiers(a, { phone: '5035550135', idNumber: `X${ID_NUMBER}` }).map((c) => c.result)).toEqual(['no match', 'no match']);
    expect(compareIdentifiers(lastThreeOnly(), { idNumber: `ZZ12345${ID_LAST3}` })).toEqual([check('idNumber', 'match', 'last3')]);
    expect(compareIdentifiers(lastThreeOnly(), { idNumber: 'ZZ12345000' })).toEqual([check('idNumber', 'no match', 'last3')]);
  });

  it('verifies on a phone, email or full ID with nothing failing; never on a unit or the last 3 digits alone', () => {
    expect(isVerified([check('phone', 'match')])).toBe(true);
    expect(isVerified([check('idNumber', 'match'), check('unit', 'match')])).toBe(true);
    expect(isVerified([check('phone', 'match'), check('email', 'no match')])).toBe(false);
    expect(isVerified([check('unit', 'match')])).toBe(false);
    expect(isVerified([check('idNumber', 'match', 'last3')])).toBe(false);
    const lines = guidanceFor([check('idNumber', 'match', 'last3')]).join(' ');
    expect(lines).toContain('occupancy sheet');
    expect(lines).toContain('email or phone');
    expect(guidanceFor([check('unit', 'match')]).join(' ')).toMatch(/unit number alone/);
  });

  it('records kinds and results in the note, never a value', () => {
    const a = account();
    const record = { accountId: a.id, checkedBy: { id: 'aad-agent-1', name: 'Avery Agent' }, checkedAt: '2026-03-01T06:30:00.000Z', checks: [check('phone', 'match'), check('idNumber', 'no match')], verified: false };
    const note = verificationNote(a, { id: 'aad-agent-1', name: 'Avery Agent', roles: ['agent'], locationIds: [], active: true }, record, 'sub-1');
    expect(note).toMatchObject({ id: 'sub-1', unitIds: ['B112', 'C07'], disposition: { category: 'Deskmate', name: 'Caller Not Verified' } });
    expect(note.resolution).toBe('Checked Phone: match; ID number: no match. Result: not verified.');
    const json = JSON.stringify(note);
    for (const value of ['5035550134', 'marisol.okafor@example.com', ID_NUMBER, ID_LAST3]) expect(json).not.toContain(value);
  });

  it('the form keeps what was typed; the result card shows no value', () => {
    const form = verifyFormCard({ accountId: '40719482', name: 'Marisol Okafor', maskedId: '•••482', submissionId: 's', values: { email: 'typed@x.y' }, errors: { email: 'Enter an email address.' } });
    const email = form.body.findIndex((e) => e.id === 'email');
    expect(form.body[email]).toMatchObject({ type: 'Input.Text', value: 'typed@x.y' });
    expect(form.body[email + 1]).toMatchObject({ text: 'Enter an email address.', color: 'Attention' });
    const record = { accountId: '40719482', checkedBy: { id: 'a', name: 'A' }, checkedAt: '2026-03-01T06:30:00.000Z', checks: [check('email', 'no match')], verified: false };
    const result = verifyResultCard({ accountId: '40719482', name: 'Marisol Okafor', maskedId: '•••482', record, guidance: guidanceFor(record.checks) });
    expect(JSON.stringify(result)).not.toMatch(/@/);
    assertCardFits(form);
    assertCardFits(result);
  });
});
