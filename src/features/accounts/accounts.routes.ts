import type { Application } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import { cardAttachment } from '../../shared/cards';
import type { AdaptiveCard } from '../../shared/cards';
import type { CommandInfo } from '../../shared/commands';
import { DomainError } from '../../shared/errors';
import type { RouteWrapper } from '../../shared/turn';
import { requirePermission, type Caller } from '../people/people.service';
import type { LocationsService } from '../locations/locations.service';
import type { NotesService } from '../notes/notes.service';
import { ACCOUNT_VERBS, accountListCard, customerCard, noAccountCard } from './accounts.cards';
import type { CustomerCardAction } from './cards/constants';
import { accountSearchText, looksLikeAccountKey } from './account-query';
import type { AccountsService } from './accounts.service';
import { updateContactAction } from './contact';
import { promiseToPayAction } from './promise/promise.cards';
import { verifyCallerAction } from './verify/verify.cards';
import { badFormCard, registerCardVerb, type CardFormDeps } from '../../shared/card-verbs';
import { headerToken } from '../../shared/schema-parts';

export const ACCOUNT_COMMAND: CommandInfo = {
  name: 'account',
  usage: 'account <phone, email, name, unit or account id>',
  description: 'Finds a customer account and shows its customer card. A phone number, email, unit or account id on its own works too.',
  permission: 'accounts.read',
};

export interface AccountsDeps extends CardFormDeps<Caller> {
  route: RouteWrapper<Caller>;
  /** Buttons other features put on the customer card (Add note, Create task, ...), before the account's own. */
  cardActions?: ((accountId: string) => CustomerCardAction)[];
  /** Buttons other features put under each note of the card (Correct). */
  noteActions?: ((accountId: string, noteId: string) => CustomerCardAction)[];
  accounts: AccountsService;
  locations: LocationsService;
  notes: NotesService;
}

const accountId = z.string().regex(/^\d{6,10}$/);
const notesContinuation = headerToken(4000);
/** The list card's buttons (Action.Submit: each answer is a new message). */
const submits = z.discriminatedUnion('verb', [
  z.object({ verb: z.literal(ACCOUNT_VERBS.open), accountId }),
  z.object({ verb: z.literal(ACCOUNT_VERBS.page), query: z.string().min(1).max(200), continuation: notesContinuation, page: z.number().int().min(2).max(1000) }),
]);
const SUBMIT_VERBS = new Set<string>([ACCOUNT_VERBS.open, ACCOUNT_VERBS.page]);
/** The customer card's own buttons (Action.Execute: the card is replaced in place). */
const refreshSchema = z.object({ accountId });
const moreNotesSchema = z.object({ accountId, continuation: notesContinuation });

/**
 * `account <anything>`, plain phone/email/unit/id messages, the list card's buttons (a new message
 * each), and the customer card's "Refresh" and "Show more notes" (the card is replaced in place).
 */
export function registerAccountRoutes(app: Application, deps: AccountsDeps): void {
  const search = async (context: TurnContext, query: string, continuation?: string, page = 1) => {
    const { matches, continuation: next } = await deps.accounts.find(query, { continuation });
    if (matches.length === 1 && page === 1 && !next) return showAccount(context, deps, matches[0]!.id);
    if (matches.length === 0 && page === 1) return send(context, noAccountCard(query));
    const stores = await deps.locations.getMany(matches.map((m) => m.locationId));
    const named = matches.map((m) => {
      const locationName = stores.get(m.locationId)?.name;
      return locationName ? { ...m, locationName } : m;
    });
    return send(context, accountListCard({ query, matches: named, continuation: next, page }));
  };

  const searchTextOf = (context: TurnContext) => (context.activity.type === 'message' ? accountSearchText(context.activity.text ?? '') : undefined);
  app.activity(async (context) => searchTextOf(context) !== undefined, deps.route('accounts.search', async ({ context, caller }) => {
    requirePermission(caller, 'accounts.read');
    await search(context, searchTextOf(context)!);
  }));

  app.activity(async (context) => context.activity.type === 'message' && looksLikeAccountKey(context.activity.text?.trim() ?? ''), deps.route('accounts.lookup', async ({ context, caller }) => {
    requirePermission(caller, 'accounts.read');
    await search(context, (context.activity.text ?? '').trim());
  }));

  app.activity(isAccountSubmit, deps.route('accounts.card', async ({ context, caller }) => {
    requirePermission(caller, 'accounts.read');
    const parsed = submits.safeParse(context.activity.value);
    if (!parsed.success) throw new DomainError('invalid_input', 'That button is out of date. Search for the account again, please.');
    const submit = parsed.data;
    if (submit.verb === ACCOUNT_VERBS.page) return search(context, submit.query, submit.continuation, submit.page);
    await showAccount(context, deps, submit.accountId);
  }));

  registerCardVerb(app, deps, ACCOUNT_VERBS.refresh, 'accounts.refresh', async ({ caller, data }) => {
    requirePermission(caller, 'accounts.read');
    const parsed = refreshSchema.safeParse(data);
    return parsed.success ? customerCardFor(deps, parsed.data.accountId) : badFormCard();
  });

  registerCardVerb(app, deps, ACCOUNT_VERBS.moreNotes, 'accounts.moreNotes', async ({ caller, data }) => {
    requirePermission(caller, 'accounts.read');
    const parsed = moreNotesSchema.safeParse(data);
    return parsed.success ? customerCardFor(deps, parsed.data.accountId, parsed.data.continuation) : badFormCard();
  });
}

/** The customer card as it is now; with `notesContinuation`, showing that older page of notes. */
async function customerCardFor(deps: AccountsDeps, id: string, notesContinuation?: string): Promise<AdaptiveCard> {
  const { account } = await deps.accounts.get(id);
  const [location, notes] = await Promise.all([deps.locations.get(account.locationId), deps.notes.forCard(account.id, notesContinuation)]);
  const promise = promiseToPayAction(account);
  const fromFeatures = (deps.cardActions ?? []).map((action) => action(account.id));
  const extraActions = [...fromFeatures, ...(promise ? [promise] : [])];
  const contactActions = [verifyCallerAction(account.id), updateContactAction(account.id)];
  return customerCard({
    account,
    location,
    criticalNotes: notes.critical,
    latestNotes: notes.latest,
    moreNotesToken: notes.moreToken,
    olderNotes: notesContinuation !== undefined,
    noteActions: (note) => (deps.noteActions ?? []).map((action) => action(account.id, note.id)),
    now: new Date(),
    extraActions,
    contactActions,
  });
}

async function showAccount(context: TurnContext, deps: AccountsDeps, id: string): Promise<void> {
  await send(context, await customerCardFor(deps, id));
}

function send(context: TurnContext, card: Parameters<typeof cardAttachment>[0]) {
  return context.sendActivity({ attachments: [cardAttachment(card)] }).then(() => undefined);
}

function isAccountSubmit(context: TurnContext): Promise<boolean> {
  const verb = (context.activity.value as { verb?: unknown } | undefined)?.verb;
  return Promise.resolve(context.activity.type === 'message' && typeof verb === 'string' && SUBMIT_VERBS.has(verb));
}
