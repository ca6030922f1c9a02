import { randomUUID } from 'node:crypto';
import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../../shared/cards';
import { DomainError, isDomainError } from '../../../shared/errors';
import type { Logger } from '../../../shared/logger';
import { TURN_OUTCOME_KEY, TURN_ROUTE_KEY } from '../../../shared/turn';
import { requirePermission, type Caller } from '../../people/people.service';
import type { Person } from '../../people/people.schemas';
import { contactFormCard } from './contact-form.card';
import { contactCancelledCard, contactErrorCard, contactProblemCard, contactSavedCard, contactUnchangedCard } from './contact-result.cards';
import { ContactService, type ContactNotes, type ContactRepository } from './contact.service';
import { CONTACT_VERBS, CONTACT_VERB_PATTERN, MAX_PAYLOAD_CHARS, contactOpenSchema, contactSubmitSchema } from './contact.schemas';

/** What the contact routes need; every part already exists in the bot. */
export interface ContactDeps {
  /** Who is calling, from the activity's AAD object id (PeopleService.identify), never from the card. */
  identify: (context: TurnContext) => Promise<Caller>;
  /** The accounts store: `new AccountsStore(containers.accounts, containers.lookups)`. */
  accounts: ContactRepository;
  /** Where the change note goes: the NotesService (its idempotent `append`). */
  notes: ContactNotes;
  logger: Logger;
  /** The clock for `updatedAt` and the note's time (tests); the real time by default. */
  now?: () => Date;
}

const BAD_PAYLOAD = 'That form did not send what it should, so nothing was changed. Open the account and use Update contact again.';
const OUT_OF_DATE = 'That button is out of date, so nothing was changed. Open the account again, please.';

/**
 * The "Update contact" Action.Execute verbs (`contact.*`): open the form, save it, cancel it. Every
 * answer is a card that replaces the one the button was on; unknown `contact.*` verbs get a clear card.
 */
export function registerContactRoutes(app: Application, deps: ContactDeps): void {
  const service = new ContactService(deps.accounts, deps.notes, deps.now);
  app.adaptiveCards.actionExecute<unknown>(CONTACT_VERB_PATTERN, async (context, _state, data) => {
    const verb = String((context.activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb ?? '');
    context.turnState.set(TURN_ROUTE_KEY, `accounts.${verb}`);
    try {
      const caller = await deps.identify(context);
      const card = await answer(service, verb, requirePermission(caller, 'accounts.update'), data);
      context.turnState.set(TURN_OUTCOME_KEY, 'ok');
      return card;
    } catch (error) {
      if (isDomainError(error)) {
        context.turnState.set(TURN_OUTCOME_KEY, error.code === 'forbidden' || error.code === 'unknown_user' ? 'refused' : 'user_error');
        return contactProblemCard(error.message);
      }
      const reference = randomUUID().slice(0, 8);
      context.turnState.set(TURN_OUTCOME_KEY, 'error');
      deps.logger.error({ err: error, route: `accounts.${verb}`, reference }, 'route failed');
      return contactErrorCard(reference);
    }
  });
}

async function answer(service: ContactService, verb: string, person: Person, data: unknown): Promise<AdaptiveCard> {
  if (JSON.stringify(data ?? null).length > MAX_PAYLOAD_CHARS) throw new DomainError('invalid_input', BAD_PAYLOAD);
  if (verb === CONTACT_VERBS.open || verb === CONTACT_VERBS.cancel) {
    const parsed = contactOpenSchema.safeParse(data);
    if (!parsed.success) throw new DomainError('invalid_input', OUT_OF_DATE);
    return verb === CONTACT_VERBS.open ? contactFormCard(await service.open(parsed.data.accountId)) : contactCancelledCard(parsed.data.accountId);
  }
  if (verb !== CONTACT_VERBS.submit) throw new DomainError('invalid_input', OUT_OF_DATE);
  const parsed = contactSubmitSchema.safeParse(data);
  if (!parsed.success) throw new DomainError('invalid_input', BAD_PAYLOAD);
  const author = { id: person.id, name: person.name, ...(person.title ? { title: person.title } : {}) };
  const outcome = await service.submit(author, parsed.data);
  if (outcome.kind === 'form') return contactFormCard(outcome.view);
  if (outcome.kind === 'unchanged') return contactUnchangedCard(outcome.account);
  return contactSavedCard(outcome);
}
