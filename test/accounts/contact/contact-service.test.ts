import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../../src/features/accounts/accounts.schemas';
import { AccountsStore } from '../../../src/features/accounts/accounts.store';
import { contactNoteId, ContactService, type ContactRepository } from '../../../src/features/accounts/contact';
import { seenOf } from '../../../src/features/accounts/contact/contact-edits';
import { contactSubmitSchema, type ContactSubmit } from '../../../src/features/accounts/contact/contact.schemas';
import { NotesStore } from '../../../src/features/notes/notes.store';
import { openSeededStore } from '../seeded-store';

const author = { id: 'aad-agent-1', name: 'Avery Agent' };

/** The submit the form sends for `account` unchanged, with `typed` on top. */
function submitFor(account: Account, etag: string, typed: Record<string, unknown>): ContactSubmit {
  return contactSubmitSchema.parse({
    accountId: account.id,
    etag,
    submissionId: `s-${account.id}-${Object.keys(typed).join('-')}`,
    seen: seenOf(account),
    callerName: 'Casey Caller',
    primaryPhone: account.phones.find((p) => p.primary)!.number,
    primaryEmail: account.emails.find((e) => e.primary)!.address,
    language: account.language,
    marketing: String(account.preferences.marketing),
    paymentReminders: String(account.preferences.paymentReminders),
    accountNotifications: String(account.preferences.accountNotifications),
    ...typed,
  });
}

describe('ContactService against the embedded store', () => {
  let seeded: Awaited<ReturnType<typeof openSeededStore>>;
  let store: AccountsStore;
  let notes: NotesStore;
  let pool: Account[];
  beforeAll(async () => {
    seeded = await openSeededStore();
    const { containers } = seeded.store;
    store = new AccountsStore(containers.accounts, containers.lookups);
    notes = new NotesStore(containers.notes);
    pool = (await containers.accounts.items.query<Account>('SELECT * FROM c WHERE c.kind = "customer" AND c.language = "en"').fetchAll()).resources;
  }, 60_000);
  afterAll(() => seeded.close());

  it('re-shows the form when someone saves between its read and its write (412 on IfMatch)', async () => {
    const account = pool.shift()!;
    // The other write lands right after the service reads the account, before it replaces it.
    let raced = false;
    const racing: ContactRepository = {
      get: async (id) => {
        const record = await store.get(id);
        if (record && !raced) {
          raced = true;
          await store.replace({ ...record.account, preferences: { ...record.account.preferences, paymentReminders: !record.account.preferences.paymentReminders } }, record.etag);
        }
        return record;
      },
      replace: (a, etag) => store.replace(a, etag),
      writeLookups: (added, removed, id) => store.writeLookups(added, removed, id),
    };
    const { etag } = (await store.get(account.id))!;
    const outcome = await new ContactService(racing, notes).submit(author, submitFor(account, etag, { language: 'fr', newEmail: 'kept@example.com' }));
    expect(outcome.kind).toBe('form');
    if (outcome.kind !== 'form') return;
    expect(outcome.view.changedByOthers).toEqual([`Payment reminders turned ${account.preferences.paymentReminders ? 'off' : 'on'}`]);
    expect(outcome.view.values).toMatchObject({ language: 'fr', newEmail: 'kept@example.com' });
    expect(outcome.view.values.preferences.paymentReminders).toBe(!account.preferences.paymentReminders);
    const now = (await store.get(account.id))!;
    expect(outcome.view.etag).toBe(now.etag);
    expect(now.account.language).toBe('en');
    expect(await store.lookup('email:kept@example.com')).toEqual([]);
  });

  it('writes one note whose id comes from the submission, on every unit of the account', async () => {
    const account = pool.shift()!;
    const { etag } = (await store.get(account.id))!;
    const submit = submitFor(account, etag, { removeEmails: account.emails.find((e) => e.primary)!.address, newEmail: 'Next@Example.com', primaryEmail: 'new' });
    const service = new ContactService(store, notes, () => new Date('2026-11-22T17:00:00Z'));
    const outcome = await service.submit(author, submit);
    expect(outcome).toMatchObject({ kind: 'saved', noteCreated: true });
    const { resources } = await seeded.store.containers.notes.items.query({ query: 'SELECT * FROM c WHERE c.id = @id', parameters: [{ name: '@id', value: contactNoteId(submit.submissionId) }] }).fetchAll();
    expect(resources).toHaveLength(1);
    expect(resources[0]).toMatchObject({ accountId: account.id, unitIds: account.units.map((u) => u.id), createdAt: '2026-11-22T17:00:00.000Z', caller: { name: 'Casey Caller', relationship: 'Account holder' } });
    expect((await store.get(account.id))!.account.updatedAt).toBe('2026-11-22T17:00:00.000Z');
  });
});
