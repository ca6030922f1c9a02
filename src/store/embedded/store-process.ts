/**
 * The embedded Cosmos DB server in a process of its own, started by `startEmbeddedCosmosProcess`:
 * its documents, queries and saves use this process's memory and CPU, not the bot's, the way a real
 * Cosmos DB account is a service apart. It talks to its parent over the IPC channel only:
 *   parent -> child: { type: 'flush', id } | { type: 'close' }
 *   child -> parent: { type: 'ready', endpoint, ca, loadedDocuments } | { type: 'flushed', id } | { type: 'failed', message }
 * It saves and exits when told to close, on SIGTERM, or when the parent goes away. Ctrl-C in a
 * terminal reaches the whole process group; the parent decides when this process stops, so SIGINT is ignored.
 */
import { createLogger } from '../../shared/logger';
import { startEmbeddedCosmos, type EmbeddedCosmos } from './embedded-cosmos';
import { parentMessage, type ChildMessage } from './store-process-messages';

const send = (message: ChildMessage) => process.send?.(message);

async function main(): Promise<void> {
  const dataFile = process.env.EMBEDDED_STORE_FILE;
  if (!dataFile || !process.send) throw new Error('store-process must be started by startEmbeddedCosmosProcess with EMBEDDED_STORE_FILE');
  const logger = createLogger(process.env.LOG_LEVEL ?? 'info').child({ part: 'embedded-store' });
  const saveDelayMs = Number(process.env.EMBEDDED_STORE_SAVE_DELAY_MS ?? 500);
  const cosmos: EmbeddedCosmos = await startEmbeddedCosmos({ dataFile, logger, saveDelayMs });
  let closing: Promise<void> | undefined;
  const close = (why: string) =>
    (closing ??= cosmos.close().then(
      () => {
        logger.info({ why }, 'embedded store saved and stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error, why }, 'embedded store: saving at stop failed');
        process.exit(1);
      },
    ));
  process.on('message', (raw) => {
    const message = parentMessage.safeParse(raw);
    if (!message.success) return;
    if (message.data.type === 'flush') {
      const { id } = message.data;
      void cosmos.flush().then(() => send({ type: 'flushed', id }));
    } else {
      void close('asked to close');
    }
  });
  process.on('disconnect', () => void close('the parent went away'));
  process.on('SIGTERM', () => void close('SIGTERM'));
  process.on('SIGINT', () => undefined);
  send({ type: 'ready', endpoint: cosmos.endpoint, ca: cosmos.ca, loadedDocuments: cosmos.loadedDocuments });
}

main().catch((error: unknown) => {
  send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exitCode = 1;
  process.disconnect?.();
});
