import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import { isDomainError } from '../shared/errors';
import { cardAttachment } from '../shared/cards';
import type { Logger } from '../shared/logger';
import { TURN_OUTCOME_KEY, TURN_ROUTE_KEY, type RouteWrapper, type TurnOutcome } from '../shared/turn';
import type { Caller, PeopleService } from '../features/people/people.service';
import { problemCard, unexpectedErrorCard } from './error-cards';

/**
 * Builds the wrapper every feature route goes through: it names the route, identifies the caller
 * from the activity's AAD object id, and maps failures to cards (a DomainError to its message,
 * anything else to a generic card with a reference that is logged with the error).
 */
export function createRouteWrapper(deps: { people: PeopleService; logger: Logger }): RouteWrapper<Caller> {
  return (name, handler) => async (context, state) => {
    context.turnState.set(TURN_ROUTE_KEY, name);
    try {
      const from = context.activity.from;
      const caller = await deps.people.identify(from?.aadObjectId, from?.name);
      await handler({ context, state, caller });
      setOutcome(context, 'ok');
    } catch (error) {
      if (isDomainError(error)) {
        setOutcome(context, error.code === 'forbidden' || error.code === 'unknown_user' ? 'refused' : 'user_error');
        await context.sendActivity({ attachments: [cardAttachment(problemCard(error.message))] });
        return;
      }
      const reference = randomUUID().slice(0, 8);
      setOutcome(context, 'error');
      deps.logger.error({ err: error, route: name, reference }, 'route failed');
      await context.sendActivity({ attachments: [cardAttachment(unexpectedErrorCard(reference))] });
    }
  };
}

function setOutcome(context: TurnContext, outcome: TurnOutcome): void {
  context.turnState.set(TURN_OUTCOME_KEY, outcome);
}
