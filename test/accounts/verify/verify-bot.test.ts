import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../src/features/accounts/accounts.schemas';
import { VERIFY_VERBS } from '../../../src/features/accounts/verify/verify.schemas';
import { actionsOf, cardText, createFormHarness, elementById, type Card } from './form-harness';
import { formatted, openForm, verify, type Harness } from './verify-helpers';

describe('Verify caller (real Application, embedded store, demo data)', () => {
  let bot: Harness;
  let accounts: Account[];
  let lastThreeOnly: Account;
  let fullId: Account;
  beforeAll(async () => {
    bot = await createFormHarness();
    accounts = (await bot.allAccounts()).filter((a) => a.kind === 'customer' && a.units.length > 0);
    lastThreeOnly = accounts.find((a) => !a.identity.idNumber)!;
    fullId = accounts.find((a) => a.identity.idNumber)!;
  }, 90_000);
  afterAll(() => bot.close());

  it('a phone formatted differently matches, and the reply shows no stored value', async () => {
    const account = accounts[0]!;
    const phone = account.phones[account.phones.length - 1]!.number;
    const { card, submissionId } = await verify(bot, account, { phone: formatted(phone) });
    const shown = cardText(card);
    expect(shown).toContain('Caller verified');
    expect(shown).toMatch(/Phone[\s\S]*✔ Match/);
    const json = JSON.stringify(card);
    for (const p of account.phones) expect(json).not.toContain(p.number);
    for (const e of account.emails) expect(json).not.toContain(e.address);
    const notes = (await bot.notesOf(account.id)).filter((n) => n.id === submissionId);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.disposition).toEqual({ category: 'Deskmate', name: 'Caller Verified' });
  });

  it('a wrong email is "no match", and the stored email appears nowhere in the reply', async () => {
    const account = accounts[1]!;
    const { card } = await verify(bot, account, { email: 'Someone.Else@Example.org' });
    const shown = cardText(card);
    expect(shown).toContain('Caller not verified');
    expect(shown).toMatch(/Email[\s\S]*✘ No match/);
    const json = JSON.stringify(card).toLowerCase();
    for (const e of account.emails) expect(json).not.toContain(e.address.toLowerCase());
    const right = await verify(bot, account, { email: account.emails[0]!.address.toUpperCase() });
    expect(cardText(right.card)).toContain('Caller verified');
  });

  it('an ID when only its last 3 digits are on file: compared on those only, with the occupancy-sheet guidance', async () => {
    const id = `XY9876${lastThreeOnly.identity.idLast3}`;
    const { card } = await verify(bot, lastThreeOnly, { idNumber: id });
    const shown = cardText(card);
    expect(shown).toContain('last 3 digits only');
    expect(shown).toContain('occupancy sheet');
    expect(shown).toMatch(/another identifier: their email or phone/);
    expect(shown).toContain('Caller not verified');
  });

  it('a full ID on file is compared in full (any case, spaces ignored)', async () => {
    const id = fullId.identity.idNumber!;
    const good = await verify(bot, fullId, { idNumber: ` ${id.slice(0, 2).toLowerCase()} ${id.slice(2)}` });
    expect(cardText(good.card)).toContain('Caller verified');
    const bad = await verify(bot, fullId, { idNumber: `${id.slice(0, -1)}${(Number(id.slice(-1)) + 1) % 10}` });
    expect(cardText(bad.card)).toMatch(/ID number[\s\S]*✘ No match/);
    expect(JSON.stringify(bad.card)).not.toContain(id);
  });

  it('with nothing given, the form comes back with the problem and nothing is recorded', async () => {
    const account = accounts[2]!;
    const before = (await bot.notesOf(account.id)).length;
    const { data } = await openForm(bot, account.id);
    const reply = await bot.invoke(VERIFY_VERBS.submit, { ...data, idNumber: '', phone: '  ', email: null, unit: '' });
    expect(cardText(reply.card)).toContain('Enter at least one thing the caller tells you');
    expect(actionsOf(reply.card).find((a) => a.verb === VERIFY_VERBS.submit)?.data).toMatchObject({ submissionId: data.submissionId });
    expect((await bot.notesOf(account.id)).length).toBe(before);
  });

  it('a malformed field comes back next to it with every typed value kept', async () => {
    const account = accounts[2]!;
    const { data } = await openForm(bot, account.id);
    const reply = await bot.invoke(VERIFY_VERBS.submit, { ...data, phone: '555-01', email: 'not-an-email', unit: 'B112' });
    const card = reply.card as Card;
    expect(elementById(card, 'phone')?.value).toBe('555-01');
    expect(elementById(card, 'email')?.value).toBe('not-an-email');
    expect(elementById(card, 'unit')?.value).toBe('B112');
    const shown = cardText(card);
    expect(shown).toContain('Enter a 10-digit phone number');
    expect(shown).toContain('Enter an email address');
  });

  it('records the verification (who, when, kinds, results) without any value, once per submission', async () => {
    const account = accounts.find((a) => a.identity.idNumber && a.emails.length && a.phones.length)!;
    const said = { phone: account.phones[0]!.number, email: account.emails[0]!.address, idNumber: account.identity.idNumber!, unit: account.units[0]!.id.toLowerCase() };
    const { data } = await openForm(bot, account.id);
    const first = await bot.invoke(VERIFY_VERBS.submit, { ...data, ...said });
    const replay = await bot.invoke(VERIFY_VERBS.submit, { ...data, ...said });
    expect(cardText(replay.card)).toBe(cardText(first.card));
    const notes = (await bot.notesOf(account.id)).filter((n) => n.id === data.submissionId);
    expect(notes).toHaveLength(1);
    const note = notes[0]!;
    expect(note.author).toMatchObject({ id: 'aad-agent-1', name: 'Avery Agent' });
    expect(Date.parse(note.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(note.resolution).toBe('Checked ID number: match; Phone: match; Email: match; Unit: match. Result: verified.');
    const stored = JSON.stringify(note).toLowerCase();
    for (const value of [...account.phones.map((p) => p.number), ...account.emails.map((e) => e.address.toLowerCase()), account.identity.idNumber!.toLowerCase()]) {
      expect(stored).not.toContain(value);
    }
    const text = [note.reason, note.resolution, note.additionalInfo ?? ''].join(' ');
    expect(text).not.toContain(account.identity.idLast3);
  });

  it('refuses someone who is not set up, and answers an unknown account clearly', async () => {
    const account = accounts[3]!;
    const refused = await bot.invoke(VERIFY_VERBS.open, { accountId: account.id }, { id: 'aad-nobody', name: 'Nobody' });
    expect(cardText(refused.card)).toContain('You are not set up in Deskmate yet');
    expect(cardText(refused.card)).not.toContain(account.lastName);
    const missing = await bot.invoke(VERIFY_VERBS.open, { accountId: '1234567' });
    expect(cardText(missing.card)).toContain('There is no account •••567');
  });

  it('bad payloads and forged verbs get a clear card and record nothing', async () => {
    const account = accounts[4]!;
    const before = (await bot.notesOf(account.id)).length;
    const { data } = await openForm(bot, account.id);
    const bad: [string, unknown][] = [
      [VERIFY_VERBS.submit, { ...data, phone: 5035550134 }],
      [VERIFY_VERBS.submit, { ...data, email: 'x'.repeat(5000) }],
      [VERIFY_VERBS.submit, { accountId: account.id, phone: account.phones[0]!.number }],
      [VERIFY_VERBS.submit, { ...data, accountId: 'DROP TABLE' }],
      [VERIFY_VERBS.submit, 'not an object'],
      ['account.verify.everything', { ...data, phone: account.phones[0]!.number }],
    ];
    for (const [verb, payload] of bad) {
      const reply = await bot.invoke(verb, payload);
      expect(reply.status).toBe(200);
      expect(cardText(reply.card)).toContain('That form is out of date or incomplete, so nothing was saved');
    }
    expect((await bot.notesOf(account.id)).length).toBe(before);
  });
});
