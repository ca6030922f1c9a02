import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Change } from './change-tracker';

/**
 * The journal: one JSON line per changed database, container or document, appended beside the data file
 * (`cosmos.json.journal.<seq>`), so that a change costs what the document weighs, not what the whole
 * store weighs. A line is an item's state, so replaying a line twice changes nothing, and a later
 * line for the same item wins.
 */
export function journalPath(dataFile: string, seq: number): string {
  return `${dataFile}.journal.${seq}`;
}

/** The sequence numbers of the journals beside the data file, oldest first. */
export function journalSeqs(dataFile: string): number[] {
  const dir = dirname(dataFile);
  if (!existsSync(dir)) return [];
  const prefix = `${basename(dataFile)}.journal.`;
  return readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && /^\d+$/.test(name.slice(prefix.length)))
    .map((name) => Number(name.slice(prefix.length)))
    .sort((a, b) => a - b);
}

/** Appends changes to a journal file and syncs it. */
export async function appendToJournal(path: string, changes: readonly Change[]): Promise<number> {
  if (changes.length === 0) return 0;
  const text = changes.map((c) => JSON.stringify(c)).join('\n') + '\n';
  const handle = await open(path, 'a');
  try {
    await handle.write(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return Buffer.byteLength(text);
}

/**
 * Reads the changes of the journals from `fromSeq` on. A last line cut short (the process stopped
 * while appending) is left out; a broken line anywhere else means the file is damaged, and loading stops.
 */
export function readJournals(dataFile: string, fromSeq: number): { changes: Change[]; files: number; bytes: number } {
  const changes: Change[] = [];
  let files = 0;
  let bytes = 0;
  for (const seq of journalSeqs(dataFile).filter((s) => s >= fromSeq)) {
    const path = journalPath(dataFile, seq);
    const text = readFileSync(path, 'utf8');
    files += 1;
    bytes += Buffer.byteLength(text);
    const lines = text.split('\n');
    lines.forEach((line, index) => {
      if (line.trim() === '') return;
      try {
        changes.push(JSON.parse(line) as Change);
      } catch (error) {
        const isLastLine = lines.slice(index + 1).every((rest) => rest.trim() === '');
        if (!isLastLine) throw new Error(`${path} line ${index + 1} is damaged: ${(error as Error).message}`);
      }
    });
  }
  return { changes, files, bytes };
}

/** Removes the journals older than `seq` (their changes are in the snapshot now). */
export async function removeJournalsBefore(dataFile: string, seq: number): Promise<void> {
  await Promise.all(journalSeqs(dataFile).filter((s) => s < seq).map((s) => rm(journalPath(dataFile, s), { force: true })));
}

export async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}
