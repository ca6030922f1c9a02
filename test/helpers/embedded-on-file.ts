import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Container, CosmosClient } from '@azure/cosmos';
import { silentLogger } from '../../src/shared/logger';
import { embeddedClient } from '../../src/store/cosmos-store';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../src/store/embedded/embedded-cosmos';
import { tempDir } from './temp-dir';

export interface ServerOnFile {
  server: EmbeddedCosmos;
  client: CosmosClient;
  /** A `notes` container partitioned by /accountId. */
  notes: Container;
}

/**
 * Embedded servers in this process on data files in temporary folders, with a `notes` container in
 * `database`. After each test every server still running is closed and the folders removed.
 */
export function serversOnFiles(database: string) {
  const running: Omit<ServerOnFile, 'notes'>[] = [];
  const dirs: { remove: () => void }[] = [];
  afterEach(async () => {
    for (const { server, client } of running.splice(0)) {
      client.dispose();
      await server.close();
    }
    dirs.splice(0).forEach((d) => d.remove());
  });
  return {
    /** A data file path in a new temporary folder (no file there yet). */
    newDataFile(): string {
      const dir = tempDir();
      dirs.push(dir);
      return join(dir.path, 'cosmos.json');
    },
    async start(dataFile: string, compactFloorBytes?: number): Promise<ServerOnFile> {
      const server = await startEmbeddedCosmos({ dataFile, logger: silentLogger(), saveDelayMs: 10, compactFloorBytes });
      const client = embeddedClient(server);
      running.push({ server, client });
      const { database: db } = await client.databases.createIfNotExists({ id: database });
      const { container: notes } = await db.containers.createIfNotExists({ id: 'notes', partitionKey: { paths: ['/accountId'] } });
      return { server, client, notes };
    },
    /** Closes a server as a clean stop does (its journal folded into the data file). */
    async stop(started: ServerOnFile): Promise<void> {
      running.splice(running.findIndex((r) => r.server === started.server), 1);
      started.client.dispose();
      await started.server.close();
    },
  };
}
