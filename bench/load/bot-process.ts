/**
 * The bot under load, in its own process, built and started as `npm start` does (`npm run build`,
 * then `node <the start script's flags> dist/index.js`) on 127.0.0.1, with the benchmark's data
 * file and KB. Its memory (VmHWM, VmRSS) and CPU time come from /proc/<pid>, so they are the bot's
 * alone. The embedded store runs in a child process of the bot (as a real Cosmos DB account is a
 * service apart); its memory and CPU are read the same way.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { buildBot, startCommand } from '../../scripts/start-command';
import type { ServerCounts } from '../accounts/instrument';
import type { SdkCallCounts } from './bot-counters';

export interface BotCounts {
  sdk: SdkCallCounts;
  server: ServerCounts;
  serverCounting: boolean;
}

/** V8's view of the bot's memory (MB); `collected`: after a full GC. */
export interface BotHeap {
  collected: boolean;
  rssMb: number;
  heapTotalMb: number;
  heapUsedMb: number;
  externalMb: number;
  arrayBuffersMb: number;
  /** Per V8 space (new_space, old_space, code_space, large_object_space, ...): used and committed MB. */
  spaces?: Record<string, { usedMb: number; committedMb: number }>;
}

export interface BotMemory {
  /** Peak resident set so far (VmHWM), MB. */
  peakRssMb: number;
  /** Resident set now (VmRSS), MB. */
  rssMb: number;
}

/** A process's memory and CPU, read from /proc. */
export interface ProcessMeter {
  readonly pid: number;
  memory(): BotMemory;
  /** CPU time (user + system) it has used, s. */
  cpuSeconds(): number;
}

export interface BotProcess {
  readonly pid: number;
  /** The embedded store's own process (the bot's child), when it has one. */
  readonly store: ProcessMeter | undefined;
  readonly url: string;
  /** From spawn to the first 200 from /readyz, ms. */
  readonly readyMs: number;
  /** From spawn to the first answer from /healthz (the HTTP server is up), ms. */
  readonly httpUpMs: number;
  memory(): BotMemory;
  /** CPU time (user + system) the bot has used, s. */
  cpuSeconds(): number;
  /** Call counts from the preload module, when it is loaded. */
  counts(): Promise<BotCounts | undefined>;
  /** The heap from the preload module; `gc`: after a full GC (needs --expose-gc in the node flags). */
  heap(gc: boolean): Promise<BotHeap | undefined>;
  /** Waits until the bot and its store have used under 5% of a core for 1 s, at most `limitMs`; how long it waited. */
  settle(limitMs: number): Promise<{ waitedMs: number; settled: boolean }>;
  /** SIGTERM, as a service manager stops it; SIGKILL if it has not exited after `limitMs`. */
  stop(limitMs?: number): Promise<{ code: number | null; stopMs: number }>;
}

export interface BotOptions {
  env: Record<string, string>;
  logFile: string;
  countCalls: boolean;
  cpuProfDir?: string;
  /** Node flags after the start script's own (the last of a repeated V8 flag wins). */
  nodeFlags?: string[];
  /** Where the compiled call counters go (with `countCalls`). */
  runDir: string;
  readyLimitMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const CLOCK_TICKS = 100;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The bot's child process that runs the embedded store, if there is one. */
function storeProcessOf(botPid: number): ProcessMeter | undefined {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${botPid}/task/${botPid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return undefined;
  }
  const pid = children.find((child) => {
    try {
      return readFileSync(`/proc/${child}/cmdline`, 'utf8').includes('store-process');
    } catch {
      return false;
    }
  });
  if (pid === undefined) return undefined;
  let last: BotMemory = { peakRssMb: 0, rssMb: 0 };
  let lastCpu = 0;
  return {
    pid,
    // After the store process exits its last reading stays.
    memory: () => {
      try {
        return (last = procStatus(pid));
      } catch {
        return last;
      }
    },
    cpuSeconds: () => {
      try {
        return (lastCpu = procCpuSeconds(pid));
      } catch {
        return lastCpu;
      }
    },
  };
}

function procStatus(pid: number): BotMemory {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { peakRssMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
}

function procCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** CPU time every process on the machine has used (all cores), s: /proc/stat less idle and iowait. */
export function machineBusySeconds(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
  const total = ticks.slice(0, 8).reduce((sum, t) => sum + t, 0);
  return (total - ticks[3]! - ticks[4]!) / CLOCK_TICKS;
}

async function answers(url: string): Promise<number | undefined> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return undefined;
  }
}

/** bot-counters.ts as one CommonJS file in `runDir` (the built bot runs without tsx, so the preload is compiled too). */
function compileCounters(runDir: string): string {
  const outfile = join(runDir, 'bot-counters.cjs');
  buildSync({ entryPoints: [join(__dirname, 'bot-counters.ts')], outfile, bundle: true, packages: 'external', platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning' });
  return outfile;
}

/** Starts the bot and waits for /readyz; throws (with the log's tail) when it exits or is not ready in time. */
export async function startBot(options: BotOptions): Promise<BotProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  buildBot(process.cwd());
  const start = startCommand(process.cwd());
  const args = [
    ...start.nodeFlags,
    ...(options.nodeFlags ?? []),
    ...(options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : []),
    ...(options.countCalls ? ['--require', compileCounters(options.runDir)] : []),
    start.entry,
  ];
  const log = openSync(options.logFile, 'w');
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env, PORT: String(port) },
    stdio: ['ignore', log, log, 'ipc'],
  });
  closeSync(log);
  let exited: number | null | undefined;
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve((exited = code))));
  const tail = () => readFileSync(options.logFile, 'utf8').split('\n').slice(-20).join('\n');

  let httpUpMs = NaN;
  let readyMs = NaN;
  while (performance.now() - started < options.readyLimitMs) {
    if (exited !== undefined) throw new Error(`the bot exited with ${exited} before it was ready:\n${tail()}`);
    const status = await answers(`${url}/readyz`);
    if (status !== undefined && Number.isNaN(httpUpMs)) httpUpMs = performance.now() - started;
    if (status === 200) {
      readyMs = performance.now() - started;
      break;
    }
    await sleep(25);
  }
  const pid = child.pid!;
  if (Number.isNaN(readyMs)) {
    child.kill('SIGKILL');
    throw new Error(`the bot was not ready within ${options.readyLimitMs / 1000} s:\n${tail()}`);
  }

  let nextId = 0;
  /** Asks the preload module (over IPC) and waits for its answer, at most 30 s. */
  const ask = <T>(type: string, extra: Record<string, unknown> = {}): Promise<T | undefined> => {
    if (!options.countCalls || !child.connected) return Promise.resolve(undefined);
    const id = (nextId += 1);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        child.off('message', onMessage);
        resolve(undefined);
      }, 30_000);
      const onMessage = (message: { type?: string; id?: number }) => {
        if (message?.type !== type || message.id !== id) return;
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(message as T);
      };
      child.on('message', onMessage);
      child.send({ type, id, ...extra });
    });
  };
  const counts = async (): Promise<BotCounts | undefined> => {
    const message = await ask<BotCounts>('counts');
    return message && { sdk: message.sdk, server: message.server, serverCounting: message.serverCounting };
  };

  const store = storeProcessOf(pid);
  /** The bot's CPU and its store's: a write leaves work behind in the store (the journal, a rewrite of the data file). */
  const busyCpu = () => procCpuSeconds(pid) + (store?.cpuSeconds() ?? 0);
  return {
    pid,
    store,
    url,
    readyMs,
    httpUpMs,
    memory: () => procStatus(pid),
    cpuSeconds: () => procCpuSeconds(pid),
    counts,
    heap: async (gc) => (await ask<{ heap: BotHeap }>('heap', { gc }))?.heap,
    settle: async (limitMs) => {
      const t0 = performance.now();
      let quiet = 0;
      let cpu = busyCpu();
      let at = performance.now();
      while (performance.now() - t0 < limitMs) {
        await sleep(250);
        const nowCpu = busyCpu();
        const now = performance.now();
        quiet = (nowCpu - cpu) / ((now - at) / 1000) < 0.05 ? quiet + 1 : 0;
        cpu = nowCpu;
        at = now;
        if (quiet >= 4) return { waitedMs: performance.now() - t0, settled: true };
      }
      return { waitedMs: performance.now() - t0, settled: false };
    },
    stop: async (limitMs = 120_000) => {
      const t0 = performance.now();
      if (exited === undefined) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
        await exit;
        clearTimeout(timer);
      }
      return { code: exited ?? null, stopMs: performance.now() - t0 };
    },
  };
}
