import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import Account from '@vercel/cosmosdb-server/lib/account';
import type { Logger } from '../../shared/logger';
import { createLoopbackCertificate } from './tls';
import { createRequestHandler } from './request-handler';
import { scopeQueriesByPartition } from './partition-scope';
import { loadDataFile, startPersistence, type Persistence } from './persistence';

/** A running in-process Cosmos DB server on 127.0.0.1 that saves its data to a file. */
export interface EmbeddedCosmos {
  readonly endpoint: string;
  /** The certificate the client must trust (and only for this endpoint). */
  readonly ca: string;
  /** How many documents were loaded from the data file at start. */
  readonly loadedDocuments: number;
  /** The server's own process id, when it runs in a process of its own. */
  readonly pid?: number;
  /** Writes pending changes to the data file now. */
  flush(): Promise<void>;
  /** Stops the server and saves (the journal folded into the data file). */
  close(): Promise<void>;
}

export interface EmbeddedCosmosOptions {
  /** Where data is saved; undefined keeps it in memory only (tests). */
  dataFile?: string;
  /** The longest time a change waits before it is saved. */
  saveDelayMs?: number;
  /** The journal is folded into the data file once it is larger than this and half the data file. */
  compactFloorBytes?: number;
  logger: Logger;
}

/** Starts the embedded server on a free loopback port and loads its data file (and journal) if there is one. */
export async function startEmbeddedCosmos(options: EmbeddedCosmosOptions): Promise<EmbeddedCosmos> {
  const { dataFile, logger, saveDelayMs = 500, compactFloorBytes } = options;
  const tls = await createLoopbackCertificate();
  // Served once its data file is loaded: until then requests are answered 503.
  let serving: Account | undefined;
  let persistence: Persistence | undefined;
  const server = createServer({ cert: tls.cert, key: tls.key, keepAlive: true }, createRequestHandler(() => serving, () => persistence?.schedule()));
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const account = new Account('127.0.0.1', port);
  scopeQueriesByPartition(account);
  let loadedDocuments = 0;
  if (dataFile) {
    const loaded = await loadDataFile(account, dataFile, logger).catch(async (error: unknown) => {
      await closeServer(server);
      throw error;
    });
    loadedDocuments = loaded.documents;
    if (loaded.journalChanges > 0) logger.info({ dataFile, changes: loaded.journalChanges }, 'embedded store: journal replayed');
    persistence = startPersistence(account, { dataFile, delayMs: saveDelayMs, logger, loaded, compactFloorBytes });
  }
  serving = account;
  return {
    endpoint: `https://127.0.0.1:${port}/`,
    ca: tls.cert,
    loadedDocuments,
    flush: async () => persistence?.flush(),
    close: async () => {
      await closeServer(server);
      await persistence?.close();
    },
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
  });
}
