import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountConflictError, AccountsStore } from '../../src/features/accounts/accounts.store';
import { LocationsStore } from '../../src/features/locations/locations.store';
import type { Store } from '../../src/store/cosmos-store';
import { demoData, openSeededStore } from './seeded-store';

const data = demoData();
const customer = data.accounts.find((a) => a.kind === 'customer' && a.phones.length === 1)!;

describe('AccountsStore and LocationsStore on the seeded embedded store', () => {
  let close: () => Promise<void>;
  let store: Store;
  let accounts: AccountsStore;

  beforeAll(async () => {
    const opened = await openSeededStore();
    close = opened.close;
    store = opened.store;
    accounts = new AccountsStore(store.containers.accounts, store.containers.lookups);
  }, 120_000);
  afterAll(async () => close?.());

  it('reads an account by id, and nothing for a missing or impossible id', async () => {
    const record = await accounts.get(customer.id);
    expect(record?.account).toEqual(customer);
    expect(record?.etag).toEqual(expect.any(String));
    expect(await accounts.get('1000000')).toBeUndefined();
    expect(await accounts.get('../people')).toBeUndefined();
  });

  it('reads lookups by key, and [] for a missing or impossible key', async () => {
    const lookup = data.lookups.find((l) => l.key.startsWith('email:'))!;
    expect(await accounts.lookup(lookup.key)).toEqual(lookup.accountIds);
    expect(await accounts.lookup('phone:0000000000')).toEqual([]);
    expect(await accounts.lookup('email:a/b@example.com')).toEqual([]);
  });

  it('replaces with the etag it read, and refuses a stale etag with a typed conflict', async () => {
    const { account, etag } = (await accounts.get(customer.id))!;
    const updated = await accounts.replace({ ...account, preferences: { ...account.preferences, marketing: !account.preferences.marketing } }, etag);
    expect(updated.etag).not.toBe(etag);
    expect(updated.account.preferences.marketing).toBe(!account.preferences.marketing);
    const stale = accounts.replace({ ...account, language: 'fr' }, etag);
    await expect(stale).rejects.toBeInstanceOf(AccountConflictError);
    await expect(stale).rejects.toMatchObject({ code: 'conflict', details: { accountId: customer.id } });
    expect((await accounts.get(customer.id))?.account.preferences.marketing).toBe(!account.preferences.marketing);
    await expect(accounts.replace({ ...account, id: '1000001' }, etag)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('adds and removes account ids in lookups, creating and deleting documents', async () => {
    const other = data.accounts.find((a) => a.id !== customer.id)!;
    const oldPhone = `phone:${customer.phones[0]!.number}`;
    const newPhone = 'phone:2065550999';
    const sharedEmail = `email:${other.emails[0]!.address}`;

    await accounts.writeLookups([newPhone, sharedEmail], [oldPhone], customer.id);
    expect(await accounts.lookup(newPhone)).toEqual([customer.id]);
    expect(await accounts.lookup(sharedEmail)).toEqual([other.id, customer.id]);
    expect(await accounts.lookup(oldPhone)).toEqual([]);
    const { resource: deleted } = await store.containers.lookups.item(oldPhone, oldPhone).read();
    expect(deleted).toBeUndefined();

    await accounts.writeLookups([newPhone], [], customer.id);
    expect(await accounts.lookup(newPhone)).toEqual([customer.id]);
    await accounts.writeLookups([], [sharedEmail, newPhone, 'phone:0000000001'], customer.id);
    expect(await accounts.lookup(sharedEmail)).toEqual([other.id]);
    expect(await accounts.lookup(newPhone)).toEqual([]);
  });

  it('keeps every id when many accounts add themselves to one key at once', async () => {
    const key = 'unit:ZZ9:Z999';
    const ids = data.accounts.slice(0, 4).map((a) => a.id);
    await Promise.all(ids.map((id) => accounts.writeLookups([key], [], id)));
    expect((await accounts.lookup(key)).sort()).toEqual([...ids].sort());
    await expect(accounts.writeLookups(['email:a#b@example.com'], [], customer.id)).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('reads a location by id', async () => {
    const locations = new LocationsStore(store.containers.locations);
    const pdx = data.locations.find((l) => l.id === 'PDX1')!;
    expect(await locations.get('PDX1')).toEqual(pdx);
    expect(await locations.get('NOPE1')).toBeUndefined();
    expect(await locations.get('pdx/1')).toBeUndefined();
  });
});
