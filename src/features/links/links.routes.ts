import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { cardAttachment } from '../../shared/cards';
import type { CommandInfo } from '../../shared/commands';
import type { Logger } from '../../shared/logger';
import type { RouteWrapper } from '../../shared/turn';
import type { Caller } from '../people/people.service';
import { demoLinkedCard, linkedCard, linksListCard } from './links.cards';
import { conversationOf, isBotAddedToTeamChannel, personalChatEvent } from './links.reference';
import type { LinksService } from './links.service';
import { UserLinkRecorder } from './user-links';

export const LINK_LOCATION_COMMAND: CommandInfo = {
  name: 'link location',
  usage: 'link location <name or id>',
  description: "Posts a location's urgent notes (and later its tasks) in this chat or channel (admins).",
  permission: 'links.manage',
};

export const LINK_MENTORS_COMMAND: CommandInfo = {
  name: 'link mentors',
  usage: 'link mentors',
  description: "Posts mentor requests in this chat or channel; use it in the mentors' channel (admins).",
  permission: 'links.manage',
};

export const LINK_TEAM_COMMAND: CommandInfo = {
  name: 'link team',
  usage: 'link team <team name>',
  description: "Posts a team's tasks and requests in this chat or channel, e.g. link team Billing (admins).",
  permission: 'links.manage',
};

export const LINKS_COMMAND: CommandInfo = {
  name: 'links',
  usage: 'links',
  description: 'Lists the chats and channels that get urgent notes, team posts and mentor requests (admins).',
  permission: 'links.manage',
  example: 'links',
  buttonTitle: 'Linked chats',
};

/** The link commands, in the order help lists them. */
export const LINK_COMMANDS: CommandInfo[] = [LINK_LOCATION_COMMAND, LINK_TEAM_COMMAND, LINK_MENTORS_COMMAND, LINKS_COMMAND];

export interface LinkRouteDeps {
  route: RouteWrapper<Caller>;
  links: LinksService;
  logger: Logger;
  /** Demo mode: a team channel the bot is added to is linked for every unlinked location and the mentors. */
  demoData: boolean;
  /** How many people's last stored personal-chat references the process remembers (default 10,000). */
  rememberUsers?: number;
}

const LINK_LOCATION = /^\s*link\s+location(?:\s+(.*?))?\s*$/i;
const LINK_TEAM = /^\s*link\s+team(?:\s+(.*?))?\s*$/i;

/**
 * `link location <name or id>`, `link team <team name>`, `link mentors` and `links` (admins, checked in the service), and in demo
 * mode the auto-link of a team channel. Register before the KB routes: they take any other text.
 * Before every turn it also keeps the sender's user link (their personal chat with the bot) up to date.
 */
export function registerLinkRoutes(app: Application, deps: LinkRouteDeps): void {
  const users = new UserLinkRecorder(deps.links, deps.logger, deps.rememberUsers);
  // Before the routes, so a turn whose route fails still records; no write when nothing changed.
  app.turn('beforeTurn', async (context) => {
    const event = personalChatEvent(context.activity);
    if (event) await users.record(event);
    return true;
  });

  app.message(LINK_LOCATION, deps.route('links.location', async ({ context, caller }) => {
    const text = LINK_LOCATION.exec(context.activity.text ?? '')?.[1] ?? '';
    const outcome = await deps.links.linkLocation(caller, text, conversationOf(context.activity));
    await context.sendActivity({ attachments: [cardAttachment(linkedCard(outcome))] });
  }));

  app.message(LINK_TEAM, deps.route('links.team', async ({ context, caller }) => {
    const text = LINK_TEAM.exec(context.activity.text ?? '')?.[1] ?? '';
    const outcome = await deps.links.linkTeam(caller, text, conversationOf(context.activity));
    await context.sendActivity({ attachments: [cardAttachment(linkedCard(outcome))] });
  }));

  app.message(/^\s*link\s+mentors?\s*$/i, deps.route('links.mentors', async ({ context, caller }) => {
    const outcome = await deps.links.linkMentors(caller, conversationOf(context.activity));
    await context.sendActivity({ attachments: [cardAttachment(linkedCard(outcome))] });
  }));

  app.message(/^\s*links\s*$/i, deps.route('links.list', async ({ context, caller }) => {
    const links = await deps.links.list(caller);
    await context.sendActivity({ attachments: [cardAttachment(linksListCard(links))] });
  }));

  if (deps.demoData) {
    // After the turn, so the welcome card (help) comes first; runs whichever route took the update.
    app.turn('afterTurn', async (context) => {
      if (isBotAddedToTeamChannel(context.activity)) await linkDemoChannel(context, deps);
      return true;
    });
  }
}

async function linkDemoChannel(context: TurnContext, deps: LinkRouteDeps): Promise<void> {
  try {
    const from = context.activity.from;
    const linkedBy = { id: from?.aadObjectId || from?.id || 'demo', name: from?.name || 'Deskmate demo set-up' };
    const made = await deps.links.linkWhatIsUnlinked(conversationOf(context.activity), linkedBy);
    deps.logger.info({ links: made.map((l) => l.id) }, 'demo: team channel linked');
    if (made.length) await context.sendActivity({ attachments: [cardAttachment(demoLinkedCard(made))] });
  } catch (error) {
    deps.logger.warn({ problem: error instanceof Error ? error.name : 'unknown' }, 'demo: could not link the team channel');
  }
}
