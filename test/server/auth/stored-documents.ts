import type { Store } from '../../../src/store/cosmos-store';

/** Every document in every container, as `container/id@_etag`, sorted: equal lists mean nothing was written. */
export async function storedDocuments(store: Store): Promise<string[]> {
  const all = await Promise.all(
    Object.entries(store.containers).map(async ([name, container]) => {
      const { resources } = await container.items.readAll<{ id: string; _etag?: string }>().fetchAll();
      return resources.map((doc) => `${name}/${doc.id}@${doc._etag ?? ''}`);
    }),
  );
  return all.flat().sort();
}
