import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBot, startCommand } from '../../scripts/start-command';
import { tempDir } from '../helpers/temp-dir';
import { postExpectReplies } from '../helpers/http';
import { visibleText } from '../helpers/bot-harness';

const root = resolve(__dirname, '../..');

interface Started {
  child: ChildProcess;
  url: string;
  lines: Record<string, unknown>[];
}

/** The built entry point with the start script's node flags, as `npm start` runs it, with only PATH and NODE_PATH from this environment. */
function spawnEntry(env: Record<string, string>): ChildProcess {
  const { nodeFlags, entry } = startCommand(root);
  return spawn(process.execPath, [...nodeFlags, entry], {
    cwd: root,
    env: { PATH: process.env.PATH, NODE_PATH: join(root, 'node_modules'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs the entry point until it exits: its exit code and what it wrote to stderr. */
async function runToExit(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawnEntry(env);
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += String(c)));
  return { code: await exitOf(child), stderr };
}

/** Starts the real entry point (`npm start` runs the same) and waits for its ready line. */
function startProcess(env: Record<string, string>): Promise<Started> {
  const child = spawnEntry({ PORT: '0', LOG_LEVEL: 'info', ...env });
  const lines: Record<string, unknown>[] = [];
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in 30 s:\n${JSON.stringify(lines)}`)), 30_000);
    let buffer = '';
    child.stdout!.on('data', (chunk) => {
      buffer += String(chunk);
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const part of parts) {
        const line = JSON.parse(part) as Record<string, unknown>;
        lines.push(line);
        if (typeof line.endpoint === 'string') {
          clearTimeout(timer);
          resolvePromise({ child, url: line.endpoint.replace(/\/api\/messages$/, ''), lines });
        }
      }
    });
    child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((r) => child.once('exit', (code) => r(code)));
}

describe('the deskmate process', () => {
  const dir = tempDir();
  beforeAll(() => buildBot(root), 120_000);
  afterAll(() => dir.remove());

  it('starts, answers, stops cleanly on SIGTERM and keeps its data across a restart', async () => {
    const dataFile = join(dir.path, 'cosmos.json');
    const env = { EMBEDDED_COSMOS_DATA: dataFile, DEMO_DATA: 'on', KB_DIR: join(root, 'kb') };
    const first = await startProcess(env);
    expect(first.lines.some((l) => l.msg === 'demo data written to the empty store')).toBe(true);
    const { replies } = await postExpectReplies(first.url, { text: 'whoami' });
    expect(visibleText(replies)).toContain('Alex Wilber');

    const exited = exitOf(first.child);
    first.child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(first.lines.some((l) => l.msg === 'stopped cleanly')).toBe(true);
    expect(existsSync(dataFile)).toBe(true);

    const second = await startProcess(env);
    try {
      const ready = second.lines.find((l) => typeof l.endpoint === 'string')!;
      expect(ready.loadedDocuments).toBeGreaterThan(1000);
      expect(second.lines.some((l) => l.msg === 'demo data written to the empty store')).toBe(false);
      const again = await postExpectReplies(second.url, { text: 'whoami' });
      expect(visibleText(again.replies)).toContain('Roles: Agent');
    } finally {
      const done = exitOf(second.child);
      second.child.kill('SIGINT');
      expect(await done).toBe(0);
    }
  }, 90_000);

  it('refuses to start with a bad configuration, one line per problem', async () => {
    const { code, stderr } = await runToExit({ PORT: 'abc', LOG_LEVEL: 'chatty' });
    expect(code).toBe(1);
    expect(stderr).toContain('PORT: expected a port number');
    expect(stderr).toContain('LOG_LEVEL: expected one of');
  });

  it('says why and exits when the data file is not a store snapshot (the store starts before the rest of the bot)', async () => {
    const dataFile = join(dir.path, 'not-a-snapshot.json');
    writeFileSync(dataFile, '{"hello": "world"}');
    const { code, stderr } = await runToExit({ PORT: '0', LOG_LEVEL: 'warn', EMBEDDED_COSMOS_DATA: dataFile, KB_DIR: join(root, 'kb') });
    expect(code).toBe(1);
    expect(stderr).toContain('Deskmate failed to start');
    expect(stderr).toContain('not-a-snapshot.json');
    expect(stderr).not.toMatch(/unhandled/i);
    expect(readFileSync(dataFile, 'utf8')).toBe('{"hello": "world"}');
  }, 30_000);
});
