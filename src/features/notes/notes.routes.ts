import type { Application } from '@microsoft/teams-ai';
import { badFormCard, registerCardVerb, registerStaleVerbs, type CardFormDeps } from '../../shared/card-verbs';
import { adaptiveCard, cardAttachment, notice, type AdaptiveCard, type CardAction } from '../../shared/cards';
import type { CommandInfo } from '../../shared/commands';
import type { RouteWrapper } from '../../shared/turn';
import type { AccountsService } from '../accounts/accounts.service';
import { requirePermission, type Caller } from '../people/people.service';
import type { NoteComposer, NoteOutcome } from './form/note-compose.service';
import { noteFormCard } from './form/note-form.card';
import { NOTE_VERB_PREFIX, NOTE_VERBS, noteCorrectSchema, noteOpenSchema, noteSubmitSchema } from './form/note-form.schemas';
import { noteReviewCard, noteSavedCard } from './form/note-result.cards';

export const NOTE_COMMAND: CommandInfo = {
  name: 'note',
  usage: 'note <phone, email, unit, account id or name>',
  description: 'Opens the note form for that account: the 4E layout, the disposition, the units and the flags, with the policy checks before saving.',
  permission: 'notes.create',
};

export interface NotesRoutesDeps extends CardFormDeps<Caller> {
  route: RouteWrapper<Caller>;
  composer: NoteComposer;
  accounts: Pick<AccountsService, 'find'>;
  /** The button that shows the customer card again, in place of the note cards. */
  openAccountAction: (accountId: string) => CardAction;
}

/**
 * The note form: "Add note" on the customer card and `note <account>` open it; "Check and save",
 * "Edit" and "Save anyway" answer in place (Action.Execute, Action.Submit fallback).
 */
export function registerNotesRoutes(app: Application, deps: NotesRoutesDeps): void {
  const { composer } = deps;
  const back = (accountId: string) => ({ ...deps.openAccountAction(accountId), title: 'Cancel', associatedInputs: 'none' });
  const show = (outcome: NoteOutcome): AdaptiveCard => {
    if (outcome.kind === 'form') return noteFormCard(outcome.view, back(outcome.view.accountId));
    if (outcome.kind === 'review') return noteReviewCard(outcome.view);
    return noteSavedCard(outcome.view, deps.openAccountAction(outcome.view.accountId));
  };

  app.message(/^\s*note\s+\S/i, deps.route('notes.command', async ({ context, caller }) => {
    requirePermission(caller, 'notes.create');
    const query = (context.activity.text ?? '').trim().replace(/^note\s+/i, '');
    const { matches } = await deps.accounts.find(query);
    if (matches.length === 1) {
      const view = await composer.openForm(caller, matches[0]!.id);
      await context.sendActivity({ attachments: [cardAttachment(noteFormCard(view, back(view.accountId)))] });
      return;
    }
    const message = matches.length
      ? `${matches.length}${matches.length >= 10 ? ' or more' : ''} accounts match "${query}". Narrow it down with a phone, email, unit or account id, or open the account and press Add note.`
      : `No account matches "${query}". Try a phone, email, unit or account id.`;
    await context.sendActivity({ attachments: [cardAttachment(adaptiveCard([notice(message, 'warning')]))] });
  }));

  registerCardVerb(app, deps, NOTE_VERBS.open, 'notes.open', async ({ caller, data }) => {
    const parsed = noteOpenSchema.safeParse(data);
    if (!parsed.success) return badFormCard();
    return show({ kind: 'form', view: await composer.openForm(caller, parsed.data.accountId) });
  });

  registerCardVerb(app, deps, NOTE_VERBS.edit, 'notes.edit', async ({ caller, data }) => {
    const parsed = noteSubmitSchema.safeParse(data);
    if (!parsed.success) return badFormCard();
    return show({ kind: 'form', view: await composer.reopen(caller, parsed.data) });
  });

  registerCardVerb(app, deps, NOTE_VERBS.correct, 'notes.correct', async ({ caller, data }) => {
    const parsed = noteCorrectSchema.safeParse(data);
    return parsed.success ? show({ kind: 'form', view: await composer.openCorrection(caller, parsed.data.accountId, parsed.data.noteId) }) : badFormCard();
  });

  registerCardVerb(app, deps, NOTE_VERBS.fill, 'notes.fill', async ({ caller, data }) => {
    const parsed = noteSubmitSchema.safeParse(data);
    return parsed.success ? show({ kind: 'form', view: await composer.fill(caller, parsed.data) }) : badFormCard();
  });

  for (const [verb, override] of [[NOTE_VERBS.submit, false], [NOTE_VERBS.saveAnyway, true]] as const) {
    registerCardVerb(app, deps, verb, override ? 'notes.saveAnyway' : 'notes.submit', async ({ caller, data }) => {
      const parsed = noteSubmitSchema.safeParse(data);
      if (!parsed.success) return badFormCard();
      return show(await composer.submit(caller, parsed.data, override));
    });
  }

  registerStaleVerbs(app, deps, NOTE_VERB_PREFIX, 'notes.stale');
}

