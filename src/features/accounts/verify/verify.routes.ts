import type { Application } from '@microsoft/teams-ai';
import type { Caller } from '../../people/people.service';
import type { NotesService } from '../../notes/notes.service';
import type { AccountsService } from '../accounts.service';
import { badFormCard, registerCardVerb, registerStaleVerbs, type CardFormDeps } from '../../../shared/card-verbs';
import { verifyFormCard, verifyResultCard } from './verify.cards';
import { VERIFY_VERB_PREFIX, VERIFY_VERBS, verifyOpenSchema, verifySubmitSchema } from './verify.schemas';
import { VerifyCallerService } from './verify.service';

/** What "Verify caller" needs from the bot. */
export interface VerifyRoutesDeps extends CardFormDeps<Caller> {
  accounts: Pick<AccountsService, 'get'>;
  notes: Pick<NotesService, 'append'>;
}

/**
 * "Verify caller": the customer card's button (Action.Submit) shows the form as a new message; the
 * form's "Check" (Action.Execute, Action.Submit fallback) answers in place. Register before the bot's
 * fallback route, so the Action.Submit forms are not taken for stale buttons.
 */
export function registerVerifyRoutes(app: Application, deps: VerifyRoutesDeps): void {
  const service = new VerifyCallerService({ accounts: deps.accounts, notes: deps.notes });

  registerCardVerb(app, deps, VERIFY_VERBS.open, 'accounts.verify.open', async ({ caller, data }) => {
    const parsed = verifyOpenSchema.safeParse(data);
    if (!parsed.success) return badFormCard();
    return verifyFormCard(await service.openForm(caller, parsed.data.accountId));
  });

  registerCardVerb(app, deps, VERIFY_VERBS.submit, 'accounts.verify.submit', async ({ caller, data }) => {
    const parsed = verifySubmitSchema.safeParse(data);
    if (!parsed.success) return badFormCard();
    const outcome = await service.verify(caller, parsed.data);
    return outcome.kind === 'form' ? verifyFormCard(outcome.view) : verifyResultCard(outcome.view);
  });

  registerStaleVerbs(app, deps, VERIFY_VERB_PREFIX, 'accounts.verify.stale');
}
