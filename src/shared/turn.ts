import type { TurnContext } from 'botbuilder';
import type { TurnState } from '@microsoft/teams-ai';

/** What a feature handler gets for one turn: the context, the state, and who is calling. */
export interface Turn<Caller> {
  readonly context: TurnContext;
  readonly state: TurnState;
  readonly caller: Caller;
}

/**
 * Makes a teams-ai route handler from a feature handler. The bot supplies it: it names the route for
 * the turn log, identifies the caller from their AAD object id, and turns failures into friendly cards.
 */
export type RouteWrapper<Caller> = (
  name: string,
  handler: (turn: Turn<Caller>) => Promise<void>,
) => (context: TurnContext, state: TurnState) => Promise<void>;

/** Keys the bot keeps in `context.turnState` for the turn log. */
export const TURN_ROUTE_KEY = 'deskmate.route';
export const TURN_OUTCOME_KEY = 'deskmate.outcome';
export type TurnOutcome = 'ok' | 'refused' | 'user_error' | 'error';
