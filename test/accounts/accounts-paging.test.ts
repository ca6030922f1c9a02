import type { Container } from '@azure/cosmos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../src/features/accounts/accounts.schemas';
import { AccountsService, type FindResult } from '../../src/features/accounts/accounts.service';
import { AccountsStore } from '../../src/features/accounts/accounts.store';
import { demoData, openSeededStore } from './seeded-store';

const data = demoData();
const wordStarts = (account: Account, prefix: string) => account.searchName.split(/[\s-]+/).some((w) => w.startsWith(prefix));

describe('name search paging on the seeded embedded store', () => {
  let close: () => Promise<void>;
  let service: AccountsService;
  let accounts: Container;

  beforeAll(async () => {
    const opened = await openSeededStore();
    close = opened.close;
    accounts = opened.store.containers.accounts;
    service = new AccountsService(new AccountsStore(accounts, opened.store.containers.lookups));
  }, 120_000);
  afterAll(async () => close?.());

  async function allPages(text: string, pageSize?: number): Promise<FindResult[]> {
    const pages: FindResult[] = [];
    let continuation: string | undefined;
    do {
      const page = await service.find(text, { pageSize, continuation });
      pages.push(page);
      continuation = page.continuation;
    } while (continuation && pages.length < 100);
    return pages;
  }

  it('pages a common last name 10 at a time with a continuation token', async () => {
    const browns = data.accounts.filter((a) => wordStarts(a, 'brown')).map((a) => a.id);
    expect(browns.length).toBeGreaterThan(10);
    const first = await service.find('brown');
    expect(first.matches).toHaveLength(10);
    expect(first.continuation).toEqual(expect.any(String));
    const second = await service.find('brown', { continuation: first.continuation });
    const all = [...first.matches, ...second.matches].map((m) => m.id);
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual([...browns].sort());
    expect(second.continuation).toBeUndefined();
  });

  it('reaches every match of a broad query, in name order, without repeats', async () => {
    const expected = data.accounts.filter((a) => wordStarts(a, 'ma'));
    expect(expected.length).toBeGreaterThan(30);
    const pages = await allPages('Ma');
    expect(pages.slice(0, -1).every((p) => p.matches.length === 10)).toBe(true);
    const found = pages.flatMap((p) => p.matches);
    expect(found.map((m) => m.id).sort()).toEqual(expected.map((a) => a.id).sort());
    const names = found.map((m) => data.accounts.find((a) => a.id === m.id)!.searchName);
    expect(names).toEqual([...names].sort());
  });

  it('pages typo matches too, without losing any between pages', async () => {
    const gonzalez = data.accounts.filter((a) => wordStarts(a, 'gonzalez')).map((a) => a.id).sort();
    expect(gonzalez.length).toBeGreaterThan(4);
    const pages = await allPages('Gonzalex', 4);
    expect(pages[0]!.matches).toHaveLength(4);
    expect(pages.flatMap((p) => p.matches.map((m) => m.id)).sort()).toEqual(gonzalez);
  });

  it('pages accounts added after seeding: 23 namesakes in pages of 10, 10 and 3', async () => {
    const template = data.accounts[0]!;
    const added = Array.from({ length: 23 }, (_, i) => ({ ...template, id: String(9_900_000 + i), firstName: `Zoë${'x'.repeat(i % 3)}`, lastName: 'Zabriskie-Ødegård' }));
    for (const account of added) await accounts.items.create({ ...account, searchName: `${account.firstName} ${account.lastName}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase() });
    const pages = await allPages('ZABRISKIE zoe');
    expect(pages.map((p) => p.matches.length)).toEqual([10, 10, 3]);
    expect(pages.flatMap((p) => p.matches.map((m) => m.id)).sort()).toEqual(added.map((a) => a.id).sort());
  });
});
