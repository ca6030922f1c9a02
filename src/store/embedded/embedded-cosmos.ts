import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import Account from '@vercel/cosmosdb-server/lib/account';
import type { Logger } from '../../shared/logger';
import { createLoopbackCertificate } from './tls';
import { createRequestHandler } from './request-handler';
import { readSnapshotFile, restoreSnapshot, takeSnapshot, writeSnapshotFile } from './snapshot';

/** A running in-process Cosmos DB server on 127.0.0.1 that saves its data to a file. */
export interface EmbeddedCosmos {
  readonly endpoint: string;
  /** The certificate the client must trust (and only for this endpoint). */
  readonly ca: string;
  /** How many documents were loaded from the data file at start. */
  readonly loadedDocuments: number;
  /** Writes pending changes to the data file now. */
  flush(): Promise<void>;
  /** Saves and stops the server. */
  close(): Promise<void>;
}

export interface EmbeddedCosmosOptions {
  /** Where data is saved; undefined keeps it in memory only (tests). */
  dataFile?: string;
  /** The longest time a change waits before it is saved. */
  saveDelayMs?: number;
  logger: Logger;
}

/** Starts the embedded server on a free loopback port and loads its data file if there is one. */
export async function startEmbeddedCosmos(options: EmbeddedCosmosOptions): Promise<EmbeddedCosmos> {
  const { dataFile, logger, saveDelayMs = 500 } = options;
  const tls = await createLoopbackCertificate();
  let account: Account | undefined;
  const saver = createSaver(() => account, dataFile, saveDelayMs, logger);
  const server = createServer({ cert: tls.cert, key: tls.key, keepAlive: true }, createRequestHandler(() => account!, saver.schedule));
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  account = new Account('127.0.0.1', port);
  const loadedDocuments = dataFile ? loadInto(account, dataFile) : 0;
  return {
    endpoint: `https://127.0.0.1:${port}/`,
    ca: tls.cert,
    loadedDocuments,
    flush: saver.flush,
    close: async () => {
      await saver.flush();
      await closeServer(server);
    },
  };
}

function loadInto(account: Account, dataFile: string): number {
  const snapshot = readSnapshotFile(dataFile);
  if (!snapshot) return 0;
  restoreSnapshot(account, snapshot);
  return snapshot.databases.reduce((n, db) => n + db.collections.reduce((m, c) => m + c.documents.length, 0), 0);
}

function createSaver(account: () => Account | undefined, dataFile: string | undefined, delayMs: number, logger: Logger) {
  let timer: NodeJS.Timeout | undefined;
  let dirty = false;
  let saving: Promise<void> = Promise.resolve();
  const save = (): Promise<void> => {
    timer = undefined;
    saving = saving.then(async () => {
      const current = account();
      if (!dirty || !dataFile || !current) return;
      dirty = false;
      try {
        await writeSnapshotFile(dataFile, takeSnapshot(current));
      } catch (error) {
        dirty = true;
        logger.error({ err: error }, 'embedded store: saving the data file failed');
      }
    });
    return saving;
  };
  return {
    schedule: () => {
      dirty = true;
      if (!timer && dataFile) timer = setTimeout(() => void save(), delayMs);
    },
    flush: async () => {
      if (timer) clearTimeout(timer);
      await save();
    },
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
