import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/shared/logger';
import { startEmbeddedCosmos } from '../../src/store/embedded/embedded-cosmos';
import { createRequestHandler } from '../../src/store/embedded/request-handler';
import { readLines } from '../../src/store/embedded/line-reader';
import { serversOnFiles } from '../helpers/embedded-on-file';

/**
 * The embedded store's data file: one JSON value per line (format 2), read a chunk at a time; files
 * in the earlier one-object format are still read; a file cut short or damaged is refused, untouched.
 */
const { newDataFile, start, stop } = serversOnFiles('file-test');
/** A new temporary folder, removed after the test. */
const newDir = () => dirname(newDataFile());

/** A data file with three notes (one with a newline and non-ASCII text), saved and closed; the etags written. */
async function savedFile(): Promise<{ dataFile: string; etags: Map<string, string> }> {
  const dataFile = newDataFile();
  const first = await start(dataFile);
  const etags = new Map<string, string>();
  const texts: [string, string][] = [
    ['n1', 'first line\nsecond line'],
    ['n2', 'Raúl paid — “in full”'],
    ['n3', 'third'],
  ];
  for (const [id, text] of texts) {
    const { resource } = await first.notes.items.create({ id, accountId: 'A1', text });
    etags.set(id, resource!._etag);
  }
  await stop(first);
  return { dataFile, etags };
}

async function notesIn(dataFile: string) {
  const again = await start(dataFile);
  const { resources } = await again.notes.items.readAll().fetchAll();
  return { again, notes: new Map(resources.map((r) => [r.id as string, r])) };
}

describe('embedded store data file', () => {
  it('is one JSON value per line: a header, the records, every document on a line of its own, and an end mark', async () => {
    const { dataFile } = await savedFile();
    const lines = readFileSync(dataFile, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(JSON.parse(lines[0]!)).toEqual({ version: 2, journalSeq: expect.any(Number) });
    const values = lines.slice(1).map((line) => JSON.parse(line) as unknown);
    expect(values.filter((v) => !Array.isArray(v)).map((v) => (v as { id: string }).id).filter((id) => id.startsWith('n'))).toEqual(['n1', 'n2', 'n3']);
    expect(values.at(-1)).toEqual(['end', expect.any(Number)]);
    expect(values.filter((v) => Array.isArray(v) && v[0] === 'container')).toHaveLength(1);
  });

  it('loads what it saved, etags, line breaks and accents included, and answers queries scoped to a partition', async () => {
    const { dataFile, etags } = await savedFile();
    const { again, notes } = await notesIn(dataFile);
    expect(notes.get('n1')?.text).toBe('first line\nsecond line');
    expect(notes.get('n2')?.text).toBe('Raúl paid — “in full”');
    expect(new Map([...notes].map(([id, doc]) => [id, doc._etag as string]))).toEqual(etags);
    const { resources } = await again.notes.items.query('SELECT * FROM c', { partitionKey: 'A1' }).fetchAll();
    expect(resources).toHaveLength(3);
  });

  it('still reads a data file in the earlier format (one JSON object), and saves it in the new one', async () => {
    const { dataFile, etags } = await savedFile();
    writeFileSync(dataFile, JSON.stringify(asFormat1(readFileSync(dataFile, 'utf8'))));
    expect(readFileSync(dataFile, 'utf8').startsWith('{"version":1,')).toBe(true);
    const { again, notes } = await notesIn(dataFile);
    expect(new Map([...notes].map(([id, doc]) => [id, doc._etag as string]))).toEqual(etags);
    await again.notes.items.create({ id: 'n4', accountId: 'A2', text: 'after the upgrade' });
    await stop(again);
    expect(readFileSync(dataFile, 'utf8').startsWith('{"version":2,')).toBe(true);
    const { notes: after } = await notesIn(dataFile);
    expect([...after.keys()].sort()).toEqual(['n1', 'n2', 'n3', 'n4']);
  });

  it('refuses a file cut short or damaged, names it, and leaves it as it was', async () => {
    const { dataFile } = await savedFile();
    const whole = readFileSync(dataFile, 'utf8');
    const cut = whole.slice(0, whole.lastIndexOf('["end"'));
    writeFileSync(dataFile, cut);
    await expect(startEmbeddedCosmos({ dataFile, logger: silentLogger() })).rejects.toThrow(/cosmos\.json was cut short/);
    expect(readFileSync(dataFile, 'utf8')).toBe(cut);

    const lines = whole.split('\n');
    const broken = [...lines.slice(0, 4), '{"id":"half', ...lines.slice(4)].join('\n');
    writeFileSync(dataFile, broken);
    await expect(startEmbeddedCosmos({ dataFile, logger: silentLogger() })).rejects.toThrow(/cosmos\.json line 5 is damaged/);
    expect(readFileSync(dataFile, 'utf8')).toBe(broken);

    writeFileSync(dataFile, '{"hello": "world"}');
    await expect(startEmbeddedCosmos({ dataFile, logger: silentLogger() })).rejects.toThrow(/is not an embedded Cosmos DB data file/);
  });

  it('answers 503 while its data file is still loading', async () => {
    const { createServer } = await import('node:http');
    const server = createServer(createRequestHandler(() => undefined, () => undefined));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.address() as { port: number };
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/dbs/file-test', method: 'GET' }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body)).toMatchObject({ message: 'the embedded store is still loading its data file' });
  });
});

describe('reading a file line by line', () => {
  it('hands over every line in order, across chunks, a line longer than a chunk and a last line without a newline', async () => {
    const file = join(newDir(), 'lines.txt');
    // Longer than two chunks (2 MB each), so one chunk holds no line end at all.
    const long = `é${'x'.repeat(5 * 1024 * 1024)}é`;
    const lines = ['first', '', long, ...Array.from({ length: 50_000 }, (_, i) => `line ${i} ü`), 'last, no newline'];
    writeFileSync(file, lines.join('\n'));
    const seen: string[] = [];
    const read = await readLines(file, (line, index) => {
      expect(index).toBe(seen.length);
      seen.push(line);
    }, { maxLineBytes: 8 * 1024 * 1024 });
    expect(seen).toEqual(lines);
    expect(read.lines).toBe(lines.length);
    expect(read.bytes).toBe(Buffer.byteLength(lines.join('\n')));
  });

  it('stops at a line longer than allowed', async () => {
    const file = join(newDir(), 'one-line.txt');
    writeFileSync(file, 'y'.repeat(5 * 1024 * 1024));
    await expect(readLines(file, () => undefined, { maxLineBytes: 1024 * 1024 })).rejects.toThrow(/line 1 is longer than 1048576 bytes/);
  });
});

/** The same content in format 1: one object, the documents of each container in an array. */
function asFormat1(text: string): unknown {
  const [header, ...records] = text.trim().split('\n').map((line) => JSON.parse(line) as unknown);
  const databases: { data: unknown; ridCount: number; collections: { data: unknown; ridCount: number; documents: unknown[] }[] }[] = [];
  let databaseRidCount = 0;
  for (const record of records) {
    if (!Array.isArray(record)) {
      databases.at(-1)!.collections.at(-1)!.documents.push(record);
      continue;
    }
    const [kind, value] = record as [string, never];
    if (kind === 'database') databases.push({ data: value, ridCount: 0, collections: [] });
    else if (kind === 'container') databases.at(-1)!.collections.push({ data: value, ridCount: 0, documents: [] });
    else if (kind === 'containerEnd') databases.at(-1)!.collections.at(-1)!.ridCount = value;
    else if (kind === 'databaseEnd') databases.at(-1)!.ridCount = value;
    else databaseRidCount = value;
  }
  return { version: 1, journalSeq: (header as { journalSeq: number }).journalSeq, databases, databaseRidCount };
}
