import type { Application } from '@microsoft/teams-ai';
import { cardAttachment } from '../shared/cards';
import type { RouteWrapper } from '../shared/turn';
import type { Caller } from '../features/people/people.service';
import { problemCard } from './error-cards';
import { badFormCard } from '../shared/card-verbs';

/**
 * Card button presses (Action.Execute) no route took, whatever their verb: answered with the
 * "out of date" card, so Teams never shows its own error for an unanswered invoke.
 */
function isCardAction(context: { activity: { type?: string; name?: string; value?: unknown } }): Promise<boolean> {
  const action = (context.activity.value as { action?: { type?: unknown } } | undefined)?.action;
  return Promise.resolve(context.activity.type === 'invoke' && context.activity.name === 'adaptiveCard/action' && action?.type === 'Action.Execute');
}

/**
 * Messages with no text that no route took (a button from an old or unknown card): say so plainly and
 * point to help. Messages with text are questions for the KB.
 */
export function registerFallback(app: Application, deps: { route: RouteWrapper<Caller> }): void {
  app.adaptiveCards.actionExecute(isCardAction, async () => badFormCard());
  app.activity(
    async (context) => context.activity.type === 'message' && !context.activity.text?.trim(),
    deps.route('fallback', async ({ context }) => {
      await context.sendActivity({ attachments: [cardAttachment(problemCard("That button doesn't do anything any more. Type help to see what I can do."))] });
    }),
  );
}
