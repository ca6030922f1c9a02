import { Agent } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { connect as tlsConnect, createServer as createTlsServer } from 'node:tls';
import { CosmosClient, type Container } from '@azure/cosmos';
import { silentLogger } from '../../src/shared/logger';
import { CONTAINERS, PARTITION_KEYS, type ContainerName } from '../../src/store/containers';
import type { Store } from '../../src/store/cosmos-store';
import { startEmbeddedCosmos, type EmbeddedCosmos } from '../../src/store/embedded/embedded-cosmos';
import { createLoopbackCertificate } from '../../src/store/embedded/tls';

/** The store (as openStore gives it) behind a gate that can stop the embedded server and start it again. */
export interface GatedStore {
  store: Store;
  /** Cuts every connection, stops listening and stops the embedded server (which saves its data file first). */
  stop(): Promise<void>;
  /** Starts a new embedded server from the same data file and listens again on the same port. */
  start(): Promise<void>;
  readonly running: boolean;
}

/**
 * The embedded Cosmos server always starts on a new port with a new certificate, and `Store.close()`
 * stops it for good, so a client cannot outlive a restart. This test-only gate gives the client one
 * endpoint that stays put: a TLS listener on a fixed loopback port that passes each connection
 * through to whichever embedded server is running. `stop()` really stops that server (it saves its
 * data file and closes) and refuses connections; `start()` starts a new one from the data file. The
 * requests are the real `@azure/cosmos` SDK's, answered by the real embedded server.
 */
export async function openGatedStore(options: { dataFile: string; database: string }): Promise<GatedStore> {
  const certificate = await createLoopbackCertificate();
  const startServer = () => startEmbeddedCosmos({ dataFile: options.dataFile, logger: silentLogger(), saveDelayMs: 20 });
  let backend: EmbeddedCosmos | undefined = await startServer();
  const sockets = new Set<Socket>();
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  const gate = createTlsServer({ cert: certificate.cert, key: certificate.key }, (client) => {
    track(client);
    if (!backend) return void client.destroy();
    const upstream = tlsConnect({ host: '127.0.0.1', port: Number(new URL(backend.endpoint).port), ca: backend.ca });
    track(upstream);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) socket.on('error', end).on('close', end);
    client.pipe(upstream).pipe(client);
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      gate.once('error', reject);
      gate.listen(port, '127.0.0.1', () => {
        gate.off('error', reject);
        resolve();
      });
    });
  await listen(0);
  const { port } = gate.address() as AddressInfo;

  const client = new CosmosClient({
    endpoint: `https://127.0.0.1:${port}/`,
    key: 'embedded-server-accepts-any-key',
    agent: new Agent({ ca: certificate.cert, keepAlive: true, maxSockets: 64 }),
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  const { database } = await client.databases.createIfNotExists({ id: options.database });
  const containers = {} as Record<ContainerName, Container>;
  for (const name of Object.values(CONTAINERS)) {
    containers[name] = (await database.containers.createIfNotExists({ id: name, partitionKey: { paths: [PARTITION_KEYS[name]] } })).container;
  }

  const stop = async () => {
    const closed = new Promise<void>((resolve) => gate.close(() => resolve()));
    for (const socket of sockets) socket.destroy();
    await closed;
    const server = backend;
    backend = undefined;
    await server?.close();
  };
  const start = async () => {
    backend = await startServer();
    await listen(port);
  };
  const store: Store = {
    client,
    database,
    containers,
    description: `embedded Cosmos DB behind a test gate on port ${port}`,
    loadedDocuments: 0,
    flush: async () => backend?.flush(),
    close: async () => {
      client.dispose();
      if (gate.listening) await stop();
    },
  };
  return {
    store,
    stop,
    start,
    get running() {
      return backend !== undefined;
    },
  };
}
