import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod/v4';
import type Account from '@vercel/cosmosdb-server/lib/account';
import { databasesOf, type ContainerNode, type DatabaseNode, type ItemMap } from './account-observer';
import { readLines } from './line-reader';

/**
 * The data file: the server's databases, containers and documents, with the server's own metadata
 * (_rid, _etag, _ts) kept as they were, so that etags held by clients stay valid across a restart.
 * `journalSeq` names the first journal written after it: loading replays that journal and any later
 * one on top.
 *
 * Format 2 (written since 2026-11-23) is one JSON value per line, so that it is read and restored a
 * chunk at a time and never becomes one string of hundreds of megabytes:
 *   {"version":2,"journalSeq":N}
 *   ["database",{...}]                 a database, then its containers
 *   ["container",{...}]                a container, then its documents, one per line
 *   {...}                              a document (an object; every other line is an array)
 *   ["containerEnd",ridCount]          the container's resource id counter
 *   ["databaseEnd",ridCount]
 *   ["end",databaseRidCount]           the last line: without it the file was cut short
 * Format 1 (earlier) is the same content as one JSON object; it is still read.
 */
export interface SnapshotV1 {
  version: 1;
  journalSeq?: number;
  databases: { data: Doc; ridCount: number; collections: { data: Doc; ridCount: number; documents: Doc[] }[] }[];
  databaseRidCount: number;
}
type Doc = Record<string, unknown> & { _rid: string };

/** What loading a data file found. */
export interface RestoredSnapshot {
  journalSeq: number;
  documents: number;
}

/** Documents written per chunk: the server answers requests between chunks. */
const DOCUMENTS_PER_CHUNK = 2000;
/** Longer than any line the writer makes (Cosmos DB documents are at most 2 MB). */
const MAX_LINE_BYTES = 16 * 1024 * 1024;

const header = z.object({ version: z.literal(2), journalSeq: z.number().int().nonnegative() });
const resource = z.looseObject({ _rid: z.string().min(1) });
const ridCount = z.number().int().nonnegative();
const record = z.union([
  z.tuple([z.literal('database'), resource]),
  z.tuple([z.literal('container'), resource]),
  z.tuple([z.literal('containerEnd'), ridCount]),
  z.tuple([z.literal('databaseEnd'), ridCount]),
  z.tuple([z.literal('end'), ridCount]),
]);

/**
 * Loads the data file into a freshly created account; undefined when there is no data file yet.
 * Throws, naming the file, when it is not a data file or is damaged.
 */
export async function loadSnapshotFile(path: string, account: Account): Promise<RestoredSnapshot | undefined> {
  if (!existsSync(path)) return undefined;
  const start = await readStart(path, 16);
  if (start.startsWith('{"version":1,')) return restoreV1(account, await readV1(path));
  const restorer = new Restorer(account);
  let journalSeq: number | undefined;
  await readLines(
    path,
    (line, index) => {
      if (index === 0) {
        journalSeq = parseHeader(path, line);
        return;
      }
      try {
        restorer.line(line);
      } catch (error) {
        throw new Error(`${path} line ${index + 1} is damaged: ${(error as Error).message}`);
      }
    },
    { maxLineBytes: MAX_LINE_BYTES },
  ).catch((error: unknown) => {
    throw journalSeq === undefined ? notADataFile(path) : error;
  });
  if (journalSeq === undefined) throw notADataFile(path);
  if (!restorer.ended) throw new Error(`${path} was cut short: its last line is not the end mark`);
  return { journalSeq, documents: restorer.documents };
}

/**
 * Writes the whole account to `path` (format 2) atomically: a temporary file beside it, synced, then
 * renamed over it, a chunk of documents at a time so the server keeps answering while it writes. A
 * document changed while the file is written may be saved as it was before or after the change; the
 * journal `journalSeq`, started before this call, has the change either way.
 */
export async function writeSnapshotFile(path: string, account: Account, journalSeq: number): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  const handle = await open(temp, 'w');
  const line = (value: unknown) => `${JSON.stringify(value)}\n`;
  try {
    const databases = databasesOf(account);
    await handle.write(line({ version: 2, journalSeq }));
    for (const database of [...databases._data.values()]) {
      await handle.write(line(['database', database.read()]));
      for (const collection of [...database.collections._data.values()]) {
        await handle.write(line(['container', collection.read()]));
        let chunk = '';
        let inChunk = 0;
        for (const doc of collection.documents._data.values()) {
          chunk += line(doc.read());
          inChunk += 1;
          if (inChunk === DOCUMENTS_PER_CHUNK) {
            await handle.write(chunk);
            chunk = '';
            inChunk = 0;
          }
        }
        if (chunk.length > 0) await handle.write(chunk);
        // The counter is read last: it only grows, so every id handed out while writing stays below it.
        await handle.write(line(['containerEnd', collection.documents._ridCount]));
      }
      await handle.write(line(['databaseEnd', database.collections._ridCount]));
    }
    await handle.write(line(['end', databases._ridCount]));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, path);
}

/** Puts the records of a data file, in the order they are written, into an account. */
class Restorer {
  private readonly databases: ItemMap<DatabaseNode>;
  private database: DatabaseNode | undefined;
  private container: ContainerNode | undefined;
  documents = 0;
  ended = false;

  constructor(account: Account) {
    this.databases = databasesOf(account);
  }

  line(text: string): void {
    if (this.ended) throw new Error('a line after the end mark');
    const value: unknown = JSON.parse(text);
    // Documents are most lines, so they are told apart by their first character and checked by hand.
    if (text.charCodeAt(0) === OPEN_BRACE) return this.document(value as Doc);
    const [kind, data] = record.parse(value);
    if (kind === 'database') this.openDatabase(data);
    else if (kind === 'container') this.openContainer(data);
    else if (kind === 'containerEnd') this.closeContainer(data);
    else if (kind === 'databaseEnd') this.closeDatabase(data);
    else this.end(data);
  }

  document(doc: Doc): void {
    if (!this.container) throw new Error('a document outside a container');
    if (typeof doc._rid !== 'string') throw new Error('a document without a resource id');
    this.container.documents._set(doc);
    this.documents += 1;
  }

  openDatabase(data: Doc): void {
    if (this.database) throw new Error('a database inside a database');
    this.databases._set(data);
    this.database = this.databases._data.get(data._rid);
    if (!this.database) throw new Error(`database ${data._rid} did not load`);
  }

  openContainer(data: Doc): void {
    if (!this.database || this.container) throw new Error('a container outside a database');
    this.database.collections._set(data);
    this.container = this.database.collections._data.get(data._rid);
    if (!this.container) throw new Error(`container ${data._rid} did not load`);
  }

  closeContainer(ridCount: number): void {
    if (!this.container) throw new Error('the end of a container that was not opened');
    this.container.documents._ridCount = ridCount;
    this.container = undefined;
  }

  closeDatabase(ridCount: number): void {
    if (!this.database || this.container) throw new Error('the end of a database that was not opened');
    this.database.collections._ridCount = ridCount;
    this.database = undefined;
  }

  end(databaseRidCount: number): void {
    if (this.database) throw new Error('the end mark inside a database');
    this.databases._ridCount = databaseRidCount;
    this.ended = true;
  }
}

const OPEN_BRACE = '{'.charCodeAt(0);

function parseHeader(path: string, line: string): number {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw notADataFile(path);
  }
  const parsed = header.safeParse(value);
  if (!parsed.success) throw notADataFile(path);
  return parsed.data.journalSeq;
}

function notADataFile(path: string): Error {
  return new Error(`${path} is not an embedded Cosmos DB data file (format 1 or 2)`);
}

async function readStart(path: string, bytes: number): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.toString('utf8', 0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A format 1 file: one JSON object. */
async function readV1(path: string): Promise<SnapshotV1> {
  const parsed = JSON.parse(await readFile(path, 'utf8')) as SnapshotV1;
  if (parsed.version !== 1 || !Array.isArray(parsed.databases)) throw notADataFile(path);
  return parsed;
}

function restoreV1(account: Account, snapshot: SnapshotV1): RestoredSnapshot {
  const restorer = new Restorer(account);
  for (const db of snapshot.databases) {
    restorer.openDatabase(db.data);
    for (const coll of db.collections) {
      restorer.openContainer(coll.data);
      for (const doc of coll.documents) restorer.document(doc);
      restorer.closeContainer(coll.ridCount);
    }
    restorer.closeDatabase(db.ridCount);
  }
  restorer.end(snapshot.databaseRidCount);
  return { journalSeq: snapshot.journalSeq ?? 0, documents: restorer.documents };
}
