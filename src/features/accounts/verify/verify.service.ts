import { randomUUID } from 'node:crypto';
import type { Note } from '../../notes/notes.schemas';
import type { NotesService } from '../../notes/notes.service';
import { requirePermission, type Caller } from '../../people/people.service';
import type { Person } from '../../people/people.schemas';
import type { Account } from '../accounts.schemas';
import { maskAccountId, type AccountsService } from '../accounts.service';
import { compareIdentifiers, guidanceFor, isVerified, normalizeIdentifiers, type VerifyErrors } from './identifiers';
import { IDENTIFIER_KINDS, IDENTIFIER_LABELS, type IdentifierCheck, type VerificationRecord, type VerifySubmit, type VerifyValues } from './verify.schemas';
import { SYSTEM_DISPOSITIONS } from '../../notes/dispositions';

/** The form, as shown: fresh, or again with what was typed and the problems next to the fields. */
export interface VerifyFormView {
  accountId: string;
  name: string;
  maskedId: string;
  submissionId: string;
  values: VerifyValues;
  errors: VerifyErrors;
}

/** The answer: per identifier only "match" or "no match", what to do next, and that it was recorded. */
export interface VerifyResultView {
  accountId: string;
  name: string;
  maskedId: string;
  record: VerificationRecord;
  guidance: string[];
}

export type VerifyOutcome = { kind: 'form'; view: VerifyFormView } | { kind: 'result'; view: VerifyResultView };

export interface VerifyCallerDeps {
  accounts: Pick<AccountsService, 'get'>;
  notes: Pick<NotesService, 'append'>;
  now?: () => Date;
}


/**
 * "Verify caller": compares what the caller says with the account and records that it happened as an
 * account note (who, when, which kinds of identifier, the result of each; never the values).
 */
export class VerifyCallerService {
  constructor(private readonly deps: VerifyCallerDeps) {}

  /** A fresh form with a new submission id. Needs `accounts.read`; throws 'not_found' for an unknown account. */
  async openForm(caller: Caller, accountId: string): Promise<VerifyFormView> {
    requirePermission(caller, 'accounts.read');
    const { account } = await this.deps.accounts.get(accountId);
    return formView(account, randomUUID(), {}, {});
  }

  /**
   * Checks the submitted identifiers. A form with problems comes back with the values kept and nothing
   * recorded; otherwise the note is appended with the submission id as its id, so a replay records
   * nothing new.
   */
  async verify(caller: Caller, submit: VerifySubmit): Promise<VerifyOutcome> {
    const person = requirePermission(caller, 'accounts.read');
    const { account } = await this.deps.accounts.get(submit.accountId);
    const values: VerifyValues = {};
    for (const kind of IDENTIFIER_KINDS) {
      const typed = submit[kind];
      if (typed?.trim()) values[kind] = typed;
    }
    const { identifiers, errors } = normalizeIdentifiers(values);
    if (Object.keys(errors).length) return { kind: 'form', view: formView(account, submit.submissionId, values, errors) };

    const checks = compareIdentifiers(account, identifiers);
    const record: VerificationRecord = {
      accountId: account.id,
      checkedBy: { id: person.id, name: person.name },
      checkedAt: (this.deps.now?.() ?? new Date()).toISOString(),
      checks,
      verified: isVerified(checks),
    };
    await this.deps.notes.append(verificationNote(account, person, record, submit.submissionId));
    return { kind: 'result', view: { accountId: account.id, name: fullName(account), maskedId: maskAccountId(account.id), record, guidance: guidanceFor(checks) } };
  }
}

function fullName(account: Account): string {
  return `${account.firstName} ${account.lastName}`;
}

function formView(account: Account, submissionId: string, values: VerifyValues, errors: VerifyErrors): VerifyFormView {
  return { accountId: account.id, name: fullName(account), maskedId: maskAccountId(account.id), submissionId, values, errors };
}

/** "ID number (last 3 digits only): match". */
export function describeCheck(check: IdentifierCheck): string {
  const basis = check.basis === 'last3' ? ' (last 3 digits only)' : '';
  return `${IDENTIFIER_LABELS[check.kind]}${basis}: ${check.result}`;
}

/**
 * The verification as a 4E note: kinds and results only. It covers the whole account, so it names all
 * of its units in one note (an account without units is noted as 'none').
 */
export function verificationNote(account: Account, author: Person, record: VerificationRecord, submissionId: string): Note {
  const lastThree = record.checks.some((c) => c.basis === 'last3');
  return {
    id: submissionId,
    accountId: account.id,
    unitIds: account.units.length ? account.units.map((u) => u.id) : ['none'],
    author: { id: author.id, name: author.name, ...(author.title ? { title: author.title } : {}) },
    createdAt: record.checkedAt,
    caller: { name: fullName(account), relationship: 'Account holder' },
    reason: "Checked the caller's identity with the Verify caller form before discussing the account.",
    resolution: `Checked ${record.checks.map(describeCheck).join('; ')}. Result: ${record.verified ? 'verified' : 'not verified'}.`,
    ...(lastThree ? { additionalInfo: 'Only the last 3 digits of the ID are on file; the occupancy sheet is where to look for the full ID.' } : {}),
    disposition: record.verified ? SYSTEM_DISPOSITIONS.callerVerified : SYSTEM_DISPOSITIONS.callerNotVerified,
    flags: { urgent: false, collection: false, critical: false },
  };
}
