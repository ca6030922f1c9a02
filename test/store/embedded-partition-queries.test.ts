import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Container } from '@azure/cosmos';
import type { Store } from '../../src/store/cosmos-store';
import { openMemoryStore } from '../helpers/memory-store';

/**
 * The embedded server answers a query sent with a partition key from that partition alone, as Cosmos
 * DB does (it used to read the whole container and rely on the WHERE clause), and answers the SDK's
 * query-plan request without running the query.
 */
describe('embedded store: queries scoped to a partition', () => {
  let store: Store;
  let notes: Container;
  beforeAll(async () => {
    store = await openMemoryStore('partition');
    notes = store.containers.notes;
    const docs = Array.from({ length: 60 }, (_, i) => ({ id: `n${i}`, accountId: `A${i % 3}`, createdAt: `2026-01-${String((i % 28) + 1).padStart(2, '0')}T0${i % 10}:00:00Z`, text: `note ${i}` }));
    for (let i = 0; i < docs.length; i += 20) await notes.items.bulk(docs.slice(i, i + 20).map((resourceBody) => ({ operationType: 'Create' as const, resourceBody })));
  });
  afterAll(async () => {
    await store?.close();
  });

  const ids = (resources: { id: string }[]) => resources.map((r) => r.id).sort();

  it('reads only the partition named, even when the query does not filter by it', async () => {
    const { resources } = await notes.items.query<{ id: string; accountId: string }>('SELECT * FROM c', { partitionKey: 'A1' }).fetchAll();
    expect(resources).toHaveLength(20);
    expect(new Set(resources.map((r) => r.accountId))).toEqual(new Set(['A1']));
    const { resources: everyone } = await notes.items.query<{ id: string }>('SELECT * FROM c').fetchAll();
    expect(everyone).toHaveLength(60);
  });

  it('pages a partition in order with continuation tokens, TOP and parameters as before', async () => {
    const query = { query: 'SELECT * FROM c WHERE c.accountId = @a ORDER BY c.createdAt DESC', parameters: [{ name: '@a', value: 'A2' }] };
    const pages: string[][] = [];
    let continuationToken: string | undefined;
    for (let guard = 0; guard < 10; guard += 1) {
      const page = await notes.items.query<{ id: string }>(query, { partitionKey: 'A2', maxItemCount: 7, continuationToken }).fetchNext();
      pages.push(page.resources.map((r) => r.id));
      continuationToken = page.continuationToken;
      if (!continuationToken) break;
    }
    expect(pages.map((p) => p.length)).toEqual([7, 7, 6]);
    const { resources: all } = await notes.items.query<{ id: string; createdAt: string }>(query, { partitionKey: 'A2' }).fetchAll();
    expect(pages.flat()).toEqual(all.map((r) => r.id));
    expect(all.map((r) => r.createdAt)).toEqual([...all.map((r) => r.createdAt)].sort().reverse());
    const { resources: top } = await notes.items.query<{ id: string }>('SELECT TOP 2 * FROM c ORDER BY c.createdAt DESC', { partitionKey: 'A2' }).fetchAll();
    expect(top.map((r) => r.id)).toEqual(all.slice(0, 2).map((r) => r.id));
  });

  it('follows creates, replaces and deletes', async () => {
    await notes.items.create({ id: 'fresh', accountId: 'A9', createdAt: '2026-02-01T00:00:00Z', text: 'new partition' });
    await notes.item('n0', 'A0').replace({ id: 'n0', accountId: 'A0', createdAt: '2026-01-01T00:00:00Z', text: 'changed' });
    await notes.item('n3', 'A0').delete();
    const inA9 = await notes.items.query<{ id: string }>('SELECT * FROM c', { partitionKey: 'A9' }).fetchAll();
    expect(ids(inA9.resources)).toEqual(['fresh']);
    const inA0 = await notes.items.query<{ id: string; text: string }>('SELECT * FROM c', { partitionKey: 'A0' }).fetchAll();
    expect(inA0.resources).toHaveLength(19);
    expect(inA0.resources.find((r) => r.id === 'n0')?.text).toBe('changed');
    expect(inA0.resources.map((r) => r.id)).not.toContain('n3');
    const none = await notes.items.query('SELECT * FROM c', { partitionKey: 'nobody' }).fetchAll();
    expect(none.resources).toEqual([]);
  });

  it('a partition of one document, then two, then one again, then none, answers with what it holds each time', async () => {
    const inP = async () => ids((await notes.items.query<{ id: string }>('SELECT * FROM c', { partitionKey: 'P1' }).fetchAll()).resources);
    await notes.items.create({ id: 'p-first', accountId: 'P1', text: 'one' });
    expect(await inP()).toEqual(['p-first']);
    await notes.item('p-first', 'P1').replace({ id: 'p-first', accountId: 'P1', text: 'one, changed' });
    expect(await inP()).toEqual(['p-first']);
    await notes.items.create({ id: 'p-second', accountId: 'P1', text: 'two' });
    expect(await inP()).toEqual(['p-first', 'p-second']);
    await notes.item('p-first', 'P1').delete();
    expect(await inP()).toEqual(['p-second']);
    await notes.items.upsert({ id: 'p-second', accountId: 'P1', text: 'two, changed' });
    const [only] = (await notes.items.query<{ id: string; text: string }>('SELECT * FROM c', { partitionKey: 'P1' }).fetchAll()).resources;
    expect(only).toMatchObject({ id: 'p-second', text: 'two, changed' });
    await notes.item('p-second', 'P1').delete();
    expect(await inP()).toEqual([]);
  });

  it('tells a number partition from a string one, and a document without the key is in no partition a query can name', async () => {
    await notes.items.create({ id: 'num', accountId: 7, text: 'number' });
    await notes.items.create({ id: 'str', accountId: '7', text: 'string' });
    await notes.items.create({ id: 'flag', accountId: true, text: 'boolean' });
    await notes.items.create({ id: 'keyless', text: 'no account' });
    const inPartition = async (partitionKey: string | number | boolean) => ids((await notes.items.query<{ id: string }>('SELECT * FROM c', { partitionKey }).fetchAll()).resources);
    expect(await inPartition(7)).toEqual(['num']);
    expect(await inPartition('7')).toEqual(['str']);
    expect(await inPartition(true)).toEqual(['flag']);
    expect(await inPartition('true')).toEqual([]);
    const { resources: everyone } = await notes.items.query<{ id: string }>('SELECT * FROM c').fetchAll();
    expect(everyone.map((r) => r.id)).toContain('keyless');
  });

  it('still refuses a broken query with a clear error', async () => {
    await expect(notes.items.query('SELEC * FROM c', { partitionKey: 'A1' }).fetchAll()).rejects.toMatchObject({ code: 400 });
  });
});
