import { mkdir, open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { readFileSync, existsSync } from 'node:fs';
import type Account from '@vercel/cosmosdb-server/lib/account';
import { databasesOf } from './account-observer';

/**
 * A snapshot is the embedded server's databases, containers and documents as plain JSON, with the
 * server's own metadata (_rid, _etag, _ts) kept as they were, so that etags held by clients stay
 * valid across a restart. `journalSeq` names the first journal written after it: loading replays
 * that journal and any later one on top.
 */
export interface Snapshot {
  version: 1;
  journalSeq?: number;
  databases: { data: Doc; ridCount: number; collections: { data: Doc; ridCount: number; documents: Doc[] }[] }[];
  databaseRidCount: number;
}
type Doc = Record<string, unknown> & { _rid: string };

/** Documents written per chunk: the server answers requests between chunks. */
const DOCUMENTS_PER_CHUNK = 2000;

/** Loads a snapshot into a freshly created account. */
export function restoreSnapshot(account: Account, snapshot: Snapshot): void {
  const databases = databasesOf(account);
  for (const db of snapshot.databases) {
    databases._set(db.data);
    const database = databases._data.get(db.data._rid);
    if (!database) throw new Error(`snapshot database ${db.data._rid} did not load`);
    for (const coll of db.collections) {
      database.collections._set(coll.data);
      const collection = database.collections._data.get(coll.data._rid);
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

/**
 * Writes the whole account to `path` atomically (a temporary file beside it, synced, then renamed
 * over it), a chunk of documents at a time so the server keeps answering while it writes. A document
 * changed while the file is written may be saved as it was before or after the change; the journal
 * `journalSeq`, started before this call, has the change either way.
 */
export async function writeSnapshotFile(path: string, account: Account, journalSeq: number): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  const handle = await open(temp, 'w');
  try {
    const databases = databasesOf(account);
    await handle.write(`{"version":1,"journalSeq":${journalSeq},"databases":[`);
    let firstDatabase = true;
    for (const database of [...databases._data.values()]) {
      const collections = [...database.collections._data.values()];
      await handle.write(`${firstDatabase ? '' : ','}{"data":${JSON.stringify((database as unknown as { read(): Doc }).read())},"collections":[`);
      firstDatabase = false;
      for (const [index, collection] of collections.entries()) {
        await handle.write(`${index === 0 ? '' : ','}{"data":${JSON.stringify(collection.read())},"documents":[`);
        let chunk: string[] = [];
        let written = 0;
        for (const doc of collection.documents._data.values()) {
          chunk.push(JSON.stringify(doc.read()));
          if (chunk.length === DOCUMENTS_PER_CHUNK) {
            await handle.write(`${written === 0 ? '' : ','}${chunk.join(',')}`);
            written += chunk.length;
            chunk = [];
          }
        }
        if (chunk.length > 0) await handle.write(`${written === 0 ? '' : ','}${chunk.join(',')}`);
        // The counter is read last: it only grows, so every id handed out while writing stays below it.
        await handle.write(`],"ridCount":${collection.documents._ridCount}}`);
      }
      await handle.write(`],"ridCount":${database.collections._ridCount}}`);
    }
    await handle.write(`],"databaseRidCount":${databases._ridCount}}`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
}
