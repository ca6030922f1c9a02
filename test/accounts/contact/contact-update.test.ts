import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../src/features/accounts/accounts.schemas';
import { CONTACT_VERBS } from '../../../src/features/accounts/contact';
import { visibleText } from '../../helpers/bot-harness';
import { createContactBot, elements, input, shown } from './contact-harness';

describe('Update contact in the bot (real Application, demo data)', () => {
  let t: Awaited<ReturnType<typeof createContactBot>>;
  let pool: Account[];
  const take = () => pool.shift()!;
  beforeAll(async () => {
    t = await createContactBot();
    pool = await t.customers('en');
  }, 60_000);
  afterAll(() => t.close());

  it('opens a form of Action.Execute buttons with the account id, its etag and a submission id', async () => {
    const account = take();
    const form = await t.open(account.id);
    const save = form.actions!.find((a) => a.verb === CONTACT_VERBS.submit)!;
    expect(save.type).toBe('Action.Execute');
    const data = save.data as { accountId: string; etag: string; submissionId: string };
    expect(data.accountId).toBe(account.id);
    expect(data.etag).toBe((await t.accounts.get(account.id))!.etag);
    expect(data.submissionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(input(form, 'primaryEmail').value).toBe(account.emails.find((e) => e.primary)!.address);
    expect(input(form, 'language').value).toBe('en');
    expect(elements(form).filter((e) => e.type === 'Input.Toggle').map((e) => e.id)).toEqual(['marketing', 'paymentReminders', 'accountNotifications']);
  });

  it('changes the primary email: account, lookups and a note that says from and to', async () => {
    const account = take();
    const old = account.emails.find((e) => e.primary)!.address;
    const card = await t.submit(await t.open(account.id), { newEmail: '  New.Address@Example.COM ', primaryEmail: 'new', removeEmails: old });
    expect(shown(card)).toContain('Contact details updated');
    expect(shown(card)).toContain(`Primary email changed from ${old} to new.address@example.com`);

    const saved = (await t.accounts.get(account.id))!.account;
    expect(saved.emails.find((e) => e.primary)?.address).toBe('new.address@example.com');
    expect(saved.emails.some((e) => e.address === old)).toBe(false);
    expect(await t.accounts.lookup('email:new.address@example.com')).toEqual([account.id]);
    expect(await t.accounts.lookup(`email:${old}`)).not.toContain(account.id);

    const notes = await t.contactNotes(account.id);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.disposition).toEqual({ category: 'Customer Service', name: 'Update Account Information' });
    expect(notes[0]!.resolution).toContain(`Primary email changed from ${old} to new.address@example.com.`);
    expect(notes[0]!.resolution).toContain(`Removed email ${old}.`);
    expect(notes[0]!.author).toMatchObject({ id: 'aad-agent-1', name: 'Avery Agent' });
    expect(notes[0]!.caller).toEqual({ name: `${account.firstName} ${account.lastName}`, relationship: 'Account holder' });
  });

  it('adds a phone typed in any format as 10 digits, found by the account search', async () => {
    const account = take();
    expect(await t.accounts.lookup('phone:9715550199')).toEqual([]);
    const card = await t.submit(await t.open(account.id), { newPhone: ' +1 (971) 555.01-99 ', newPhoneLabel: 'work' });
    expect(shown(card)).toContain('Added phone (971) 555-0199 (work)');
    const saved = (await t.accounts.get(account.id))!.account;
    expect(saved.phones).toContainEqual({ number: '9715550199', label: 'work', primary: false });
    expect(saved.phones.filter((p) => p.primary)).toHaveLength(1);
    expect(await t.accounts.lookup('phone:9715550199')).toEqual([account.id]);
    expect(visibleText(await t.bot.say('971-555-0199'))).toContain(`${account.firstName} ${account.lastName}`);
  });

  it('notes a language change from English to French', async () => {
    const account = take();
    await t.submit(await t.open(account.id), { language: 'fr' });
    expect((await t.accounts.get(account.id))!.account.language).toBe('fr');
    const [note] = await t.contactNotes(account.id);
    expect(note!.resolution).toBe('Language changed from English to French.');
    expect(note!.reason).toBe('Asked to update the language on the account.');
  });

  it('notes communication preferences turned on and off', async () => {
    const account = take();
    const { marketing, accountNotifications } = account.preferences;
    const card = await t.submit(await t.open(account.id), { marketing: String(!marketing), accountNotifications: String(!accountNotifications) });
    const saved = (await t.accounts.get(account.id))!.account;
    expect(saved.preferences).toEqual({ ...account.preferences, marketing: !marketing, accountNotifications: !accountNotifications });
    const [note] = await t.contactNotes(account.id);
    expect(note!.resolution).toContain(`Marketing emails turned ${marketing ? 'off' : 'on'}.`);
    expect(note!.resolution).toContain(`Account notifications turned ${accountNotifications ? 'off' : 'on'}.`);
    expect(shown(card)).toContain(`Marketing emails turned ${marketing ? 'off' : 'on'}`);
  });

  it('says so when nothing changed, and writes nothing', async () => {
    const account = take();
    const before = (await t.accounts.get(account.id))!;
    const card = await t.submit(await t.open(account.id));
    expect(shown(card)).toContain('Nothing to change');
    expect((await t.accounts.get(account.id))!.etag).toBe(before.etag);
    expect(await t.contactNotes(account.id)).toEqual([]);
  });

  it('Cancel changes nothing and offers the account again', async () => {
    const account = take();
    const card = await t.execute(CONTACT_VERBS.cancel, { accountId: account.id });
    expect(shown(card)).toContain('Nothing was changed');
    const open = card.actions?.[0] as unknown as { title: string; verb: string; data: unknown };
    expect(open.title).toBe('Open the account');
    const customer = await t.execute(open.verb, open.data);
    expect(shown(customer)).toContain(`${account.firstName} ${account.lastName}`);
    expect(shown(customer)).toContain('Latest notes');
  });
});
