import type { Config } from './config';
import type { Logger } from './shared/logger';
import { Readiness } from './shared/readiness';
import { startHttpServer, type BotEndpoint } from './server';
import { openStore, type Store } from './store/cosmos-store';
import { seedDemoData } from './demo/seed-demo-data';
import { createAdapter } from './bot/adapter';
import { createBot, installMiddleware } from './bot/app';

/** A running Deskmate: its address, its store and a way to stop it cleanly. */
export interface RunningDeskmate {
  readonly url: string;
  readonly store: Store;
  /** Stops taking requests, lets in-flight turns finish, saves the embedded store. */
  stop(): Promise<void>;
}

/**
 * Starts the whole bot: HTTP first (so /healthz answers at once and /readyz says 503 while the
 * store loads), then the store and demo data, then the teams-ai Application.
 */
export async function startDeskmate(config: Config, logger: Logger, options: { persist?: boolean } = {}): Promise<RunningDeskmate> {
  const readiness = new Readiness(['store']);
  let bot: BotEndpoint | undefined;
  if (config.authDisabled) {
    logger.warn('BOT_ID is not set: Bot Framework authentication is OFF, so Deskmate listens on 127.0.0.1 only');
  }
  const http = await startHttpServer({ host: config.host, port: config.port, logger, readiness, bot: () => bot });
  let store: Store;
  try {
    store = await openStore(config.cosmos, logger, options);
    if (config.demoData) {
      const demo = await seedDemoData(store);
      if (demo.seeded) logger.info({ counts: demo.counts }, 'demo data written to the empty store');
    }
  } catch (error) {
    await http.close(0);
    throw error;
  }
  const adapter = createAdapter(config);
  installMiddleware(adapter, config, logger);
  const app = createBot({ config, store, logger, adapter });
  bot = { adapter, run: (context) => app.run(context) };
  readiness.markReady('store');
  logger.info({ endpoint: `${http.url}/api/messages`, store: store.description, loadedDocuments: store.loadedDocuments }, `Deskmate is ready at ${http.url}/api/messages (store: ${store.description})`);

  let stopping: Promise<void> | undefined;
  return {
    url: http.url,
    store,
    stop: () =>
      (stopping ??= (async () => {
        readiness.markStopping();
        await http.close();
        await store.close();
      })()),
  };
}
