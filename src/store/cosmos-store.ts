import { Agent } from 'node:https';
import { CosmosClient, type Container, type Database } from '@azure/cosmos';
import { DefaultAzureCredential } from '@azure/identity';
import type { Config } from '../config';
import type { Logger } from '../shared/logger';
import { CONTAINERS, PARTITION_KEYS, type ContainerName } from './containers';
import type { EmbeddedCosmos } from './embedded/embedded-cosmos';
import { startEmbeddedCosmosProcess, type EmbeddedCosmosProcess } from './embedded/embedded-cosmos-process';

/** The one Cosmos client of the process, with every container ready to use. */
export interface Store {
  readonly client: CosmosClient;
  readonly database: Database;
  readonly containers: Record<ContainerName, Container>;
  /** Where the data lives, for the start banner: "embedded (file .data/cosmos.json)" or the Azure host. */
  readonly description: string;
  /** Documents loaded from the embedded data file at start (0 on Azure). */
  readonly loadedDocuments: number;
  /** The embedded store's own process, when it has one. */
  readonly storePid?: number;
  /** Saves pending embedded writes (no-op on Azure). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** Opens the store the config names: Azure Cosmos DB, or the embedded server with its data file. */
export async function openStore(cosmos: Config['cosmos'], logger: Logger, options: { persist?: boolean; started?: Promise<EmbeddedCosmosProcess> } = {}): Promise<Store> {
  if (cosmos.kind === 'azure') {
    const client = new CosmosClient({
      endpoint: cosmos.endpoint,
      ...(cosmos.key ? { key: cosmos.key } : { aadCredentials: new DefaultAzureCredential() }),
    });
    const host = new URL(cosmos.endpoint).host;
    return prepare(client, cosmos.database, `Azure Cosmos DB at ${host}`, 0, async () => undefined, async () => client.dispose());
  }
  const persist = options.persist ?? true;
  // With a data file the server runs in a process of its own, as a real Cosmos DB account would: its
  // documents, queries and saves never hold up a turn. In memory only (tests), it runs in this process.
  // `started`: the process index.ts forked before loading the rest of the bot (see startStoreEarly).
  const embedded = persist ? await (options.started ?? startEmbeddedCosmosProcess({ dataFile: cosmos.dataFile, logger })) : await startInMemory(logger);
  const client = embeddedClient(embedded);
  const description = persist ? `embedded Cosmos DB (data file ${cosmos.dataFile})` : 'embedded Cosmos DB (in memory)';
  const store = await prepare(client, cosmos.database, description, embedded.loadedDocuments, embedded.flush, async () => {
    client.dispose();
    await embedded.close();
  });
  return { ...store, storePid: embedded.pid };
}

/** The server in this process (tests). Loaded only then: a bot whose store runs in its own process never loads the server's code (4 MB of it, with its query compiler). */
async function startInMemory(logger: Logger): Promise<EmbeddedCosmos> {
  const { startEmbeddedCosmos } = await import('./embedded/embedded-cosmos.js');
  return startEmbeddedCosmos({ logger });
}

export function embeddedClient(embedded: EmbeddedCosmos): CosmosClient {
  // Trust the embedded server's own certificate, for this client's connections only.
  const agent = new Agent({ ca: embedded.ca, keepAlive: true, maxSockets: 64 });
  return new CosmosClient({
    endpoint: embedded.endpoint,
    key: 'embedded-server-accepts-any-key',
    agent,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
}

async function prepare(
  client: CosmosClient,
  databaseId: string,
  description: string,
  loadedDocuments: number,
  flush: () => Promise<void>,
  close: () => Promise<void>,
): Promise<Store> {
  const { database } = await client.databases.createIfNotExists({ id: databaseId });
  const entries = await Promise.all(
    (Object.values(CONTAINERS) as ContainerName[]).map(async (name) => {
      const { container } = await database.containers.createIfNotExists({ id: name, partitionKey: { paths: [PARTITION_KEYS[name]] } });
      return [name, container] as const;
    }),
  );
  return { client, database, containers: Object.fromEntries(entries) as Record<ContainerName, Container>, description, loadedDocuments, flush, close };
}
