import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../src/features/accounts/accounts.schemas';
import { CHANGED_BY_SOMEONE_ELSE } from '../../../src/features/accounts/contact';
import { createContactBot, input, shown, submitData } from './contact-harness';

describe('Update contact: lost updates and replays', () => {
  let t: Awaited<ReturnType<typeof createContactBot>>;
  let pool: Account[];
  const take = () => pool.shift()!;
  beforeAll(async () => {
    t = await createContactBot();
    pool = await t.customers('en');
  }, 60_000);
  afterAll(() => t.close());

  it('a stale form gets the new stored values and keeps what the agent typed; nothing is lost or overwritten', async () => {
    const account = take();
    const stale = await t.open(account.id);
    // A mentor saves a language change while the agent still has the form open.
    await t.submit(await t.open(account.id, 'mentor'), { language: 'fr' }, 'mentor');
    const before = (await t.accounts.get(account.id))!;

    const marketing = !account.preferences.marketing;
    const typed = { newPhone: '(971) 555-0177', newPhoneLabel: 'home', newEmail: 'Stale.Typed@Example.com', marketing: String(marketing), callerName: 'Jo Partner', callerRelationship: 'Partner' };
    const conflict = await t.submit(stale, typed);
    const text = shown(conflict);
    expect(text).toContain(CHANGED_BY_SOMEONE_ELSE);
    expect(text).toContain('Language changed from English to French');
    // New stored value shown, typed values kept.
    expect(input(conflict, 'language').value).toBe('fr');
    expect(input(conflict, 'newPhone').value).toBe('(971) 555-0177');
    expect(input(conflict, 'newPhoneLabel').value).toBe('home');
    expect(input(conflict, 'newEmail').value).toBe('Stale.Typed@Example.com');
    expect(input(conflict, 'marketing').value).toBe(String(marketing));
    expect(input(conflict, 'callerName').value).toBe('Jo Partner');
    // Nothing of the stale submit was stored.
    expect((await t.accounts.get(account.id))!.etag).toBe(before.etag);
    expect(await t.contactNotes(account.id)).toHaveLength(1);
    expect(await t.accounts.lookup('phone:9715550177')).toEqual([]);

    // Submitting the re-shown form saves the agent's edits on top of the mentor's.
    const saved = await t.submit(conflict);
    expect(shown(saved)).toContain('Contact details updated');
    const after = (await t.accounts.get(account.id))!.account;
    expect(after.language).toBe('fr');
    expect(after.preferences.marketing).toBe(marketing);
    expect(after.phones.map((p) => p.number)).toContain('9715550177');
    expect(after.emails.map((e) => e.address)).toContain('stale.typed@example.com');
    const notes = await t.contactNotes(account.id);
    expect(notes).toHaveLength(2);
    const mine = notes.find((n) => n.author.id === 'aad-agent-1')!;
    expect(mine.resolution).not.toContain('Language');
    expect(mine.caller).toEqual({ name: 'Jo Partner', relationship: 'Partner' });
  });

  it('a replayed submit answers success again with no second note and no second change', async () => {
    const account = take();
    const data = submitData(await t.open(account.id), { newEmail: 'replay.me@example.com' });
    const submit = () => t.execute('contact.submit', data);
    expect(shown(await submit())).toContain('Added email replay.me@example.com');
    const first = (await t.accounts.get(account.id))!;

    const again = shown(await submit());
    expect(again).toContain('Contact details updated');
    expect(again).toContain('Added email replay.me@example.com');
    expect(again).toContain('already saved');
    expect((await t.accounts.get(account.id))!.etag).toBe(first.etag);
    expect(await t.contactNotes(account.id)).toHaveLength(1);
    expect(first.account.emails.filter((e) => e.address === 'replay.me@example.com')).toHaveLength(1);
  });

  it('a change to something other than the contact details does not block the form', async () => {
    const account = take();
    const form = await t.open(account.id);
    const record = (await t.accounts.get(account.id))!;
    await t.accounts.replace({ ...record.account, status: 'Delinquent' }, record.etag);
    const card = await t.submit(form, { language: 'fr' });
    expect(shown(card)).toContain('Language changed from English to French');
    const saved = (await t.accounts.get(account.id))!.account;
    expect(saved).toMatchObject({ language: 'fr', status: 'Delinquent' });
  });
});
