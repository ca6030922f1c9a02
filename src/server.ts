import restify from 'restify';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { Logger } from './shared/logger';
import type { Readiness } from './shared/readiness';

/** What the server needs to hand a turn to the bot; absent until the bot is ready. */
export interface BotEndpoint {
  adapter: TeamsAdapter;
  run(context: TurnContext): Promise<unknown>;
}

export interface HttpServer {
  readonly url: string;
  /** Stops taking requests and resolves when in-flight requests are done (or the grace time ends). */
  close(graceMs?: number): Promise<void>;
}

/**
 * The HTTP transport: POST /api/messages into the adapter, GET /healthz and GET /readyz.
 * No feature code lives here.
 */
export async function startHttpServer(options: {
  host: string;
  port: number;
  logger: Logger;
  readiness: Readiness;
  bot: () => BotEndpoint | undefined;
}): Promise<HttpServer> {
  const { logger, readiness } = options;
  const server = restify.createServer({ name: 'deskmate', handleUncaughtExceptions: false });
  let inFlight = 0;
  let drained: (() => void) | undefined;
  server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));

  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    return next();
  });
  server.get('/readyz', (_req, res, next) => {
    res.send(readiness.ready ? 200 : 503, readiness.ready ? { status: 'ready' } : { status: 'starting', waitingFor: readiness.waitingFor });
    return next();
  });
  server.post('/api/messages', async (req, res) => {
    const bot = options.bot();
    if (!bot || !readiness.ready) {
      res.send(503, { error: 'Deskmate is starting or stopping; try again shortly.' });
      return;
    }
    inFlight += 1;
    try {
      await bot.adapter.process(req, res, (context) => bot.run(context).then(() => undefined));
    } catch (error) {
      logger.error({ err: error }, 'message processing failed');
      if (!res.headersSent) res.send(500);
    } finally {
      inFlight -= 1;
      if (inFlight === 0) drained?.();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${address.port}`;

  return {
    url,
    close: async (graceMs = 10_000) => {
      const closed = new Promise<void>((resolve) => server.server.close(() => resolve()));
      server.server.closeIdleConnections();
      if (inFlight > 0) {
        await Promise.race([new Promise<void>((resolve) => (drained = resolve)), sleep(graceMs)]);
      }
      server.server.closeAllConnections();
      await closed;
    },
  };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
