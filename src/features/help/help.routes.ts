import type { Application } from '@microsoft/teams-ai';
import type { ConversationUpdateEvents } from '@microsoft/teams-ai';
import { cardAttachment } from '../../shared/cards';
import type { CommandInfo } from '../../shared/commands';
import type { RouteWrapper } from '../../shared/turn';
import { can, type Caller, type Permission } from '../people/people.service';
import { ROLE_LABELS } from '../people/people.schemas';
import { helpCard, welcomeCard } from './help.cards';

export const HELP_COMMAND: CommandInfo = {
  name: 'help',
  usage: 'help',
  description: 'Lists what Deskmate can do for you.',
  example: 'help',
};

export interface HelpDeps {
  route: RouteWrapper<Caller>;
  /** Every command of every feature, in the order the help card lists them. */
  commands: CommandInfo[];
}

/** `help` and the welcome card when Deskmate joins a conversation. */
export function registerHelpRoutes(app: Application, deps: HelpDeps): void {
  app.message(
    /^\s*(help|\?|menu|commands)\s*$/i,
    deps.route('help.show', async ({ context, caller }) => {
      const commands = deps.commands.filter((c) => !c.permission || can(caller, c.permission as Permission));
      const roles = caller.person?.active ? caller.person.roles.map((r) => ROLE_LABELS[r]) : [];
      await context.sendActivity({ attachments: [cardAttachment(helpCard({ displayName: caller.displayName, roles, commands }))] });
    }),
  );
  const membersAdded: ConversationUpdateEvents = 'membersAdded';
  app.conversationUpdate(
    membersAdded,
    deps.route('help.welcome', async ({ context }) => {
      const botWasAdded = (context.activity.membersAdded ?? []).some((m) => m.id === context.activity.recipient.id);
      if (botWasAdded) await context.sendActivity({ attachments: [cardAttachment(welcomeCard())] });
    }),
  );
}
