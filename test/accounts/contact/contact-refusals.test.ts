import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../src/features/accounts/accounts.schemas';
import { createContactBot, input, nextTo, shown, submitData } from './contact-harness';

describe('Update contact: refusals and bad payloads store nothing', () => {
  let t: Awaited<ReturnType<typeof createContactBot>>;
  let pool: Account[];
  const take = () => pool.shift()!;
  const nobody = { id: 'aad-nobody', name: 'Nobody' };
  beforeAll(async () => {
    t = await createContactBot();
    pool = await t.customers('en');
  }, 60_000);
  afterAll(() => t.close());

  /** Runs `act` and checks the account, its lookups and its notes are as they were. */
  async function unchanged(account: Account, act: () => Promise<void>): Promise<void> {
    const before = (await t.accounts.get(account.id))!;
    await act();
    expect((await t.accounts.get(account.id))!.etag).toBe(before.etag);
    expect(await t.contactNotes(account.id)).toEqual([]);
  }

  it('refuses a user who is not set up, both the form and a submit', async () => {
    const account = take();
    await unchanged(account, async () => {
      const form = await t.open(account.id, nobody);
      expect(shown(form)).toContain('You are not set up in Deskmate yet');
      expect(shown(form)).not.toContain(account.lastName);
      const data = submitData(await t.open(account.id), { language: 'fr' });
      expect(shown(await t.execute('contact.submit', data, nobody))).toContain('You are not set up in Deskmate yet');
      expect(shown(await t.execute('contact.submit', data, 'inactive'))).toContain('You are not set up in Deskmate yet');
    });
  });

  it('keeps an invalid email in the form with the error next to the field', async () => {
    const account = take();
    await unchanged(account, async () => {
      const card = await t.submit(await t.open(account.id), { newEmail: 'jane.doe@@example', language: 'fr', newPhone: '503 555 01' });
      expect(shown(card)).toContain('Some details need fixing');
      expect(input(card, 'newEmail').value).toBe('jane.doe@@example');
      expect(nextTo(card, 'newEmail')).toMatchObject({ id: 'newEmail-error', text: expect.stringContaining('valid email') });
      expect(input(card, 'newPhone').value).toBe('503 555 01');
      expect(nextTo(card, 'newPhone')).toMatchObject({ text: expect.stringContaining('10-digit') });
      expect(input(card, 'language').value).toBe('fr');
    });
  });

  it('keeps at least one phone and one email, and exactly one primary of each', async () => {
    const account = take();
    await unchanged(account, async () => {
      const form = await t.open(account.id);
      const all = submitData(form, { removePhones: account.phones.map((p) => p.number).join(','), removeEmails: account.emails.map((e) => e.address).join(',') });
      const card = await t.execute('contact.submit', all);
      expect(nextTo(card, 'removePhones')).toMatchObject({ text: expect.stringContaining('at least one phone') });
      expect(nextTo(card, 'removeEmails')).toMatchObject({ text: expect.stringContaining('at least one email') });
      const primary = account.phones.find((p) => p.primary)!.number;
      const dropped = await t.submit(form, { removePhones: primary, primaryPhone: primary, newPhone: '9715550123' });
      expect(nextTo(dropped, 'primaryPhone')).toMatchObject({ text: expect.stringContaining('primary phone') });
      const forged = await t.submit(form, { primaryEmail: 'someone.else@example.com' });
      expect(nextTo(forged, 'primaryEmail')).toMatchObject({ text: expect.stringContaining('primary email') });
    });
  });

  it('refuses a form sent for a different account than it was made for', async () => {
    const [mine, other] = [take(), take()];
    await unchanged(mine, () =>
      unchanged(other, async () => {
        const data = submitData(await t.open(mine.id), { language: 'fr' });
        const card = await t.execute('contact.submit', { ...data, accountId: other.id });
        expect(shown(card)).toContain('made for a different account');
        expect(shown(card)).not.toContain(other.lastName);
      }),
    );
  });

  it('answers wrong types, huge strings, missing data and unknown verbs with a clear card', async () => {
    const account = take();
    await unchanged(account, async () => {
      const data = submitData(await t.open(account.id));
      const bad = [
        { ...data, marketing: 42 },
        { ...data, language: 'de' },
        { ...data, seen: 'x' },
        { ...data, etag: undefined },
        { ...data, submissionId: '../../etc' },
        { ...data, newEmail: `${'x'.repeat(100_000)}@example.com` },
        { ...data, removePhones: ['5035550134'] },
        'not an object',
        null,
      ];
      for (const payload of bad) expect(shown(await t.execute('contact.submit', payload))).toContain('did not send what it should');
      expect(shown(await t.execute('contact.delete', { accountId: account.id }))).toContain('out of date');
      expect(shown(await t.execute('contact.open', { accountId: 'DROP TABLE' }))).toContain('out of date');
      expect(shown(await t.execute('contact.open', { accountId: '1234567' }))).toContain('no longer exists');
    });
  });
});
