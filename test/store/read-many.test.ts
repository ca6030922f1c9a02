import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Container } from '@azure/cosmos';
import type { Store } from '../../src/store/cosmos-store';
import { readManyById } from '../../src/store/read-many';
import { openMemoryStore } from '../helpers/memory-store';

/** Many documents by id in one bulk request, against the real SDK and the embedded server. */
describe('readManyById', () => {
  let store: Store;
  let people: Container;
  beforeAll(async () => {
    store = await openMemoryStore('read-many');
    people = store.containers.people;
    const docs = Array.from({ length: 150 }, (_, i) => ({ id: `p${i}`, name: `Person ${i}` }));
    for (let i = 0; i < docs.length; i += 50) await people.items.bulk(docs.slice(i, i + 50).map((resourceBody) => ({ operationType: 'Create' as const, resourceBody })));
  });
  afterAll(async () => {
    await store?.close();
  });

  it('gives each document found by its id, leaves out ids with no document, and reads a repeated id once', async () => {
    const found = await readManyById(people, ['p7', 'missing', 'p3', 'p7', 'p149']);
    expect([...found.keys()]).toEqual(['p7', 'p3', 'p149']);
    expect(found.get('p3')).toMatchObject({ id: 'p3', name: 'Person 3' });
    expect(found.get('p149')).toMatchObject({ name: 'Person 149' });
  });

  it('reads more ids than one bulk request may carry (100), all of them', async () => {
    const ids = Array.from({ length: 140 }, (_, i) => `p${i}`).concat(['gone-1', 'gone-2']);
    const found = await readManyById(people, ids);
    expect(found.size).toBe(140);
    expect(found.get('p120')).toMatchObject({ name: 'Person 120' });
    expect(found.has('gone-2')).toBe(false);
  });

  it('sends no request for no ids', async () => {
    expect((await readManyById(people, [])).size).toBe(0);
  });
});
