import { Application, type TeamsAdapter } from '@microsoft/teams-ai';
import type { BotAdapter, Storage, TurnContext } from 'botbuilder';
import type { Config } from '../config';
import type { Logger } from '../shared/logger';
import type { Store } from '../store/cosmos-store';
import { CosmosTurnStateStorage } from '../store/turn-state-storage';
import { PeopleService } from '../features/people/people.service';
import { PeopleStore } from '../features/people/people.store';
import { registerPeopleRoutes } from '../features/people/people.routes';
import { registerPeopleManageRoutes } from '../features/people/manage/people-manage.routes';
import { PeopleAdmin } from '../features/people/manage/people-manage.service';
import { registerHelpRoutes } from '../features/help/help.routes';
import { KB_SEARCH_COMMAND_ID, registerKbRoutes } from '../features/kb/kb.routes';
import type { KbService } from '../features/kb/kb.service';
import { KbFeedbackStore } from '../features/kb/kb.store';
import { createMentorAnswers, registerMentorAnswersRoutes } from '../features/kb/mentor-answers';
import { createAzureOpenAIAnswerer, type GenerativeAnswerer } from '../features/kb/generative/answerer';
import { createAzureOpenAIEmbedder, type Embedder } from '../features/kb/search/embeddings';
import { createRouteWrapper } from './route-wrapper';
import { BOT_COMMANDS } from './commands';
import { registerFallback } from './fallback';
import { accountServices } from './services';
import { registerAccountRoutes } from '../features/accounts/accounts.routes';
import { registerContactRoutes } from '../features/accounts/contact';
import { FIND_ACCOUNT_COMMAND_ID, registerFindAccountExtension } from '../features/accounts/find-extension/find-account.extension';
import { registerPromiseRoutes } from '../features/accounts/promise/promise.routes';
import { registerVerifyRoutes } from '../features/accounts/verify/verify.routes';
import { useCommandButtons, useExtensionEnvelopeCheck, useTenantGate, useTurnLog } from './turn-middleware';
import { openAccountAction } from '../features/accounts/cards/constants';
import { NoteComposer } from '../features/notes/form/note-compose.service';
import { addNoteAction, correctNoteAction } from '../features/notes/form/note-form.card';
import { urgentNoteCard } from '../features/notes/form/note-result.cards';
import { registerNotesRoutes } from '../features/notes/notes.routes';
import { createTaskAction } from '../features/tasks/cards/task-form.cards';
import { TaskCardRenderer } from '../features/tasks/task-render';
import { createTaskPoster } from '../features/tasks/task-poster';
import { registerTasksRoutes } from '../features/tasks/tasks.routes';
import { TasksService } from '../features/tasks/tasks.service';
import { TasksStore } from '../features/tasks/tasks.store';
import { QuickResponsesService } from '../features/quick-responses/quick-responses.service';
import { QuickResponsesStore } from '../features/quick-responses/quick-responses.store';
import { registerQuickResponsesRoutes } from '../features/quick-responses/quick-responses.routes';
import { createLinkServices, registerLinkRoutes } from '../features/links';
import { reminderRenderer, type ReminderSources } from '../features/tasks/reminders';
import { askMentorWith, createEscalations, escalationSlaSources, registerEscalationsRoutes, requestApprovalAction, type KnowledgeCapture, type SlaSources } from '../features/escalations';

export interface BotDeps {
  config: Config;
  store: Store;
  logger: Logger;
  adapter: TeamsAdapter;
  /** Turn state storage; the `botstate` container unless a test gives another. */
  storage?: Storage;
  kb: KbService;
  /** Reloads the KB from its folder (the `reload kb` command). */
  reloadKb: () => Promise<void>;
  /** Writes KB answers with a model; by default the Azure OpenAI deployment in the config, if any. */
  generative?: GenerativeAnswerer;
  /** Embeds KB sections and questions for hybrid ranking; by default the Azure OpenAI embedding deployment in the config, if any. */
  embedder?: Embedder;
  /** Adds mentors' answers to KB questions to the knowledge base ("Add to KB"); by default the KB's mentor answers. */
  knowledge?: KnowledgeCapture;
}

/** Builds the teams-ai Application with every feature's routes, in the order they are matched. */
export function createBot(deps: BotDeps): Application {
  const { store, logger, adapter } = deps;
  const app = new Application({
    adapter,
    botAppId: deps.config.bot.id ?? '',
    storage: deps.storage ?? new CosmosTurnStateStorage(store.containers.botstate),
    removeRecipientMention: true,
    startTypingTimer: true,
  });
  const people = new PeopleService(new PeopleStore(store.containers.people));
  const route = createRouteWrapper({ people, logger });
  const identify = (context: TurnContext) => people.identify(context.activity.from?.aadObjectId, context.activity.from?.name);
  const generative = deps.generative ?? (deps.config.azureOpenAI ? createAzureOpenAIAnswerer(deps.config.azureOpenAI) : undefined);
  const embedder = deps.embedder ?? (deps.config.azureOpenAIEmbeddings ? createAzureOpenAIEmbedder(deps.config.azureOpenAIEmbeddings) : undefined);
  // Hybrid ranking: the KB embeds its sections in the background and answers lexically until they are ready.
  if (embedder) deps.kb.useEmbeddings(embedder, { logger, minSimilarity: deps.config.kbMinSimilarity });

  registerHelpRoutes(app, { route, commands: BOT_COMMANDS });
  registerPeopleRoutes(app, { route });
  const accounts = accountServices(store);
  // `linkServices.notifier` posts cards into the conversation linked for a location or for the mentors: give it to features that post proactively.
  const linkServices = createLinkServices({ store, adapter, botAppId: deps.config.bot.id ?? '', logger, locations: accounts.locations });
  registerLinkRoutes(app, { route, links: linkServices.links, logger, demoData: deps.config.demoData });
  const openAccount = (accountId: string) => openAccountAction(accountId);
  const quickResponses = new QuickResponsesService(new QuickResponsesStore(store.containers.quickresponses));
  const composer = new NoteComposer({
    accounts: accounts.accounts,
    notes: accounts.notes,
    quickResponses,
    notifier: linkServices.notifier,
    urgentCard: (note, account) => urgentNoteCard(note, account, openAccount(account.accountId)),
  });
  const tasks = new TasksService({ store: new TasksStore(store.containers.tasks), accounts: accounts.accounts, locations: accounts.locations, notes: accounts.notes, people });
  const taskCards = new TaskCardRenderer(tasks, accounts.locations);
  tasks.usePoster(createTaskPoster(linkServices.notifier, (task) => taskCards.posted(task)));
  // `mentorAnswers` is also the KnowledgeCapture other features call when a mentor ticks "Add to KB".
  const mentorAnswers = createMentorAnswers(store, deps.kb);
  const { escalations, render: escalationCards } = createEscalations({ container: store.containers.escalations, accounts: accounts.accounts, locations: accounts.locations, notes: accounts.notes, people, notifier: linkServices.notifier, timeZone: deps.config.escalations.timeZone, knowledge: deps.knowledge ?? mentorAnswers, logger });
  registerAccountRoutes(app, { route, identify, logger, ...accounts, cardActions: [addNoteAction, createTaskAction, requestApprovalAction], noteActions: [correctNoteAction] });
  registerTasksRoutes(app, { route, identify, logger, tasks, render: taskCards, accounts: accounts.accounts, openAccountAction: openAccount });
  registerEscalationsRoutes(app, { route, identify, logger, escalations, render: escalationCards, accounts: accounts.accounts, openAccountAction: openAccount });
  registerNotesRoutes(app, { route, identify, logger, composer, accounts: accounts.accounts, openAccountAction: openAccount });
  registerQuickResponsesRoutes(app, { route, identify, logger, quickResponses });
  registerPeopleManageRoutes(app, { route, identify, logger, admin: new PeopleAdmin(new PeopleStore(store.containers.people), accounts.locations, () => people.forgetActive()) });
  registerVerifyRoutes(app, { identify, logger, ...accounts });
  registerPromiseRoutes(app, { identify, logger, ...accounts });
  registerContactRoutes(app, { identify, logger, accounts: accounts.accountsStore, notes: accounts.notes });
  registerFindAccountExtension(app, { identify, accounts: accounts.accounts, locations: accounts.locations, logger });
  registerMentorAnswersRoutes(app, { route, identify, logger, mentorAnswers });
  registerKbRoutes(app, { route, identify, kb: deps.kb, feedback: new KbFeedbackStore(store.containers.kbfeedback), reload: deps.reloadKb, logger, generative, askMentor: askMentorWith(escalations, escalationCards) });
  registerFallback(app, { route });
  return app;
}

/** Adds the turn log and the tenant gate to an adapter (the server's, or a test's). */
export function installMiddleware(adapter: BotAdapter, config: Config, logger: Logger): void {
  useTurnLog(adapter, logger);
  useTenantGate(adapter, config.allowedTenants, logger);
  useCommandButtons(adapter);
  useExtensionEnvelopeCheck(adapter, [KB_SEARCH_COMMAND_ID, FIND_ACCOUNT_COMMAND_ID]);
  adapter.onTurnError = async (context, error) => {
    logger.error({ err: error, activityType: context.activity.type }, 'unhandled turn error');
    if (context.activity.type === 'message') {
      await context.sendActivity('Something went wrong on our side and nothing was changed. Please try again.');
    }
  };
}

/**
 * What the overdue-task reminders read and post with, built as `createBot` builds the tasks feature
 * (the same containers, the link notifier over `adapter`, the posted task card). deskmate.ts runs the loop.
 */
export function createReminderSources(deps: Pick<BotDeps, 'config' | 'store' | 'logger' | 'adapter'>): ReminderSources {
  const { store, logger, adapter } = deps;
  const accounts = accountServices(store);
  const people = new PeopleService(new PeopleStore(store.containers.people));
  const { notifier } = createLinkServices({ store, adapter, botAppId: deps.config.bot.id ?? '', logger, locations: accounts.locations });
  const tasksStore = new TasksStore(store.containers.tasks);
  const tasks = new TasksService({ store: tasksStore, accounts: accounts.accounts, locations: accounts.locations, notes: accounts.notes, people });
  return { store: tasksStore, poster: notifier, render: reminderRenderer(new TaskCardRenderer(tasks, accounts.locations)), locations: accounts.locations };
}

/**
 * What the escalation SLA passes read and post with, built as `createBot` builds the escalations
 * feature (the same container, the link notifier over `adapter`, the channel card). deskmate.ts runs the loop.
 */
export function createEscalationSlaSources(deps: Pick<BotDeps, 'config' | 'store' | 'logger' | 'adapter'>): SlaSources {
  const { store, logger, adapter, config } = deps;
  const accounts = accountServices(store);
  const people = new PeopleService(new PeopleStore(store.containers.people));
  const { notifier } = createLinkServices({ store, adapter, botAppId: config.bot.id ?? '', logger, locations: accounts.locations });
  return escalationSlaSources({ container: store.containers.escalations, accounts: accounts.accounts, locations: accounts.locations, notes: accounts.notes, people, notifier, timeZone: config.escalations.timeZone, slaMinutes: config.escalations.slaMinutes, logger });
}
