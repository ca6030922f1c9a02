import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchKbFolder } from '../../src/features/kb/kb.watcher';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` is true, up to `timeoutMs`; returns whether it became true. */
async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (check()) return true;
    await sleep(50);
  }
  return check();
}

describe('watchKbFolder', () => {
  let dir: string;
  let stop: (() => Promise<void>) | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'deskmate-kb-watch-'));
  });
  afterEach(async () => {
    await stop?.();
    stop = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it('calls onChange after a file is added, edited and removed, and not after stop', async () => {
    let calls = 0;
    stop = watchKbFolder(dir, () => {
      calls += 1;
    });
    await sleep(500); // let the watcher finish its initial scan

    await writeFile(join(dir, 'new-article.md'), '# Parcel Lockers\n\n## Pickup\nParcels wait in the lockers for five days.\n');
    expect(await waitFor(() => calls >= 1)).toBe(true);
    await sleep(700);
    expect(calls).toBe(1);

    await writeFile(join(dir, 'new-article.md'), '# Parcel Lockers\n\n## Pickup\nParcels now wait in the lockers for seven days.\n');
    expect(await waitFor(() => calls >= 2)).toBe(true);
    await sleep(700);
    expect(calls).toBe(2);

    await unlink(join(dir, 'new-article.md'));
    expect(await waitFor(() => calls >= 3)).toBe(true);

    await stop();
    stop = undefined;
    const afterStop = calls;
    await writeFile(join(dir, 'after-stop.md'), '# After Stop\n\n## Ignored\nThis change comes after the watcher stopped.\n');
    await sleep(1500);
    expect(calls).toBe(afterStop);
  });

  it('calls onChange once for a burst of changes', async () => {
    let calls = 0;
    stop = watchKbFolder(dir, () => {
      calls += 1;
    });
    await sleep(500);
    await Promise.all(['a.md', 'b.md', 'c.md'].map((name) => writeFile(join(dir, name), `# ${name}\n\n## Body\nSome text for ${name} that is long enough.\n`)));
    expect(await waitFor(() => calls >= 1)).toBe(true);
    await sleep(1000);
    expect(calls).toBe(1);
  });

  it('does not call onChange when nothing changes', async () => {
    let calls = 0;
    await writeFile(join(dir, 'existing.md'), '# Existing\n\n## Body\nThis file was there before watching started.\n');
    stop = watchKbFolder(dir, () => {
      calls += 1;
    });
    await sleep(1200);
    expect(calls).toBe(0);
  });
});
