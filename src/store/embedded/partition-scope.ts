import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingHttpHeaders } from 'node:http';
import type Account from '@vercel/cosmosdb-server/lib/account';
import { observeAccount, type ContainerNode, type Readable, type StoredItem } from './account-observer';

/**
 * A query sent with a partition key (`x-ms-documentdb-partitionkey`) reads only that partition in
 * Cosmos DB. The embedded server ignores the header and evaluates every document of the container,
 * so a customer card's notes query cost as much as the whole notes container. This keeps, for each
 * container, its documents by partition key value, and while a request runs inside `runInPartition`
 * the container's query sees that partition's documents only. Results are those Cosmos DB gives.
 */
type PartitionValue = string | number | boolean;
const currentPartition = new AsyncLocalStorage<PartitionValue>();

/**
 * The partition a request names (a string, number or boolean: a map key as it is, since a Map tells
 * "1" from 1); undefined when it names none, or one this cannot read.
 */
export function partitionOf(headers: IncomingHttpHeaders): PartitionValue | undefined {
  const header = headers['x-ms-documentdb-partitionkey'];
  if (typeof header !== 'string') return undefined;
  try {
    const value = JSON.parse(header) as unknown;
    if (!Array.isArray(value) || value.length !== 1) return undefined;
    const [key] = value as unknown[];
    return isPartitionValue(key) ? key : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `work` (a request's handling) with queries scoped to `partition`. */
export function runInPartition<T>(partition: PartitionValue, work: () => T): T {
  return currentPartition.run(partition, work);
}

/** Keeps the partitions of every container of the account and scopes its queries. */
export function scopeQueriesByPartition(account: Account): void {
  const indexes = new WeakMap<ContainerNode, PartitionIndex>();
  observeAccount(account, {
    containerFound: (container) => indexes.set(container, new PartitionIndex(container)),
    documentSet: (container, doc, item) => indexes.get(container)?.add(doc, item),
    documentDeleted: (container, doc) => indexes.get(container)?.remove(doc),
  });
}

/**
 * One container's documents by partition key value, and its query scoped to one of them. Most
 * partitions hold one document (accounts and lookups are partitioned by their own key), so a lone
 * document is kept as it is and only a partition with two or more gets a map of its own.
 */
class PartitionIndex {
  private readonly partitions = new Map<PartitionValue | null, Readable | Map<string, Readable>>();

  constructor(private readonly container: ContainerNode) {
    const documents = container.documents;
    // The server splits the container's partition key path anew (and copies it as it walks it) for
    // every document it stores or reads; the path never changes, so it is split once here.
    documents._getPartition = partitionReader(documents._getPartitionKeyPath());
    for (const item of documents._data.values()) {
      const doc = item.read();
      if (doc) this.add(doc, item);
    }
    // The server's query reads `_data` once, synchronously, at its start: for a scoped request it
    // reads the partition's map instead, and the container's map is back before anything else runs.
    const query = documents.query.bind(documents);
    documents.query = (params, options) => {
      const scope = currentPartition.getStore();
      if (scope === undefined) return query(params, options);
      const all = documents._data;
      documents._data = this.documentsOf(scope);
      try {
        return query(params, options);
      } finally {
        documents._data = all;
      }
    };
  }

  /** `item`: the server's item for `doc`, as its container's map holds it. */
  add(doc: StoredItem, item: Readable | undefined): void {
    if (!item) return;
    const key = this.keyOf(doc);
    const held = this.partitions.get(key);
    if (held instanceof Map) held.set(doc._rid, item);
    else if (held === undefined || ridOf(held) === doc._rid) this.partitions.set(key, item);
    else this.partitions.set(key, new Map([[ridOf(held), held], [doc._rid, item]]));
  }

  remove(doc: StoredItem): void {
    const key = this.keyOf(doc);
    const held = this.partitions.get(key);
    if (held instanceof Map) {
      held.delete(doc._rid);
      if (held.size === 0) this.partitions.delete(key);
    } else if (held !== undefined && ridOf(held) === doc._rid) {
      this.partitions.delete(key);
    }
  }

  private documentsOf(key: PartitionValue): Map<string, Readable> {
    const held = this.partitions.get(key);
    if (held === undefined) return new Map();
    return held instanceof Map ? held : new Map([[ridOf(held), held]]);
  }

  /** A document's partition key value; any other value (none, null, an object) is one key no request can name. */
  private keyOf(doc: StoredItem): PartitionValue | null {
    const value = this.container.documents._getPartition(doc);
    return isPartitionValue(value) ? value : null;
  }
}

/** What the server's `_getPartition` gives for `path` (its parts), without splitting or copying it per document. */
function partitionReader(path: readonly string[]): (data: unknown) => unknown {
  return (data) => {
    let value = data;
    for (const key of path) {
      if (!value) return undefined;
      value = (value as Record<string, unknown>)[key];
    }
    return path.length === 0 ? undefined : value;
  };
}

function isPartitionValue(value: unknown): value is PartitionValue {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** The _rid of a stored item (the server keys its maps by it). */
function ridOf(item: Readable): string {
  return item.read()?._rid ?? '';
}
