import type { AzureOpenAIConfig, Config } from './config';
import type { Logger } from './shared/logger';
import { Readiness } from './shared/readiness';
import { startHttpServer, type BotEndpoint } from './server';
import { openStore, type Store } from './store/cosmos-store';
import type { EmbeddedCosmosProcess } from './store/embedded/embedded-cosmos-process';
import { seedDemoData } from './demo/seed-demo-data';
import { addFirstAdmins } from './features/people/first-admins';
import { PeopleStore } from './features/people/people.store';
import { createAdapter } from './bot/adapter';
import { createBot, createEscalationSlaSources, createReminderSources, installMiddleware } from './bot/app';
import { KbService } from './features/kb/kb.service';
import { loadKbSnapshot } from './features/kb/kb.loader';
import { watchKbFolder } from './features/kb/kb.watcher';
import { indexStoredMentorAnswers } from './features/kb/mentor-answers';
import { startTaskReminders } from './features/tasks/reminders';
import type { BackgroundLoop } from './shared/background-loop';
import { startEscalationSla } from './features/escalations';

/** A running Deskmate: its address, its store, its KB and a way to stop it cleanly. */
export interface RunningDeskmate {
  readonly url: string;
  readonly store: Store;
  readonly kb: KbService;
  /** Reloads the KB folder now (what `reload kb` and the file watcher do). */
  reloadKb(): Promise<void>;
  /** Stops taking requests, lets in-flight turns finish, saves the embedded store. */
  stop(): Promise<void>;
}

/**
 * Starts the whole bot: HTTP first (so /healthz answers at once and /readyz says 503 while the
 * store and KB load), then the store, demo data and KB, then the teams-ai Application.
 */
export async function startDeskmate(config: Config, logger: Logger, options: { persist?: boolean; watchKb?: boolean; reminderDelayMs?: number; startedStore?: Promise<EmbeddedCosmosProcess> } = {}): Promise<RunningDeskmate> {
  const readiness = new Readiness(['store', 'kb']);
  let bot: BotEndpoint | undefined;
  if (config.authDisabled) {
    logger.warn('BOT_ID is not set: Bot Framework authentication is OFF, so Deskmate listens on 127.0.0.1 only');
  }
  const http = await startHttpServer({ host: config.host, port: config.port, logger, readiness, bot: () => bot });
  let store: Store;
  let kb: KbService;
  try {
    [store, kb] = await Promise.all([openPreparedStore(config, logger, options.persist, options.startedStore), loadKb(config, logger)]);
    // Mentor answers ("Add to KB") are indexed with the files before the bot is ready; reloads keep them.
    await indexStoredMentorAnswers(store, kb);
  } catch (error) {
    await http.close(0);
    throw error;
  }
  const reloadKb = async () => {
    const next = await loadKbSnapshot(config.kbDir, { baseUrl: config.kbBaseUrl });
    kb.replace(next);
    logger.info({ articles: next.articles.length, sections: kb.sectionCount, problems: next.problems.length }, 'knowledge base reloaded');
  };
  const stopWatching = options.watchKb === false ? async () => undefined : watchKbFolder(config.kbDir, () => void reloadKb().catch((err: unknown) => logger.error({ err }, 'KB reload failed')));
  const adapter = createAdapter(config);
  installMiddleware(adapter, config, logger);
  const app = createBot({ config, store, logger, adapter, kb, reloadKb });
  bot = { adapter, run: (context) => app.run(context) };
  // Ready without waiting for KB embeddings: until they are, questions are ranked lexically.
  readiness.markReady('store');
  readiness.markReady('kb');
  // Once ready, not before: the store's process loads its data file on the other core until then.
  setImmediate(() => kb.warm());
  logger.info(
    { endpoint: `${http.url}/api/messages`, store: store.description, loadedDocuments: store.loadedDocuments, kbSections: kb.sectionCount, kbAnswers: kbAnswerMode(config), kbRanking: kbRankingMode(config) },
    `Deskmate is ready at ${http.url}/api/messages (store: ${store.description}; KB: ${config.kbDir}, ${kbAnswerMode(config)} answers${config.azureOpenAIEmbeddings ? `, ${kbRankingMode(config)} ranking once the sections are embedded` : ''})`,
  );
  // Overdue-task reminders, once ready (TASK_REMINDERS=off turns them off; `reminderDelayMs` is the wait before the first pass).
  const reminders: BackgroundLoop | undefined = config.taskReminders.enabled
    ? startTaskReminders({ sources: createReminderSources({ config, store, logger, adapter }), intervalMs: config.taskReminders.intervalMs, firstDelayMs: options.reminderDelayMs, logger })
    : undefined;
  // Mentor requests waiting past the SLA are re-announced in the mentors' channel (ESCALATION_SLA_CHECKS=off turns the passes off).
  const escalationSla: BackgroundLoop | undefined = config.escalations.slaChecks.enabled
    ? startEscalationSla({ sources: createEscalationSlaSources({ config, store, logger, adapter }), intervalMs: config.escalations.slaChecks.intervalMs, firstDelayMs: options.reminderDelayMs, logger })
    : undefined;

  let stopping: Promise<void> | undefined;
  return {
    url: http.url,
    store,
    kb,
    reloadKb,
    stop: () =>
      (stopping ??= (async () => {
        readiness.markStopping();
        await stopWatching();
        // A running reminder pass finishes its task in hand while the server drains; both end before the store closes.
        const remindersStopped = reminders?.stop();
        const slaStopped = escalationSla?.stop();
        await http.close();
        await remindersStopped;
        await slaStopped;
        await kb.close();
        await store.close();
      })()),
  };
}

async function openPreparedStore(config: Config, logger: Logger, persist?: boolean, started?: Promise<EmbeddedCosmosProcess>): Promise<Store> {
  const store = await openStore(config.cosmos, logger, { persist, started });
  if (config.demoData) {
    const demo = await seedDemoData(store);
    if (demo.seeded) logger.info({ counts: demo.counts }, 'demo data written to the empty store');
  }
  // After the demo data, which is written only into an empty people container.
  await addFirstAdmins(new PeopleStore(store.containers.people), config.firstAdmins, logger);
  return store;
}

async function loadKb(config: Config, logger: Logger): Promise<KbService> {
  const snapshot = await loadKbSnapshot(config.kbDir, { baseUrl: config.kbBaseUrl });
  snapshot.problems.forEach((p) => logger.warn({ path: p.path, problem: p.problem }, 'knowledge base problem'));
  logger.info({ articles: snapshot.articles.length, problems: snapshot.problems.length }, 'knowledge base loaded');
  return new KbService(snapshot);
}

/** "generative (deployment at host)" when Azure OpenAI writes the answers, else "extractive". */
function kbAnswerMode(config: Config): string {
  return config.azureOpenAI ? `generative (${deploymentAt(config.azureOpenAI)})` : 'extractive';
}

/** "hybrid (deployment at host)" with an embedding deployment, else "lexical". */
function kbRankingMode(config: Config): string {
  return config.azureOpenAIEmbeddings ? `hybrid (${deploymentAt(config.azureOpenAIEmbeddings)})` : 'lexical';
}

function deploymentAt(c: AzureOpenAIConfig): string {
  return `${c.deployment} at ${new URL(c.endpoint).host}`;
}
