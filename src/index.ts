import { ConfigError, parseConfig, type Config } from './config';
import { readEnvironment } from './env-files';
import { createLogger } from './shared/logger';
import { startStoreEarly } from './store/embedded/embedded-cosmos-process';

/** Process entry: config -> store -> app -> server, and a clean stop on SIGTERM or SIGINT. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = parseConfig(readEnvironment(process.cwd(), process.env));
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Deskmate cannot start: the configuration is invalid.\n${error.problems.map((p) => `  ${p}\n`).join('')}`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));

  // The embedded store's process starts loading its data file first; the rest of the bot (teams-ai,
  // botbuilder, the features: about 1.5 s of module loading) is loaded meanwhile.
  const startedStore = startStoreEarly(config.cosmos, logger);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startDeskmate } = require('./deskmate') as typeof import('./deskmate');
  const deskmate = await startDeskmate(config, logger, { startedStore });
  const stop = async (signal: string) => {
    logger.info({ signal }, 'stopping: finishing in-flight turns and saving the store');
    try {
      await deskmate.stop();
      logger.info('stopped cleanly');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'stop failed');
      process.exit(1);
    }
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Deskmate failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
