import type { Application } from '@microsoft/teams-ai';
import type { Caller } from '../../people/people.service';
import { badFormCard, registerCardVerb, registerStaleVerbs, type CardFormDeps } from '../../../shared/card-verbs';
import { promiseFormCard, promiseResultCard } from './promise.cards';
import { PROMISE_VERB_PREFIX, PROMISE_VERBS, promiseOpenSchema, promiseSubmitSchema } from './promise.schemas';
import { PromiseToPayService, type PromiseToPayDeps } from './promise.service';

/** What "Set promise to pay" needs from the bot. */
export type PromiseRoutesDeps = CardFormDeps<Caller> & Omit<PromiseToPayDeps, 'now'>;

/**
 * "Set promise to pay": the customer card's button (Action.Submit) shows the form as a new message;
 * the form's "Set promise" (Action.Execute, Action.Submit fallback) answers in place. Register before
 * the bot's fallback route, so the Action.Submit forms are not taken for stale buttons.
 */
export function registerPromiseRoutes(app: Application, deps: PromiseRoutesDeps): void {
  const service = new PromiseToPayService(deps);

  registerCardVerb(app, deps, PROMISE_VERBS.open, 'accounts.promise.open', async ({ caller, data }) => {
    const parsed = promiseOpenSchema.safeParse(data);
    if (!parsed.success) return badFormCard();
    return promiseFormCard(await service.openForm(caller, parsed.data.accountId));
  });

  registerCardVerb(app, deps, PROMISE_VERBS.submit, 'accounts.promise.submit', async ({ caller, data }) => {
    const parsed = promiseSubmitSchema.safeParse(data);
    if (!parsed.success) return badFormCard();
    const outcome = await service.submit(caller, parsed.data);
    return outcome.kind === 'form' ? promiseFormCard(outcome.view) : promiseResultCard(outcome.view);
  });

  registerStaleVerbs(app, deps, PROMISE_VERB_PREFIX, 'accounts.promise.stale');
}
