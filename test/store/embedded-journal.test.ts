import { appendFileSync, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/shared/logger';
import { startEmbeddedCosmos } from '../../src/store/embedded/embedded-cosmos';
import { journalSeqs } from '../../src/store/embedded/journal';
import { serversOnFiles } from '../helpers/embedded-on-file';

/**
 * The embedded server's data file and journal, in this process: every change is appended to the
 * journal shortly after it is made; loading replays the journal on top of the data file; closing folds
 * the journal into the data file. "Abandoning" a server (never closing it) stands for a crash.
 */
const { newDataFile, start, stop } = serversOnFiles('journal-test');

/** Starts a second server on the same files while the first is still running, as a restart after a crash sees them. */
async function readAfterCrash(dataFile: string) {
  const again = await start(dataFile);
  const { resources } = await again.notes.items.readAll().fetchAll();
  return { docs: new Map(resources.map((r) => [r.id as string, r])), again };
}

describe('embedded store journal', () => {
  it('replays creates, replaces and deletes made after the last data file, etags and all', async () => {
    const dataFile = newDataFile();
    const first = await start(dataFile);
    await first.server.flush();
    const { resource: kept } = await first.notes.items.create({ id: 'n1', accountId: 'A1', text: 'first' });
    const { resource: changed } = await first.notes.item('n1', 'A1').replace({ id: 'n1', accountId: 'A1', text: 'changed' });
    await first.notes.items.create({ id: 'n2', accountId: 'A2', text: 'will be deleted' });
    await first.notes.item('n2', 'A2').delete();
    await first.notes.items.upsert({ id: 'n3', accountId: 'A1', text: 'upserted' });
    await first.server.flush();
    expect(journalSeqs(dataFile).length).toBeGreaterThan(0);

    const { docs, again } = await readAfterCrash(dataFile);
    expect([...docs.keys()].sort()).toEqual(['n1', 'n3']);
    expect(docs.get('n1')?.text).toBe('changed');
    expect(docs.get('n1')?._etag).toBe(changed?._etag);
    expect(docs.get('n1')?._etag).not.toBe(kept?._etag);
    // A stale etag is still refused after the replay, and new documents get fresh resource ids.
    await expect(again.notes.item('n1', 'A1').replace({ id: 'n1', accountId: 'A1', text: 'x' }, { accessCondition: { type: 'IfMatch', condition: kept!._etag } })).rejects.toMatchObject({ code: 412 });
    const { resource: fresh } = await again.notes.items.create({ id: 'n4', accountId: 'A1', text: 'after restart' });
    expect([...docs.values()].map((d) => d._rid)).not.toContain(fresh?._rid);
  });

  it('loses nothing but a last line cut short, and refuses a journal damaged in the middle', async () => {
    const dataFile = newDataFile();
    const first = await start(dataFile);
    await first.notes.items.create({ id: 'n1', accountId: 'A1', text: 'saved' });
    await first.server.flush();
    const journal = `${dataFile}.journal.${journalSeqs(dataFile).at(-1)}`;
    appendFileSync(journal, '{"container":"half a li');
    const { docs } = await readAfterCrash(dataFile);
    expect(docs.get('n1')?.text).toBe('saved');

    appendFileSync(journal, '\n{"container":"x","rid":"y","ridCount":1}\n');
    await expect(startEmbeddedCosmos({ dataFile, logger: silentLogger() })).rejects.toThrow(/damaged/);
  });

  it('folds the journal into the data file on close, and the next start reads the data file alone', async () => {
    const dataFile = newDataFile();
    const first = await start(dataFile);
    for (let i = 0; i < 50; i += 1) await first.notes.items.create({ id: `n${i}`, accountId: `A${i % 5}`, text: `note ${i}` });
    await stop(first);
    expect(journalSeqs(dataFile)).toEqual([]);
    expect(readFileSync(dataFile, 'utf8')).toContain('note 49');

    const { docs } = await readAfterCrash(dataFile);
    expect(docs.size).toBe(50);
  });

  it('keeps every change made while the data file is being rewritten', async () => {
    const dataFile = newDataFile();
    // A small journal limit: the data file is rewritten, a chunk at a time, again and again while these writes go on.
    const first = await start(dataFile, 64 * 1024);
    const seed = Array.from({ length: 3000 }, (_, i) => ({ operationType: 'Create' as const, resourceBody: { id: `s${i}`, accountId: `A${i % 50}`, text: 'x'.repeat(200) } }));
    for (let i = 0; i < seed.length; i += 100) await first.notes.items.bulk(seed.slice(i, i + 100));
    const rewrites = new Set<number>();
    for (let i = 0; i < 300; i += 1) {
      await Promise.all([
        first.notes.item(`s${i}`, `A${i % 50}`).replace({ id: `s${i}`, accountId: `A${i % 50}`, text: `changed ${i} ${'y'.repeat(2000)}` }),
        first.notes.item(`s${2999 - i}`, `A${(2999 - i) % 50}`).delete(),
      ]);
      rewrites.add(statSync(dataFile).mtimeMs);
    }
    await first.server.flush();
    expect(rewrites.size).toBeGreaterThan(1);

    const { docs } = await readAfterCrash(dataFile);
    expect(docs.size).toBe(3000 - 300);
    expect(docs.get('s299')?.text).toMatch(/^changed 299 y+$/);
    expect(docs.has('s2999')).toBe(false);
    expect(docs.get('s300')?.text).toBe('x'.repeat(200));
  });

  it('removes journals whose data file was deleted, so an emptied store starts empty', async () => {
    const dataFile = newDataFile();
    appendFileSync(`${dataFile}.journal.3`, '{"container":"old","rid":"old","ridCount":1}\n');
    const first = await start(dataFile);
    const { resources } = await first.notes.items.readAll().fetchAll();
    expect(resources).toEqual([]);
    expect(existsSync(`${dataFile}.journal.3`)).toBe(false);
    expect(readdirSync(join(dataFile, '..')).filter((f) => f.includes('.tmp'))).toEqual([]);
  });
});
