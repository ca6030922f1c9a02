import { randomUUID } from 'node:crypto';
import { DomainError, isDomainError } from '../../../shared/errors';
import type { Note } from '../../notes/notes.schemas';
import type { Account, AccountRecord } from '../accounts.schemas';
import { changedTopics, describeChanges } from './contact-changes';
import { applyEdits, initialValues, mergeTyped, submittedValues } from './contact-edits';
import { contactOf, lookupChanges, sameContact } from './contact-normalise';
import type { ContactDetails, ContactErrors, ContactFormValues, ContactSubmit } from './contact.schemas';

/** What contact updates need from the accounts store (AccountsStore implements it). */
export interface ContactRepository {
  get(id: string): Promise<AccountRecord | undefined>;
  replace(account: Account, etag: string): Promise<AccountRecord>;
  writeLookups(added: readonly string[], removed: readonly string[], accountId: string): Promise<void>;
}

/** What contact updates need from the notes feature (NotesService implements it). */
export interface ContactNotes {
  append(note: Note): Promise<{ created: boolean }>;
}

/** The form as it should be shown: the stored account, the form's etag and submission id, the inputs' values. */
export interface ContactFormView {
  account: Account;
  etag: string;
  submissionId: string;
  values: ContactFormValues;
  errors: ContactErrors;
  /** Set when someone else changed the account since the form was opened: what they changed. */
  changedByOthers?: string[];
}

export type ContactOutcome =
  | { kind: 'saved'; account: Account; changes: string[]; noteCreated: boolean }
  | { kind: 'unchanged'; account: Account }
  | { kind: 'form'; view: ContactFormView };

/** The note's id: one per form submission, so a replayed submit cannot add a second note. */
export function contactNoteId(submissionId: string): string {
  return `contact-${submissionId}`;
}

/**
 * Updates an account's phones, emails, language and communication preferences from the contact
 * form. The save is conditional on the etag the form was made with; a lost race re-shows the form.
 */
export class ContactService {
  constructor(
    private readonly accounts: ContactRepository,
    private readonly notes: ContactNotes,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The form for an account as stored now, with a new submission id. Throws 'not_found'. */
  async open(accountId: string): Promise<ContactFormView> {
    const record = await this.read(accountId);
    return { account: record.account, etag: record.etag, submissionId: randomUUID(), values: initialValues(record.account), errors: {} };
  }

  /**
   * Saves a submitted form for `author`: the account (IfMatch the form's etag), its lookups and one
   * note. A replay of a saved submission answers 'saved' again and changes nothing. Throws
   * DomainError when the account is gone or the form was made for another account.
   */
  async submit(author: Note['author'], submit: ContactSubmit): Promise<ContactOutcome> {
    const record = await this.read(submit.accountId);
    if (record.account.createdAt !== submit.seen.stamp) {
      throw new DomainError('invalid_input', 'This form was made for a different account, so nothing was changed. Open the account again and use its Update contact button.', { accountId: submit.accountId });
    }
    const typed = submittedValues(submit);
    const stored = contactOf(record.account);
    // Someone changed something else on the account (a payment, a unit): the form still applies.
    if (record.etag === submit.etag || sameContact(stored, submit.seen)) return this.save(author, submit, record, typed);
    const intended = applyEdits(submit.seen, typed);
    const changes = describeChanges(submit.seen, intended.details);
    if (!hasErrors(intended.errors) && changes.length > 0 && sameContact(stored, intended.details)) {
      // A replay of a submission that was saved: finish its lookups and note (both idempotent).
      const noteCreated = await this.finish(author, submit, record.account, submit.seen, intended.details);
      return { kind: 'saved', account: record.account, changes, noteCreated };
    }
    return { kind: 'form', view: conflictView(record, submit, typed) };
  }

  private async save(author: Note['author'], submit: ContactSubmit, record: AccountRecord, typed: ContactFormValues): Promise<ContactOutcome> {
    const base = contactOf(record.account);
    const { details, errors } = applyEdits(base, typed);
    if (hasErrors(errors)) return { kind: 'form', view: { account: record.account, etag: record.etag, submissionId: submit.submissionId, values: mergeTyped(record.account, submit.seen, typed), errors } };
    const changes = describeChanges(base, details);
    if (changes.length === 0) return { kind: 'unchanged', account: record.account };
    let saved: AccountRecord;
    try {
      saved = await this.accounts.replace({ ...record.account, ...details, updatedAt: this.now().toISOString() }, record.etag);
    } catch (error) {
      // AccountConflictError: someone saved the account between the read and this write.
      if (!isDomainError(error) || error.code !== 'conflict') throw error;
      return { kind: 'form', view: conflictView(await this.read(submit.accountId), submit, typed) };
    }
    const noteCreated = await this.finish(author, submit, saved.account, base, details);
    return { kind: 'saved', account: saved.account, changes, noteCreated };
  }

  // Points the lookups at the new phones and emails (and away from removed ones), then writes the note.
  private async finish(author: Note['author'], submit: ContactSubmit, account: Account, from: ContactDetails, to: ContactDetails): Promise<boolean> {
    const { added, removed } = lookupChanges(from, to);
    await this.accounts.writeLookups(added, removed, account.id);
    const resolution = describeChanges(from, to).map((change) => `${change}.`).join(' ');
    const { created } = await this.notes.append({
      id: contactNoteId(submit.submissionId),
      accountId: account.id,
      // An account-wide change is noted on all its units; a lead has none.
      unitIds: account.units.length ? account.units.map((u) => u.id) : ['none'],
      author,
      createdAt: this.now().toISOString(),
      caller: { name: (submit.callerName ?? '').trim(), relationship: submit.callerRelationship ?? 'Account holder' },
      reason: `Asked to update the ${changedTopics(from, to)} on the account.`,
      resolution: resolution.length <= 4000 ? resolution : `${resolution.slice(0, 3999)}…`,
      disposition: { category: 'Customer Service', name: 'Update Account Information' },
      flags: { urgent: false, collection: false, critical: false },
    });
    return created;
  }

  private async read(accountId: string): Promise<AccountRecord> {
    const record = await this.accounts.get(accountId);
    if (!record) throw new DomainError('not_found', 'That account no longer exists, so nothing was changed.', { accountId });
    return record;
  }
}

function hasErrors(errors: ContactErrors): boolean {
  return Object.keys(errors).length > 0;
}

// The form again after a lost race: the new stored values, the agent's own edits kept, and what changed.
function conflictView(record: AccountRecord, submit: ContactSubmit, typed: ContactFormValues): ContactFormView {
  const values = mergeTyped(record.account, submit.seen, typed);
  const { errors } = applyEdits(contactOf(record.account), values);
  const changedByOthers = describeChanges(submit.seen, contactOf(record.account));
  return { account: record.account, etag: record.etag, submissionId: submit.submissionId, values, errors, changedByOthers };
}
