import { fork, type ChildProcess } from 'node:child_process';
import { extname, join, resolve } from 'node:path';
import type { Config } from '../../config';
import type { Logger } from '../../shared/logger';
import type { EmbeddedCosmos } from './embedded-cosmos';
import { childMessage, type ChildMessage, type ParentMessage } from './store-process-messages';

/** The embedded server in its own process (see store-process.ts), with that process's id. */
export interface EmbeddedCosmosProcess extends EmbeddedCosmos {
  readonly pid: number;
}

const PROJECT_ROOT = resolve(__dirname, '..', '..', '..');
// Built (`npm run build`, dist/*.js) the child runs store-process.js as it is; from source (tests,
// `npm run dev`) it runs store-process.ts through tsx, as its parent does.
const OWN_EXTENSION = extname(__filename);
const ENTRY = join(__dirname, `store-process${OWN_EXTENSION}`);
const ENTRY_NODE_FLAGS = OWN_EXTENSION === '.ts' ? ['--import', 'tsx'] : [];

/**
 * Starts the embedded Cosmos DB server in a child process on the data file and waits until it has
 * loaded it (at most `startLimitMs`). The child stops when `close()` is called or this process ends.
 */
export async function startEmbeddedCosmosProcess(options: { dataFile: string; logger: Logger; logLevel?: string; startLimitMs?: number; saveDelayMs?: number }): Promise<EmbeddedCosmosProcess> {
  const { dataFile, logger, startLimitMs = 120_000 } = options;
  const child = fork(ENTRY, [], {
    cwd: PROJECT_ROOT,
    execArgv: ENTRY_NODE_FLAGS,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_OPTIONS: process.env.NODE_OPTIONS ?? '',
      EMBEDDED_STORE_FILE: resolve(dataFile),
      LOG_LEVEL: options.logLevel ?? logger.level,
      ...(options.saveDelayMs === undefined ? {} : { EMBEDDED_STORE_SAVE_DELAY_MS: String(options.saveDelayMs) }),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'json',
  });
  const flushes = new Map<number, () => void>();
  let nextFlush = 0;
  let exited = false;
  const exitedPromise = new Promise<void>((done) => child.once('exit', () => done()));
  child.once('exit', (code, signal) => {
    exited = true;
    flushes.forEach((done) => done());
    flushes.clear();
    if (code !== 0) logger.error({ code, signal }, 'embedded store process stopped');
  });
  child.on('message', (raw) => {
    const message = childMessage.safeParse(raw);
    if (message.success && message.data.type === 'flushed') {
      flushes.get(message.data.id)?.();
      flushes.delete(message.data.id);
    }
  });
  const ready = await waitForReady(child, startLimitMs);
  const tell = (message: ParentMessage) => {
    if (!exited && child.connected) child.send(message);
  };
  return {
    pid: child.pid!,
    endpoint: ready.endpoint,
    ca: ready.ca,
    loadedDocuments: ready.loadedDocuments,
    flush: () =>
      new Promise<void>((done) => {
        if (exited) return done();
        const id = ++nextFlush;
        flushes.set(id, done);
        tell({ type: 'flush', id });
      }),
    close: async () => {
      tell({ type: 'close' });
      await exitedPromise;
    },
  };
}

function waitForReady(child: ChildProcess, limitMs: number): Promise<Extract<ChildMessage, { type: 'ready' }>> {
  return new Promise((resolvePromise, reject) => {
    const fail = (why: string) => {
      cleanup();
      child.kill('SIGKILL');
      reject(new Error(`the embedded store did not start: ${why}`));
    };
    const timer = setTimeout(() => fail(`not ready after ${limitMs / 1000} s`), limitMs);
    const onMessage = (raw: unknown) => {
      const message = childMessage.safeParse(raw);
      if (!message.success) return;
      if (message.data.type === 'ready') {
        cleanup();
        resolvePromise(message.data);
      } else if (message.data.type === 'failed') {
        fail(message.data.message);
      }
    };
    const onExit = (code: number | null) => fail(`its process exited (code ${code})`);
    const cleanup = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/**
 * Starts the embedded store's process now, when the config names the embedded store with a data
 * file, for `openStore` to take later (`started`): its data file loads while the bot's own modules
 * and KB do. Undefined for Azure Cosmos DB.
 */
export function startStoreEarly(cosmos: Config['cosmos'], logger: Logger): Promise<EmbeddedCosmosProcess> | undefined {
  if (cosmos.kind !== 'embedded') return undefined;
  const started = startEmbeddedCosmosProcess({ dataFile: cosmos.dataFile, logger });
  // Awaited by openStore; until then a failure must not count as an unhandled rejection.
  started.catch(() => undefined);
  return started;
}
