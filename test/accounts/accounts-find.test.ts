import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AccountsService, maskAccountId } from '../../src/features/accounts/accounts.service';
import { AccountsStore } from '../../src/features/accounts/accounts.store';
import { DomainError } from '../../src/shared/errors';
import { countingContainer, demoData, openSeededStore, type CallCounts } from './seeded-store';

const data = demoData();
const byId = new Map(data.accounts.map((a) => [a.id, a]));
const ids = (matches: { id: string }[]) => matches.map((m) => m.id).sort();
const phoneLookups = data.lookups.filter((l) => l.key.startsWith('phone:'));
const single = phoneLookups.find((l) => l.accountIds.length === 1)!;
const household = phoneLookups.find((l) => l.accountIds.length > 1)!;
const sharedUnit = data.lookups.find((l) => /^unit:[A-Z]\d+$/.test(l.key) && l.accountIds.length > 2)!;
const emilie = data.accounts.find((a) => a.firstName === 'Émilie' && a.lastName === 'Bélanger')!;

describe('AccountsService.find on the seeded embedded store', () => {
  let close: () => Promise<void>;
  let service: AccountsService;
  const counts: CallCounts = { queries: 0, pointReads: 0 };

  beforeAll(async () => {
    const opened = await openSeededStore();
    close = opened.close;
    const { accounts, lookups } = opened.store.containers;
    service = new AccountsService(new AccountsStore(countingContainer(accounts, counts), countingContainer(lookups, counts)));
  }, 120_000);
  afterAll(async () => close?.());
  beforeEach(() => Object.assign(counts, { queries: 0, pointReads: 0 }));

  it('finds by phone in any format with point reads only', async () => {
    const digits = single.key.slice('phone:'.length);
    const [a, b, c] = [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6)];
    for (const text of [`(${a}) ${b}-${c}`, `${a}.${b}.${c}`, `+1 ${a} ${b} ${c}`, `1${digits}`, digits]) {
      const { matches, continuation } = await service.find(text);
      expect(ids(matches), text).toEqual(single.accountIds);
      expect(continuation).toBeUndefined();
    }
    expect(counts).toEqual({ queries: 0, pointReads: 10 });
  });

  it('finds every account on a shared household phone', async () => {
    const { matches } = await service.find(household.key.slice('phone:'.length));
    expect(ids(matches)).toEqual([...household.accountIds].sort());
    expect(counts.queries).toBe(0);
  });

  it('finds by email in mixed case and gives the summary fields', async () => {
    const account = data.accounts.find((a) => a.emails.length > 1)!;
    const address = account.emails[0]!.address;
    const mixed = address.replace(/^./, (ch) => ch.toUpperCase()).replace('@example', '@EXAMPLE');
    const { matches } = await service.find(mixed);
    expect(matches).toEqual([
      { id: account.id, name: `${account.firstName} ${account.lastName}`, maskedId: `•••${account.id.slice(-3)}`, kind: account.kind, status: account.status, locationId: account.locationId },
    ]);
    expect(counts.queries).toBe(0);
  });

  it('finds by unit: several stores without a location, one with it', async () => {
    const unitId = sharedUnit.key.slice('unit:'.length);
    const everywhere = await service.find(unitId.toLowerCase());
    expect(ids(everywhere.matches)).toEqual([...sharedUnit.accountIds].sort());
    expect(new Set(everywhere.matches.map((m) => m.locationId)).size).toBe(sharedUnit.accountIds.length);
    const one = byId.get(sharedUnit.accountIds[1]!)!;
    for (const text of [`${one.locationId} ${unitId}`, `${one.locationId}:${unitId}`, `unit ${unitId} at ${one.locationId}`]) {
      expect(ids((await service.find(text)).matches), text).toEqual([one.id]);
    }
    expect(counts.queries).toBe(0);
  });

  it('pages point-read results too', async () => {
    const first = await service.find(sharedUnit.key.slice('unit:'.length), { pageSize: 2 });
    expect(first.matches).toHaveLength(2);
    const second = await service.find(sharedUnit.key.slice('unit:'.length), { pageSize: 2, continuation: first.continuation });
    expect(ids([...first.matches, ...second.matches])).toEqual([...sharedUnit.accountIds].sort());
  });

  it('finds by account id with one point read', async () => {
    const { matches } = await service.find(emilie.id);
    expect(matches.map((m) => m.name)).toEqual(['Émilie Bélanger']);
    expect(counts).toEqual({ queries: 0, pointReads: 1 });
  });

  it('finds a name in any order, case or accents, and with one typo', async () => {
    for (const text of ['Émilie Bélanger', 'Bélanger Émilie', 'EMILIE BELANGER', 'belanger, emilie', 'emilie bel', 'Emilie Belanegr', 'Emilie Blanger', 'Emlie Belanger']) {
      const { matches } = await service.find(text);
      expect(ids(matches), text).toEqual([emilie.id]);
    }
    const belangers = data.accounts.filter((a) => a.lastName === 'Bélanger').map((a) => a.id).sort();
    expect(ids((await service.find('Belanegr')).matches)).toEqual(belangers);
    expect(counts.queries).toBeGreaterThan(0);
  });

  it('returns nothing when nothing matches', async () => {
    for (const text of ['Zyzzyx Quarrington', '(999) 555-0199', 'nobody@example.com', 'Z999', 'PDX1 Z999', '1000000']) {
      expect(await service.find(text), text).toEqual({ matches: [] });
    }
  });

  it('rejects text that is not a search', async () => {
    await expect(service.find('is unit B112 delinquent?')).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(service.find('Brown', { continuation: 'not-a-token' })).rejects.toBeInstanceOf(DomainError);
  });

  it('gets one account with its etag, or a not_found error', async () => {
    const { account, etag } = await service.get(emilie.id);
    expect(account).toEqual(emilie);
    expect(etag).toBeTruthy();
    await expect(service.get('1000000')).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining(maskAccountId('1000000')) });
  });
});

describe('name search cost: one partition of the name lookups, then point reads', () => {
  let close: () => Promise<void>;
  let service: AccountsService;
  let accountsContainer: import('@azure/cosmos').Container;
  const onAccounts: CallCounts = { queries: 0, pointReads: 0 };
  const onLookups: CallCounts = { queries: 0, pointReads: 0 };

  beforeAll(async () => {
    const opened = await openSeededStore();
    close = opened.close;
    accountsContainer = opened.store.containers.accounts;
    service = new AccountsService(new AccountsStore(countingContainer(opened.store.containers.accounts, onAccounts), countingContainer(opened.store.containers.lookups, onLookups)));
  }, 120_000);
  afterAll(async () => close?.());
  beforeEach(() => {
    Object.assign(onAccounts, { queries: 0, pointReads: 0 });
    Object.assign(onLookups, { queries: 0, pointReads: 0 });
  });

  it('finds a name with one query on its lookups partition and no query over the accounts', async () => {
    const { matches } = await service.find('Bélanger Émilie');
    expect(ids(matches)).toEqual([emilie.id]);
    expect(onLookups.queries).toBe(1);
    expect(onAccounts).toEqual({ queries: 0, pointReads: 1 });
  });

  it('reads the accounts of a page in one bulk request, keeps their order, and leaves out one whose account is gone', async () => {
    const counted = new Map<string, number>();
    for (const account of data.accounts) counted.set(account.lastName, (counted.get(account.lastName) ?? 0) + 1);
    const lastName = [...counted].find(([name, n]) => n >= 4 && /^[a-z]+$/i.test(name))![0];
    const before = (await service.find(lastName)).matches.map((m) => m.id);
    expect(before.length).toBeGreaterThanOrEqual(4);
    expect(before.every((id) => byId.get(id)?.lastName === lastName)).toBe(true);
    expect(onAccounts).toEqual({ queries: 0, pointReads: before.length });
    const gone = before[1]!;
    await accountsContainer.item(gone, gone).delete();
    const after = (await service.find(lastName)).matches.map((m) => m.id);
    expect(after).toEqual(before.filter((id) => id !== gone));
  });

  it('still finds an account whose name lookups were never written, by one query over the accounts', async () => {
    const stray = { ...emilie, id: '99000001', firstName: 'Zora', lastName: 'Quintanilla', searchName: 'zora quintanilla' };
    await accountsContainer.items.create(stray);
    for (const text of ['Zora Quintanilla', 'quin zora', 'zo qu']) {
      expect(ids((await service.find(text)).matches), text).toEqual(['99000001']);
    }
    expect(onAccounts.queries).toBeGreaterThan(0);
  });
});
