import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Note } from '../../src/features/notes/notes.schemas';
import { NotesStore } from '../../src/features/notes/notes.store';
import type { Store } from '../../src/store/cosmos-store';
import { demoData, openSeededStore } from '../accounts/seeded-store';

const data = demoData();
const sample = data.notes.find((n) => !n.flags.critical)!;
const accountId = sample.accountId;
const newestFirst = (notes: Note[]) => [...notes].sort((a, b) => b.createdAt.localeCompare(a.createdAt));

/** Extra notes on one account, so it has more than two pages; every third one is critical. */
const extra: Note[] = Array.from({ length: 9 }, (_, i) => ({
  ...sample,
  id: `${accountId}-extra${i}`,
  createdAt: `2026-10-${String(10 + i).padStart(2, '0')}T16:00:00.000Z`,
  flags: { ...sample.flags, critical: i % 3 === 0 },
}));

describe('NotesStore on the seeded embedded store', () => {
  let close: () => Promise<void>;
  let store: Store;
  let notes: NotesStore;
  let all: Note[];

  beforeAll(async () => {
    const opened = await openSeededStore();
    close = opened.close;
    store = opened.store;
    for (const note of extra) await store.containers.notes.items.create(note);
    notes = new NotesStore(store.containers.notes);
    all = newestFirst([...data.notes.filter((n) => n.accountId === accountId), ...extra]);
  }, 120_000);
  afterAll(async () => close?.());

  it('gives the latest notes 5 at a time, newest first, and the token reaches them all', async () => {
    expect(all.length).toBeGreaterThan(10);
    const pages: Note[][] = [];
    let continuation: string | undefined;
    do {
      const page = await notes.latest(accountId, { continuation });
      pages.push(page.notes);
      continuation = page.continuation;
    } while (continuation && pages.length < 20);
    expect(pages[0]).toHaveLength(5);
    expect(pages[0]).toEqual(all.slice(0, 5));
    expect(pages.flat()).toEqual(all);
    expect(pages.flat().every((n) => n.accountId === accountId)).toBe(true);
  });

  it('takes a page size', async () => {
    const page = await notes.latest(accountId, { pageSize: 2 });
    expect(page.notes).toEqual(all.slice(0, 2));
    expect(page.continuation).toEqual(expect.any(String));
  });

  it('gives only critical notes, newest first, and only for that account', async () => {
    const critical = await notes.critical(accountId);
    expect(critical.length).toBeGreaterThanOrEqual(3);
    expect(critical).toEqual(all.filter((n) => n.flags.critical));
    const another = data.notes.find((n) => n.flags.critical && n.accountId !== accountId)!;
    const theirs = await notes.critical(another.accountId);
    expect(theirs.map((n) => n.id)).toContain(another.id);
    expect(theirs.every((n) => n.accountId === another.accountId && n.flags.critical)).toBe(true);
  });

  it('gives nothing for an account without notes', async () => {
    expect(await notes.latest('1000000')).toEqual({ notes: [] });
    expect(await notes.critical('1000000')).toEqual([]);
  });
});
