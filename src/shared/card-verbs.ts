import { randomUUID } from 'node:crypto';
import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { adaptiveCard, cardAttachment, commandButton, notice, text, type AdaptiveCard } from './cards';
import { executeAction } from './form-parts';
import { isDomainError } from './errors';
import type { Logger } from './logger';
import { TURN_OUTCOME_KEY, TURN_ROUTE_KEY, type TurnOutcome } from './turn';

/**
 * Shared by the card forms (verify caller, promise to pay, notes, ...): how a card verb is routed and
 * how its failures become cards. An Action.Execute invoke must be answered with a card within 5 s,
 * so failures are returned as cards here, never thrown to the adapter (that would leave the invoke
 * unanswered).
 */
export interface CardFormDeps<Caller> {
  /** Who is calling, from the activity's AAD object id (never from what a card claims). */
  identify(context: TurnContext): Promise<Caller>;
  logger: Logger;
}

/** Makes the card to show for one press of a button: `data` is what the card sent, not yet checked. */
export type CardFormHandler<Caller> = (turn: { context: TurnContext; caller: Caller; data: unknown }) => Promise<AdaptiveCard>;

/** A failure the agent can act on (no role, not allowed, unknown account, out-of-date form). */
export function formProblemCard(message: string): AdaptiveCard {
  return adaptiveCard([notice(message, 'warning')], [commandButton('Show help', 'help')]);
}

/** The answer to a payload that fails its schema (forged, damaged or from an old card). */
export function badFormCard(): AdaptiveCard {
  return formProblemCard('That form is out of date or incomplete, so nothing was saved. Open it again from the customer card, please.');
}

async function runHandler<Caller>(deps: CardFormDeps<Caller>, routeName: string, handler: CardFormHandler<Caller>, context: TurnContext, data: unknown): Promise<AdaptiveCard> {
  context.turnState.set(TURN_ROUTE_KEY, routeName);
  const outcome = (value: TurnOutcome) => context.turnState.set(TURN_OUTCOME_KEY, value);
  try {
    const caller = await deps.identify(context);
    const card = await handler({ context, caller, data });
    outcome('ok');
    return card;
  } catch (error) {
    if (isDomainError(error)) {
      outcome(error.code === 'forbidden' || error.code === 'unknown_user' ? 'refused' : 'user_error');
      return formProblemCard(error.message);
    }
    const reference = randomUUID().slice(0, 8);
    outcome('error');
    deps.logger.error({ err: error, route: routeName, reference }, 'card action failed');
    return tryAgainCard(context, data, reference);
  }
}

/** Largest pressed-button payload the "Try again" button carries back. */
const MAX_RETRY_BYTES = 20_000;

/**
 * The answer when something failed on our side (the store did not answer, say): the press may or may
 * not have been saved, so "Try again" sends the same press again (the same verb and everything the
 * card sent, typed values and submission id included); submissions are idempotent, so it saves once.
 */
function tryAgainCard(context: TurnContext, data: unknown, reference: string): AdaptiveCard {
  const verb = (context.activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
  const retry = typeof verb === 'string' && data && typeof data === 'object' && !Array.isArray(data) && JSON.stringify(data).length <= MAX_RETRY_BYTES;
  return adaptiveCard(
    [
      notice(retry ? 'We could not finish that just now. What you typed is kept: press Try again.' : 'Something went wrong on our side. Please try again.', 'attention'),
      text(`If it keeps happening, tell your team lead and quote reference ${reference}.`, { isSubtle: true, size: 'Small' }),
    ],
    retry ? [executeAction('Try again', verb, data as Record<string, unknown>, 'positive')] : [],
  );
}

/**
 * Routes a card verb both ways: an `Action.Execute` invoke is answered with the card, which replaces
 * the pressed card in place; an `Action.Submit` (the fallback for clients without Universal Actions,
 * and the customer card's buttons) gets the card as a new message. Register before the bot's fallback.
 */
export function registerCardVerb<Caller>(app: Application, deps: CardFormDeps<Caller>, verb: string | RegExp, routeName: string, handler: CardFormHandler<Caller>): void {
  app.adaptiveCards.actionExecute(verb, (context, _state, data) => runHandler(deps, routeName, handler, context, data));
  app.adaptiveCards.actionSubmit(verb, async (context, _state, data) => {
    const card = await runHandler(deps, routeName, handler, context, data);
    await context.sendActivity({ attachments: [cardAttachment(card)] });
  });
}

/**
 * Any other verb under `prefix` (forged, or from a card of an older version) gets a clear card and
 * changes nothing. Register after the feature's own verbs.
 */
export function registerStaleVerbs<Caller>(app: Application, deps: CardFormDeps<Caller>, prefix: RegExp, routeName: string): void {
  registerCardVerb(app, deps, prefix, routeName, async () => badFormCard());
}
