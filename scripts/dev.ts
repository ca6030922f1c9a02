/**
 * `npm run dev`: the bot with the embedded store and demo data, and Microsoft 365 Agents Playground
 * pointed at it. Prints both addresses; Ctrl+C stops both (the bot saves its store first).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const BOT_PORT = Number(process.env.PORT ?? 3978);
const PLAYGROUND_PORT = 56150;
const root = resolve(__dirname, '..');
const children: ChildProcess[] = [];

function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} exited (${signal ?? code}); stopping.`);
      void stopAll(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

async function waitFor(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

let stopping = false;
async function stopAll(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
        }),
    ),
  );
  process.exit(code);
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  start('bot', process.execPath, ['--import', 'tsx', 'src/index.ts'], { PORT: String(BOT_PORT) });
  if (!(await waitFor(`http://127.0.0.1:${BOT_PORT}/readyz`, 60_000))) {
    console.error('The bot did not become ready within 60 s.');
    return stopAll(1);
  }
  const endpoint = `http://127.0.0.1:${BOT_PORT}/api/messages`;
  const cli = resolve(root, 'node_modules/@microsoft/m365agentsplayground/cli.js');
  start('Agents Playground', process.execPath, [cli, 'start', '-e', endpoint, '-c', 'msteams', '--disable-telemetry', '-p', String(PLAYGROUND_PORT)], {
    TEAMSAPPTESTER_BROWSER: 'none',
  });
  if (!(await waitFor(`http://127.0.0.1:${PLAYGROUND_PORT}/`, 60_000))) {
    console.error('Agents Playground did not start within 60 s.');
    return stopAll(1);
  }
  console.log('');
  console.log(`  Deskmate bot:       ${endpoint}`);
  console.log(`  Agents Playground:  http://127.0.0.1:${PLAYGROUND_PORT}`);
  console.log('  Open the Playground and type "help". Ctrl+C stops both.');
  console.log('');
}

void main();
