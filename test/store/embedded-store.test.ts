import { existsSync, readFileSync } from 'node:fs';
import { journalSeqs } from '../../src/store/embedded/journal';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/cosmos-store';
import { CONTAINERS, PARTITION_KEYS } from '../../src/store/containers';
import { silentLogger } from '../../src/shared/logger';
import { tempDir } from '../helpers/temp-dir';

const open: Store[] = [];
const dirs: { remove: () => void }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  dirs.splice(0).forEach((d) => d.remove());
});

async function storeAt(dataFile: string) {
  const store = await openStore({ kind: 'embedded', dataFile, database: 'deskmate-test' }, silentLogger());
  open.push(store);
  return store;
}

describe('embedded Cosmos DB store', () => {
  it('creates every container with its partition key', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const store = await storeAt(join(dir.path, 'cosmos.json'));
    for (const name of Object.values(CONTAINERS)) {
      const { resource } = await store.containers[name].read();
      expect(resource?.partitionKey?.paths).toEqual([PARTITION_KEYS[name]]);
    }
  });

  it('keeps what was written across a restart, etags included', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = join(dir.path, 'nested', 'cosmos.json');
    const first = await storeAt(file);
    const { resource: written } = await first.containers.notes.items.create({ id: 'n1', accountId: 'A1', text: 'Called about the gate code' });
    await first.close();
    open.splice(open.indexOf(first), 1);
    expect(existsSync(file)).toBe(true);

    const second = await storeAt(file);
    const { resource: read } = await second.containers.notes.item('n1', 'A1').read();
    expect(read?.text).toBe('Called about the gate code');
    expect(read?._etag).toBe(written?._etag);
    const { resources } = await second.containers.notes.items.query('SELECT * FROM c WHERE c.accountId = "A1"').fetchAll();
    expect(resources.map((r) => r.id)).toEqual(['n1']);
    // New documents after a restart get fresh resource ids, not ones that clash with loaded documents.
    await second.containers.notes.items.create({ id: 'n2', accountId: 'A1', text: 'second' });
    const { resources: both } = await second.containers.notes.items.readAll().fetchAll();
    expect(new Set(both.map((r) => r._rid)).size).toBe(2);
  });

  it('runs the server in a process of its own, and a change outlives that process being killed', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = join(dir.path, 'cosmos.json');
    const store = await storeAt(file);
    expect(store.storePid).toBeGreaterThan(0);
    expect(store.storePid).not.toBe(process.pid);
    const { resource: written } = await store.containers.people.items.upsert({ id: 'p1', name: 'Test Person' });
    // Saved within the save delay (500 ms): wait until the journal has it, then kill the server without warning.
    const journalHas = () => journalSeqs(file).some((seq) => readFileSync(`${file}.journal.${seq}`, 'utf8').includes('Test Person'));
    const deadline = Date.now() + 3000;
    while (Date.now() < deadline && !journalHas()) await new Promise((r) => setTimeout(r, 50));
    expect(journalHas()).toBe(true);
    process.kill(store.storePid!, 'SIGKILL');

    const again = await storeAt(file);
    const { resource } = await again.containers.people.item('p1', 'p1').read();
    expect(resource?.name).toBe('Test Person');
    expect(resource?._etag).toBe(written?._etag);
  });

  it('refuses a replace with a stale etag', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const store = await storeAt(join(dir.path, 'cosmos.json'));
    const { resource } = await store.containers.accounts.items.create({ id: 'a1', name: 'x' });
    await store.containers.accounts.item('a1', 'a1').replace({ id: 'a1', name: 'y' });
    const stale = store.containers.accounts.item('a1', 'a1').replace({ id: 'a1', name: 'z' }, { accessCondition: { type: 'IfMatch', condition: resource!._etag } });
    await expect(stale).rejects.toMatchObject({ code: 412 });
  });
});
