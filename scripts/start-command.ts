/**
 * What `npm start` runs, read from package.json, so that the process tests and the load benchmark
 * start the bot exactly as production does: `npm run build` (esbuild, src -> dist), then
 * `node <flags> dist/index.js`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface StartCommand {
  /** The node flags of the start script, before the entry point. */
  nodeFlags: string[];
  /** The built entry point, absolute. */
  entry: string;
}

/** Splits package.json's start script, which must read `node [--flag=value ...] <entry>.js`. */
export function startCommand(root: string): StartCommand {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const script = pkg.scripts?.start ?? '';
  const [command, ...rest] = script.trim().split(/\s+/);
  const entry = rest.pop();
  if (command !== 'node' || !entry?.endsWith('.js') || rest.some((word) => !word.startsWith('--'))) {
    throw new Error(`package.json's start script should read "node [--flag=value ...] <entry>.js", not "${script}"`);
  }
  return { nodeFlags: rest, entry: join(root, entry) };
}

/** Runs `npm run build` in `root`; throws with its output when it fails. */
export function buildBot(root: string): void {
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, encoding: 'utf8', shell: process.platform === 'win32', timeout: 120_000 });
  if (result.status !== 0) throw new Error(`npm run build failed (${result.status ?? result.signal ?? result.error?.message}):\n${result.stdout}${result.stderr}`);
}
