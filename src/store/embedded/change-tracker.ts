import type Account from '@vercel/cosmosdb-server/lib/account';
import { databasesOf, observeAccount, type ContainerNode, type DatabaseNode, type ItemMap, type Readable } from './account-observer';

/**
 * Tells what changed since the last time the changes were taken, by wrapping the embedded server's
 * own item maps of one account (instance by instance, nothing global): databases, containers and
 * documents, each named by its resource id, with what it is now read when the changes are taken.
 */
export interface ChangeTracker {
  /** What changed since the last call: databases, then containers, then documents. */
  take(): Change[];
  readonly pending: number;
}

/** A database now (undefined: dropped), with the account's database id counter. */
export interface DatabaseChange {
  kind: 'database';
  rid: string;
  data?: Record<string, unknown>;
  ridCount: number;
}
/** A container now (undefined: dropped), in its database, with the database's container id counter. */
export interface ContainerChange {
  kind: 'container';
  database: string;
  rid: string;
  data?: Record<string, unknown>;
  ridCount: number;
}
/** A document now (undefined: deleted), in its container, with the container's document id counter. */
export interface DocumentChange {
  kind: 'document';
  container: string;
  rid: string;
  doc?: Record<string, unknown>;
  ridCount: number;
}
export type Change = DatabaseChange | ContainerChange | DocumentChange;

export function trackChanges(account: Account): ChangeTracker {
  const databases = databasesOf(account);
  const changedDatabases = new Set<string>();
  const changedContainers = new Map<string, { database: DatabaseNode; rid: string }>();
  const changedDocuments = new Map<string, { container: ContainerNode; rid: string }>();

  observeAccount(account, {
    database: (rid) => changedDatabases.add(rid),
    container: (database, rid) => changedContainers.set(rid, { database, rid }),
    documentSet: (container, doc) => noteDocument(container, doc._rid),
    documentDeleted: (container, doc) => noteDocument(container, doc._rid),
  });
  function noteDocument(container: ContainerNode, rid: string) {
    const containerRid = container.read()?._rid;
    if (containerRid) changedDocuments.set(`${containerRid}/${rid}`, { container, rid });
  }

  return {
    take: () => {
      const changes: Change[] = [];
      for (const rid of changedDatabases) changes.push({ kind: 'database', rid, data: databases._data.get(rid)?.read(), ridCount: databases._ridCount });
      for (const { database, rid } of changedContainers.values()) {
        const databaseRid = database.read()?._rid;
        if (databaseRid) changes.push({ kind: 'container', database: databaseRid, rid, data: database.collections._data.get(rid)?.read(), ridCount: database.collections._ridCount });
      }
      for (const { container, rid } of changedDocuments.values()) {
        const containerRid = container.read()?._rid;
        if (containerRid) changes.push({ kind: 'document', container: containerRid, rid, doc: container.documents._data.get(rid)?.read(), ridCount: container.documents._ridCount });
      }
      changedDatabases.clear();
      changedContainers.clear();
      changedDocuments.clear();
      return changes;
    },
    get pending() {
      return changedDatabases.size + changedContainers.size + changedDocuments.size;
    },
  };
}

/** Sets a document as it is now (a replace keeps the _rid: the old entry goes first, with its index keys), or deletes it. */
function putDocument(items: ItemMap<Readable>, rid: string, data: Record<string, unknown> | undefined, ridCount: number): void {
  if (items._data.has(rid)) items.delete(rid);
  if (data) items._set(data as { _rid: string });
  items._ridCount = Math.max(items._ridCount, ridCount);
}

/**
 * Makes or drops a database or container. One that is already there is kept as it is: setting it
 * again would make a new, empty one (the server keeps a container's documents in its node).
 */
function putNode<T>(items: ItemMap<T>, rid: string, data: Record<string, unknown> | undefined, ridCount: number): void {
  if (!data) {
    if (items._data.has(rid)) items.delete(rid);
  } else if (!items._data.has(rid)) {
    items._set(data as { _rid: string });
  }
  items._ridCount = Math.max(items._ridCount, ridCount);
}

/** Applies changes taken earlier (from a journal), in order, to an account restored from the matching data file. */
export function applyChanges(account: Account, changes: Iterable<Change>): { applied: number; skipped: number } {
  const databases = databasesOf(account);
  const findDatabase = (rid: string) => databases._data.get(rid);
  const findContainer = (rid: string) => {
    for (const database of databases._data.values()) {
      const container = database.collections._data.get(rid);
      if (container) return container;
    }
    return undefined;
  };
  const containerCache = new Map<string, ContainerNode | undefined>();
  let applied = 0;
  let skipped = 0;
  for (const change of changes) {
    if (change.kind === 'database') {
      putNode(databases, change.rid, change.data, change.ridCount);
      containerCache.clear();
    } else if (change.kind === 'container') {
      const database = findDatabase(change.database);
      if (!database) {
        skipped += 1;
        continue;
      }
      putNode(database.collections, change.rid, change.data, change.ridCount);
      containerCache.clear();
    } else {
      if (!containerCache.has(change.container)) containerCache.set(change.container, findContainer(change.container));
      const container = containerCache.get(change.container);
      if (!container) {
        skipped += 1;
        continue;
      }
      putDocument(container.documents, change.rid, change.doc, change.ridCount);
    }
    applied += 1;
  }
  return { applied, skipped };
}
