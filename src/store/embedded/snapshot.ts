import { mkdir, open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { readFileSync, existsSync } from 'node:fs';
import type Account from '@vercel/cosmosdb-server/lib/account';

/**
 * The embedded server keeps everything in memory. A snapshot is its databases, containers and
 * documents as plain JSON, with the server's own metadata (_rid, _etag, _ts) kept as they were,
 * so that etags held by clients stay valid across a restart.
 */
interface Snapshot {
  version: 1;
  databases: { data: Doc; ridCount: number; collections: { data: Doc; ridCount: number; documents: Doc[] }[] }[];
  databaseRidCount: number;
}
type Doc = Record<string, unknown> & { _rid: string };

interface ItemsLike<T> {
  _data: Map<string, T>;
  _ridCount: number;
  _set(data: Doc): unknown;
}
interface DatabaseLike {
  read(): Doc;
  collections: ItemsLike<CollectionLike>;
}
interface CollectionLike {
  read(): Doc;
  documents: ItemsLike<{ read(): Doc }>;
}

function databasesOf(account: Account): ItemsLike<DatabaseLike> {
  return account.databases as unknown as ItemsLike<DatabaseLike>;
}

/** Captures the whole account as a snapshot object. */
export function takeSnapshot(account: Account): Snapshot {
  const databases = databasesOf(account);
  return {
    version: 1,
    databaseRidCount: databases._ridCount,
    databases: [...databases._data.values()].map((db) => ({
      data: db.read(),
      ridCount: db.collections._ridCount,
      collections: [...db.collections._data.values()].map((coll) => ({
        data: coll.read(),
        ridCount: coll.documents._ridCount,
        documents: [...coll.documents._data.values()].map((doc) => doc.read()),
      })),
    })),
  };
}

/** Loads a snapshot into a freshly created account. */
export function restoreSnapshot(account: Account, snapshot: Snapshot): void {
  const databases = databasesOf(account);
  for (const db of snapshot.databases) {
    databases._set(db.data);
    const database = [...databases._data.values()].find((d) => d.read()._rid === db.data._rid);
    if (!database) throw new Error(`snapshot database ${db.data._rid} did not load`);
    for (const coll of db.collections) {
      database.collections._set(coll.data);
      const collection = [...database.collections._data.values()].find((c) => c.read()._rid === coll.data._rid);
      if (!collection) throw new Error(`snapshot container ${coll.data._rid} did not load`);
      for (const doc of coll.documents) collection.documents._set(doc);
      collection.documents._ridCount = coll.ridCount;
    }
    database.collections._ridCount = db.ridCount;
  }
  databases._ridCount = snapshot.databaseRidCount;
}

/** Reads a snapshot file, or returns undefined when there is none yet. */
export function readSnapshotFile(path: string): Snapshot | undefined {
  if (!existsSync(path)) return undefined;
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
  if (parsed.version !== 1 || !Array.isArray(parsed.databases)) {
    throw new Error(`${path} is not an embedded Cosmos DB snapshot (version 1)`);
  }
  return parsed;
}

/** Writes the snapshot atomically: a temporary file beside the target, synced, then renamed over it. */
export async function writeSnapshotFile(path: string, snapshot: Snapshot): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  const handle = await open(temp, 'w');
  try {
    await handle.writeFile(JSON.stringify(snapshot));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
}
