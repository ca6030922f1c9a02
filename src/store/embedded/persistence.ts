import type Account from '@vercel/cosmosdb-server/lib/account';
import type { Logger } from '../../shared/logger';
import { applyChanges, trackChanges } from './change-tracker';
import { appendToJournal, fileSize, journalPath, journalSeqs, readJournals, removeJournalsBefore } from './journal';
import { loadSnapshotFile, writeSnapshotFile } from './snapshot';

/** What loading the data file found. */
export interface LoadedData {
  documents: number;
  journalChanges: number;
  /** The journal new changes go to. */
  journalSeq: number;
  journalBytes: number;
  snapshotBytes: number;
}

/**
 * Loads the data file and replays the journals written after it. With no data file yet, an empty one
 * is written at once, so that from then on journals always have their data file; journals found
 * without one belong to a data file that was deleted (to start afresh) and are removed.
 */
export async function loadDataFile(account: Account, dataFile: string, logger: Logger): Promise<LoadedData> {
  const snapshot = await loadSnapshotFile(dataFile, account);
  if (!snapshot) {
    const stale = journalSeqs(dataFile);
    if (stale.length > 0) {
      logger.warn({ dataFile, journals: stale.length }, 'embedded store: journals without their data file were removed');
      await removeJournalsBefore(dataFile, Number.MAX_SAFE_INTEGER);
    }
    await writeSnapshotFile(dataFile, account, 0);
    return { documents: 0, journalChanges: 0, journalSeq: 0, journalBytes: 0, snapshotBytes: await fileSize(dataFile) };
  }
  const journals = readJournals(dataFile, snapshot.journalSeq);
  const replay = applyChanges(account, journals.changes);
  if (replay.skipped > 0) logger.warn({ dataFile, skipped: replay.skipped }, 'embedded store: journal lines for containers that are gone were skipped');
  return {
    documents: snapshot.documents,
    journalChanges: journals.changes.length,
    journalSeq: Math.max(snapshot.journalSeq, ...journalSeqs(dataFile)),
    journalBytes: journals.bytes,
    snapshotBytes: await fileSize(dataFile),
  };
}

export interface Persistence {
  /** A write happened: its changes are appended to the journal within the save delay. */
  schedule(): void;
  /** Appends the pending changes now. */
  flush(): Promise<void>;
  /** Appends the pending changes and folds the journal into the data file. */
  close(): Promise<void>;
}

/** A journal worth more than this share of the data file (or than the floor) is folded into it. */
const COMPACT_RATIO = 0.5;
const COMPACT_FLOOR_BYTES = 16 * 1024 * 1024;

/**
 * Saves the account's changes: each change is appended to the journal shortly after it is made;
 * when the journal has grown large, the whole account is written to the data file (a chunk at a time) and the older journals removed.
 */
export function startPersistence(
  account: Account,
  options: { dataFile: string; delayMs: number; logger: Logger; loaded: LoadedData; compactFloorBytes?: number },
): Persistence {
  const { dataFile, delayMs, logger, compactFloorBytes = COMPACT_FLOOR_BYTES } = options;
  const tracker = trackChanges(account);
  let seq = options.loaded.journalSeq;
  let journalBytes = options.loaded.journalBytes;
  let snapshotBytes = options.loaded.snapshotBytes;
  let timer: NodeJS.Timeout | undefined;
  let appending: Promise<void> = Promise.resolve();
  let compacting: Promise<void> | undefined;

  const compact = (): Promise<void> =>
    (compacting ??= (async () => {
      // New changes go to the next journal from now on; it is replayed on top of the new data file.
      const next = seq + 1;
      seq = next;
      const bytesBefore = journalBytes;
      try {
        await writeSnapshotFile(dataFile, account, next);
        await removeJournalsBefore(dataFile, next);
        snapshotBytes = await fileSize(dataFile);
        journalBytes -= bytesBefore;
      } catch (error) {
        logger.error({ err: error, dataFile }, 'embedded store: writing the data file failed (the journals keep every change)');
      } finally {
        compacting = undefined;
      }
    })());

  const append = (): Promise<void> => {
    timer = undefined;
    appending = appending.then(async () => {
      const changes = tracker.take();
      try {
        journalBytes += await appendToJournal(journalPath(dataFile, seq), changes);
      } catch (error) {
        logger.error({ err: error, dataFile }, 'embedded store: appending to the journal failed; the data file will be rewritten');
        void compact();
        return;
      }
      if (journalBytes > Math.max(compactFloorBytes, snapshotBytes * COMPACT_RATIO)) void compact();
    });
    return appending;
  };

  return {
    schedule: () => {
      if (!timer) timer = setTimeout(() => void append(), delayMs);
    },
    flush: async () => {
      if (timer) clearTimeout(timer);
      await append();
    },
    close: async () => {
      if (timer) clearTimeout(timer);
      await append();
      await compacting;
      if (journalBytes > 0) await compact();
    },
  };
}
