import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAccounts } from '../../src/demo/demo-accounts';
import { DEMO_LOCATIONS } from '../../src/demo/demo-locations';
import { AccountsService } from '../../src/features/accounts/accounts.service';
import { AccountsStore } from '../../src/features/accounts/accounts.store';
import { backfillNameLookups } from '../../src/features/accounts/name-lookup-backfill';
import { silentLogger } from '../../src/shared/logger';
import { openStore, type Store } from '../../src/store/cosmos-store';
import { tempDir } from '../helpers/temp-dir';
import { countingContainer, type CallCounts } from './seeded-store';

describe('backfillNameLookups: accounts imported without name lookups', () => {
  const dir = tempDir('deskmate-backfill-');
  let store: Store;
  const generated = generateAccounts({ seed: 7, customers: 120, leads: 10, today: '2026-11-22', locations: DEMO_LOCATIONS });
  const nameLookupCount = async () => (await store.containers.lookups.items.query('SELECT VALUE COUNT(1) FROM c WHERE STARTSWITH(c.key, "name:")').fetchAll()).resources[0] as number;

  beforeAll(async () => {
    store = await openStore({ kind: 'embedded', dataFile: join(dir.path, 'cosmos.json'), database: 'backfill-test' }, silentLogger(), { persist: false });
    // An import that wrote the accounts and their phone/email/unit lookups, but no name lookups.
    for (const account of generated.accounts) await store.containers.accounts.items.create(account);
    for (const lookup of generated.lookups) await store.containers.lookups.items.create(lookup);
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    dir.remove();
  });

  it('writes every account\'s name lookups, a page at a time, and a second run changes nothing', async () => {
    expect(await nameLookupCount()).toBe(0);
    const pages: number[] = [];
    const done = await backfillNameLookups(store.containers, { pageSize: 50, onPage: (p) => pages.push(p.accounts) });
    expect(done).toEqual({ accounts: generated.accounts.length, written: generated.nameLookups.length, skipped: 0 });
    expect(pages).toEqual([50, 100, generated.accounts.length]);
    expect(await nameLookupCount()).toBe(generated.nameLookups.length);
    await backfillNameLookups(store.containers, { pageSize: 50 });
    expect(await nameLookupCount()).toBe(generated.nameLookups.length);
  });

  it('after it, a name search reads the lookups partition and never queries the accounts', async () => {
    const onAccounts: CallCounts = { queries: 0, pointReads: 0 };
    const service = new AccountsService(new AccountsStore(countingContainer(store.containers.accounts, onAccounts), store.containers.lookups));
    const account = generated.accounts[17]!;
    const { matches } = await service.find(`${account.lastName} ${account.firstName}`);
    expect(matches.map((m) => m.id)).toContain(account.id);
    expect(onAccounts.queries).toBe(0);
  });
});
