import { randomUUID } from 'node:crypto';
import { DomainError, isDomainError } from '../../../shared/errors';
import type { LocationsService } from '../../locations/locations.service';
import type { NotesService } from '../../notes/notes.service';
import type { Person } from '../../people/people.schemas';
import { requirePermission, type Caller } from '../../people/people.service';
import type { Account, AccountRecord, Unit } from '../accounts.schemas';
import { maskAccountId, type AccountsService } from '../accounts.service';
import { localDate, safeTimeZone } from '../cards/format';
import { promiseNotes } from './promise.notes';
import { addDays, checkPromise, delinquentUnits, isAlreadySet, unitsStamp, withPromises } from './promise.rules';
import { ALL_DELINQUENT_UNITS, PROMISE_WINDOW_DAYS, type PromiseErrors, type PromiseSubmit, type PromiseValues, type UnitPromise } from './promise.schemas';

/** The form, as shown: fresh, or again with what was entered, the problems, and why (`notice`). */
export interface PromiseFormView {
  accountId: string;
  name: string;
  maskedId: string;
  submissionId: string;
  stamp: string;
  /** The location's today, and the last date the policy allows. */
  today: string;
  lastDay: string;
  units: Unit[];
  values: PromiseValues;
  errors: PromiseErrors;
  notice?: string;
}

/** What was set: each unit's promise and the account's next collection event. */
export interface PromiseResultView {
  accountId: string;
  name: string;
  maskedId: string;
  promises: UnitPromise[];
  collection?: Account['collection'];
  /** The same promise was already saved (a replayed submit): nothing new was written. */
  replayed: boolean;
}

export type PromiseOutcome = { kind: 'form'; view: PromiseFormView } | { kind: 'saved'; view: PromiseResultView };

export interface PromiseToPayDeps {
  accounts: Pick<AccountsService, 'get'>;
  /** Saves the account if unchanged since read with `etag` (AccountsStore.replace); throws a 'conflict' DomainError otherwise. */
  accountsStore: { replace(account: Account, etag: string): Promise<AccountRecord> };
  notes: Pick<NotesService, 'append'>;
  locations: Pick<LocationsService, 'get'>;
  now?: () => Date;
}

const CHANGED = 'This account changed since the form was opened, so nothing was saved. Here is how it is now: check it and submit again.';

/** "Set promise to pay": validates a promise, sets it on the unit(s) with the account's etag, and notes it. */
export class PromiseToPayService {
  constructor(private readonly deps: PromiseToPayDeps) {}

  /** A fresh form with a new submission id. Needs `accounts.update`; an account with nothing past due gets a clear error. */
  async openForm(caller: Caller, accountId: string): Promise<PromiseFormView> {
    requirePermission(caller, 'accounts.update');
    const { account } = await this.deps.accounts.get(accountId);
    const late = delinquentUnits(account);
    if (!late.length) throw new DomainError('invalid_input', `${account.firstName} ${account.lastName} has no past-due units, so there is no promise to set.`);
    const unit = late.length === 1 ? late[0]!.id : ALL_DELINQUENT_UNITS;
    return formView(account, await this.today(account), randomUUID(), { unit }, {});
  }

  /**
   * Sets the promise. A replay of a saved submission answers success and writes nothing new. Values
   * come back in the form when they break a rule, or when the units changed since the form was shown.
   * A save that loses a race is re-read and re-applied once; a second loss shows the form again.
   */
  async submit(caller: Caller, submit: PromiseSubmit): Promise<PromiseOutcome> {
    const person = requirePermission(caller, 'accounts.update');
    let record = await this.deps.accounts.get(submit.accountId);
    const today = await this.today(record.account);
    const values: PromiseValues = { unit: submit.unit ?? undefined, date: submit.date ?? undefined, amount: submit.amount ?? undefined };
    for (let attempt = 1; ; attempt += 1) {
      const { account, etag } = record;
      const { promises, errors } = checkPromise(account, values, today);
      const valid = !Object.keys(errors).length;
      if (valid && isAlreadySet(account, promises, person.id)) {
        const setAt = account.units.find((u) => u.id === promises[0]!.unitId)?.promiseToPay?.setAt ?? this.now().toISOString();
        return this.noted(account, promises, person, setAt, submit.submissionId, true);
      }
      if (unitsStamp(account) !== submit.stamp) return { kind: 'form', view: formView(account, today, submit.submissionId, values, errors, CHANGED) };
      if (!valid) return { kind: 'form', view: formView(account, today, submit.submissionId, values, errors) };
      const setAt = this.now().toISOString();
      try {
        const saved = await this.deps.accountsStore.replace(withPromises(account, promises, person, setAt, today), etag);
        return this.noted(saved.account, promises, person, setAt, submit.submissionId, false);
      } catch (error) {
        // AccountsStore.replace reports a lost race (412 on IfMatch) as a 'conflict' DomainError.
        if (!isDomainError(error) || error.code !== 'conflict') throw error;
        record = await this.deps.accounts.get(account.id);
        if (attempt >= 2) return { kind: 'form', view: formView(record.account, today, submit.submissionId, values, {}, CHANGED) };
      }
    }
  }

  /** Appends the notes (idempotent by id) and describes what is set. */
  private async noted(account: Account, promises: UnitPromise[], person: Person, setAt: string, submissionId: string, replayed: boolean): Promise<PromiseOutcome> {
    for (const note of promiseNotes(account, promises, person, setAt, submissionId)) await this.deps.notes.append(note);
    const view: PromiseResultView = { accountId: account.id, name: fullName(account), maskedId: maskAccountId(account.id), promises, replayed };
    return { kind: 'saved', view: account.collection ? { ...view, collection: account.collection } : view };
  }

  /** The location's date (UTC when the location or its time zone is unknown). */
  private async today(account: Account): Promise<string> {
    const location = await this.deps.locations.get(account.locationId);
    return localDate(this.now(), safeTimeZone(location?.timeZone));
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}

function fullName(account: Account): string {
  return `${account.firstName} ${account.lastName}`;
}

function formView(account: Account, today: string, submissionId: string, values: PromiseValues, errors: PromiseErrors, notice?: string): PromiseFormView {
  const view: PromiseFormView = {
    accountId: account.id,
    name: fullName(account),
    maskedId: maskAccountId(account.id),
    submissionId,
    stamp: unitsStamp(account),
    today,
    lastDay: addDays(today, PROMISE_WINDOW_DAYS),
    units: delinquentUnits(account),
    values,
    errors,
  };
  return notice ? { ...view, notice } : view;
}
