import type { Container } from '@azure/cosmos';
import type { Logger } from '../../shared/logger';
import type { Store } from '../../store/cosmos-store';
import type { LocationCatalog } from './links.service';
import { createConversationNotifier, type ConversationNotifier, type ProactiveAdapter } from './links.notifier';
import { LinksService } from './links.service';
import { LinksStore } from './links.store';

export { registerLinkRoutes, LINK_COMMANDS } from './links.routes';
export type { CardPoster, ConversationNotifier, NotifyOptions, NotifyResult, UpdateResult } from './links.notifier';

/**
 * How long a proactive post may use a link it read before (a decision reads two: the mentors' channel
 * and the requester's chat). Links change when an admin links a conversation or a person installs or
 * removes the bot; another instance sees such a change at most this late.
 */
export const LINK_POSTING_CACHE_MS = 30_000;

/**
 * One links store per container in a process: the bot, the reminder passes and the SLA passes each
 * build their link services, and a link changed through any of them must be posted to at once by all.
 */
const storesByContainer = new WeakMap<Container, LinksStore>();

function linksStoreOf(container: Container): LinksStore {
  let store = storesByContainer.get(container);
  if (!store) storesByContainer.set(container, (store = new LinksStore(container, { postingCacheMs: LINK_POSTING_CACHE_MS })));
  return store;
}

/**
 * The links feature over the store: the service behind the link commands, and the notifier other
 * features use to post (and later update) cards in the conversation linked for a location, a team or the
 * mentors, or in a person's personal chat with the bot (`notifyUser`; `registerLinkRoutes` stores it).
 */
export function createLinkServices(deps: { store: Store; adapter: ProactiveAdapter; botAppId: string; logger: Logger; locations: LocationCatalog }): { links: LinksService; notifier: ConversationNotifier } {
  const store = linksStoreOf(deps.store.containers.conversations);
  return {
    links: new LinksService(store, deps.locations),
    notifier: createConversationNotifier({ links: store, adapter: deps.adapter, botAppId: deps.botAppId, logger: deps.logger }),
  };
}
