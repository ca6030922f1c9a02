import type { Logger } from '../../shared/logger';
import type { Store } from '../../store/cosmos-store';
import type { LocationCatalog } from './links.service';
import { createConversationNotifier, type ConversationNotifier, type ProactiveAdapter } from './links.notifier';
import { LinksService } from './links.service';
import { LinksStore } from './links.store';

export { registerLinkRoutes, LINK_COMMANDS } from './links.routes';
export type { CardPoster, ConversationNotifier, NotifyOptions, NotifyResult, UpdateResult } from './links.notifier';

/**
 * The links feature over the store: the service behind the link commands, and the notifier other
 * features use to post (and later update) cards in the conversation linked for a location, a team or the
 * mentors, or in a person's personal chat with the bot (`notifyUser`; `registerLinkRoutes` stores it).
 */
export function createLinkServices(deps: { store: Store; adapter: ProactiveAdapter; botAppId: string; logger: Logger; locations: LocationCatalog }): { links: LinksService; notifier: ConversationNotifier } {
  const { containers } = deps.store;
  return {
    links: new LinksService(new LinksStore(containers.conversations), deps.locations),
    notifier: createConversationNotifier({ container: containers.conversations, adapter: deps.adapter, botAppId: deps.botAppId, logger: deps.logger }),
  };
}
