import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');

it("the bot's process does not load the embedded server's code (it runs in a process of its own; 4 MB of source and its query compiler)", () => {
  const script = "require('./src/deskmate'); const loaded = Object.keys(require.cache); console.log(JSON.stringify({ files: loaded.length, server: loaded.filter((f) => /@vercel[\\\\/]cosmosdb-server|@zeit[\\\\/]cosmosdb-query|@turf[\\\\/]/.test(f)) }));";
  const out = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 }).trim().split('\n').pop()!) as { files: number; server: string[] };
  expect(out.files).toBeGreaterThan(500);
  expect(out.server).toEqual([]);
}, 60_000);
