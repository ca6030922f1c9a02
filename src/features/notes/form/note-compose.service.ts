import { randomUUID } from 'node:crypto';
import { DomainError } from '../../../shared/errors';
import { dispositionValue } from '../dispositions';
import type { AdaptiveCard } from '../../../shared/cards';
import type { Account } from '../../accounts/accounts.schemas';
import { maskAccountId, type AccountsService } from '../../accounts/accounts.service';
import { requirePermission, type Caller } from '../../people/people.service';
import { checkNote, hasBlockingFinding, redactSecrets } from '../checks/note-checks';
import type { NoteFinding } from '../checks/note-check.types';
import type { Note } from '../notes.schemas';
import type { NotesService } from '../notes.service';
import { readNoteForm } from './note-form.rules';
import { EMPTY_VALUES, type NoteErrors, type NoteSubmit, type NoteValues } from './note-form.schemas';

/** Posts a card to the chat or channel linked to a location; never throws. */
export interface UrgentNoteNotifier {
  notifyLocation(locationId: string, card: AdaptiveCard): Promise<{ sent: true } | { sent: false; reason: string; detail?: string }>;
}

/** The account as the note cards show it. */
export interface NoteAccountView {
  accountId: string;
  name: string;
  maskedId: string;
  locationId: string;
  units: { id: string; label: string }[];
}

export interface NoteFormView extends NoteAccountView {
  submissionId: string;
  values: NoteValues;
  errors: NoteErrors;
  /** The ready-made texts the agent may fill the form from. */
  quickResponses: { id: string; title: string }[];
  /** Said above the form (e.g. which quick response filled it). */
  notice?: string;
  /** The note this one corrects. */
  corrects?: CorrectedNote;
}

/** The note a correction refers to, as the cards name it. */
export interface CorrectedNote {
  id: string;
  createdAt: string;
  author: string;
}

/** Ready-made note texts (the quick responses feature), as the note form uses them. */
export interface QuickResponsesSource {
  active(caller: Caller): Promise<{ id: string; title: string }[]>;
  forNote(caller: Caller, id: string): Promise<{ title: string; reason: string; resolution: string; followUp: string; disposition: string }>;
}

export interface NoteReviewView extends NoteAccountView {
  submissionId: string;
  correctsNoteId?: string;
  values: NoteValues;
  findings: NoteFinding[];
}

export interface NoteSavedView extends NoteAccountView {
  notes: Note[];
  /** The same submission was saved before (a replay): nothing new was written or sent. */
  replayed: boolean;
  /** For urgent notes: whether the location's chat got the message. */
  urgent?: { sent: true } | { sent: false; reason: string };
}

export type NoteOutcome = { kind: 'form'; view: NoteFormView } | { kind: 'review'; view: NoteReviewView } | { kind: 'saved'; view: NoteSavedView };

export interface NoteComposerDeps {
  accounts: Pick<AccountsService, 'get'>;
  notes: Pick<NotesService, 'append' | 'get'>;
  quickResponses?: QuickResponsesSource;
  /** Where urgent notes go; without one, urgent notes are saved and the agent is told nothing was sent. */
  notifier?: UrgentNoteNotifier;
  /** Makes the card posted for an urgent note. */
  urgentCard: (note: Note, account: NoteAccountView) => AdaptiveCard;
  now?: () => Date;
}

/**
 * Files account notes from the note form: opens it, validates what was typed, runs the policy
 * checks, and saves one note per chosen unit (ids from the form's submission id, so a replayed
 * submit saves nothing twice). Urgent notes go to the location's linked chat; a failed post never
 * loses the note.
 */
export class NoteComposer {
  constructor(private readonly deps: NoteComposerDeps) {}

  async openForm(caller: Caller, accountId: string, values: Partial<NoteValues> = {}): Promise<NoteFormView> {
    requirePermission(caller, 'notes.create');
    const account = await this.account(accountId);
    const units = account.units.length === 1 ? account.units[0]!.id : '';
    const quickResponses = await this.quickResponses(caller);
    return { ...account, submissionId: randomUUID(), values: { ...EMPTY_VALUES, callerName: account.name, units, ...values }, errors: {}, quickResponses };
  }

  /** "Correct" on a note: the form filled from that note; saving writes a new note that names it. */
  async openCorrection(caller: Caller, accountId: string, noteId: string): Promise<NoteFormView> {
    const original = await this.original(accountId, noteId);
    const values: Partial<NoteValues> = {
      callerName: original.caller.name,
      callerRelationship: original.caller.relationship,
      reason: original.reason,
      resolution: original.resolution,
      additionalInfo: original.additionalInfo ?? '',
      followUp: original.followUp ?? '',
      disposition: dispositionValue(original.disposition),
      units: original.unitIds.join(','),
      ...original.flags,
    };
    const form = await this.openForm(caller, accountId, values);
    return { ...form, corrects: corrected(original) };
  }

  /**
   * "Fill in" with a quick response: its texts replace the reason, resolution and follow-up (and the
   * disposition when it has one); who called, the units and the flags stay as typed.
   */
  async fill(caller: Caller, submit: NoteSubmit): Promise<NoteFormView> {
    const id = submit.quickResponse;
    const form = await this.reopen(caller, submit);
    if (!id || !this.deps.quickResponses) return { ...form, notice: 'Pick a quick response first, then Fill in.' };
    const picked = await this.deps.quickResponses.forNote(caller, id);
    const filled = { ...form.values, reason: picked.reason, resolution: picked.resolution, followUp: picked.followUp, disposition: picked.disposition || form.values.disposition };
    return { ...form, values: filled, notice: `Filled from "${picked.title}". Replace every [bracket] with the details of this call.` };
  }

  /** The form again, as typed, for the same submission (the review card's "Edit"). */
  async reopen(caller: Caller, submit: NoteSubmit): Promise<NoteFormView> {
    const { accountId, submissionId, quickResponse: _q, correctsNoteId, ...values } = submit;
    const form = await this.openForm(caller, accountId, values);
    return { ...form, submissionId, ...(correctsNoteId ? { corrects: corrected(await this.original(accountId, correctsNoteId)) } : {}) };
  }

  /**
   * The form's submit (`override`: the review card's "Save anyway"): the form again with errors, a
   * review of what the checks found, or the saved notes. Blocking findings never save.
   */
  async submit(caller: Caller, submit: NoteSubmit, override = false): Promise<NoteOutcome> {
    requirePermission(caller, 'notes.create');
    const account = await this.account(submit.accountId);
    const { accountId: _a, submissionId, quickResponse: _q, correctsNoteId, ...values } = submit;
    const corrects = correctsNoteId ? corrected(await this.original(account.accountId, correctsNoteId)) : undefined;
    const read = readNoteForm(values, account.units.map((u) => u.id));
    if (!read.ok) return { kind: 'form', view: { ...account, submissionId, values: withoutSecrets(values), errors: read.errors, quickResponses: await this.quickResponses(caller), corrects } };
    const findings = checkNote(values);
    if (hasBlockingFinding(findings)) return { kind: 'review', view: { ...account, submissionId, correctsNoteId, values: withoutSecrets(values), findings } };
    if (findings.length && !override) return { kind: 'review', view: { ...account, submissionId, correctsNoteId, values, findings } };

    const author = caller.person!;
    const createdAt = (this.deps.now?.() ?? new Date()).toISOString();
    const notes: Note[] = read.unitIds.map((unitId) => ({
      id: read.unitIds.length === 1 ? submissionId : `${submissionId}:${unitId}`,
      accountId: account.accountId,
      unitIds: [unitId],
      author: { id: author.id, name: author.name, ...(author.title ? { title: author.title } : {}) },
      createdAt,
      caller: read.caller,
      reason: values.reason.trim(),
      resolution: values.resolution.trim(),
      ...(values.additionalInfo.trim() ? { additionalInfo: values.additionalInfo.trim() } : {}),
      ...(values.followUp.trim() ? { followUp: values.followUp.trim() } : {}),
      disposition: read.disposition,
      flags: { urgent: values.urgent, collection: values.collection, critical: values.critical },
      ...(corrects ? { correctsNoteId: corrects.id } : {}),
    }));
    let created = 0;
    for (const note of notes) if ((await this.deps.notes.append(note)).created) created += 1;
    const replayed = created === 0;
    const view: NoteSavedView = { ...account, notes, replayed };
    if (values.urgent && !replayed) view.urgent = await this.notify({ ...notes[0]!, unitIds: read.unitIds }, account);
    return { kind: 'saved', view };
  }

  private async notify(note: Note, account: NoteAccountView): Promise<NoteSavedView['urgent']> {
    if (!this.deps.notifier) return { sent: false, reason: 'not_linked' };
    const result = await this.deps.notifier.notifyLocation(account.locationId, this.deps.urgentCard(note, account));
    return result.sent ? { sent: true } : { sent: false, reason: result.reason };
  }

  /** The note being corrected: it must be one of this account's notes (the id came from a card). */
  private async original(accountId: string, noteId: string): Promise<Note> {
    const note = await this.deps.notes.get(accountId, noteId);
    if (!note) throw new DomainError('not_found', 'That note is not on this account any more, so it cannot be corrected. Open the account again.');
    return note;
  }

  private async quickResponses(caller: Caller): Promise<NoteFormView['quickResponses']> {
    return this.deps.quickResponses ? (await this.deps.quickResponses.active(caller)).map(({ id, title }) => ({ id, title })) : [];
  }

  private async account(accountId: string): Promise<NoteAccountView> {
    const { account } = await this.deps.accounts.get(accountId);
    return accountView(account);
  }
}

function corrected(note: Note): CorrectedNote {
  return { id: note.id, createdAt: note.createdAt, author: note.author.name };
}

/** What was typed with every secret masked: a card never carries a card number, ID or password back. */
function withoutSecrets(values: NoteValues): NoteValues {
  const { reason, resolution, additionalInfo, followUp } = values;
  return { ...values, reason: redactSecrets(reason), resolution: redactSecrets(resolution), additionalInfo: redactSecrets(additionalInfo), followUp: redactSecrets(followUp) };
}

function accountView(account: Account): NoteAccountView {
  return {
    accountId: account.id,
    name: `${account.firstName} ${account.lastName}`,
    maskedId: maskAccountId(account.id),
    locationId: account.locationId,
    units: account.units.map((u) => ({ id: u.id, label: `Unit ${u.id} · ${u.size} ${u.type} · ${u.status}` })),
  };
}
