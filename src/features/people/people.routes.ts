import type { Application } from '@microsoft/teams-ai';
import { cardAttachment } from '../../shared/cards';
import type { CommandInfo } from '../../shared/commands';
import type { RouteWrapper } from '../../shared/turn';
import { whoAmICard } from './people.cards';
import type { Caller } from './people.service';

export const WHOAMI_COMMAND: CommandInfo = {
  name: 'whoami',
  usage: 'whoami',
  description: 'Shows your name and Deskmate roles, or what to ask an admin for.',
  example: 'whoami',
  buttonTitle: 'Who am I?',
};

/** `whoami`: anyone may ask, including people who are not set up yet. */
export function registerPeopleRoutes(app: Application, deps: { route: RouteWrapper<Caller> }): void {
  app.message(
    /^\s*who\s*am\s*i\??\s*$/i,
    deps.route('people.whoami', async ({ context, caller }) => {
      await context.sendActivity({ attachments: [cardAttachment(whoAmICard(caller))] });
    }),
  );
}
