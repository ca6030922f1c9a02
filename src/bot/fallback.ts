import type { Application } from '@microsoft/teams-ai';
import { cardAttachment } from '../shared/cards';
import type { RouteWrapper } from '../shared/turn';
import type { Caller } from '../features/people/people.service';
import { problemCard } from './error-cards';

/** Messages no route took: say so plainly and point to help. */
export function registerFallback(app: Application, deps: { route: RouteWrapper<Caller> }): void {
  app.activity(
    'message',
    deps.route('fallback', async ({ context }) => {
      await context.sendActivity({ attachments: [cardAttachment(problemCard("I don't know that command yet. Type help to see what I can do."))] });
    }),
  );
}
