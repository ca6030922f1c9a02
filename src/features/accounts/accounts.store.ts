import type { Container } from '@azure/cosmos';
import { DomainError } from '../../shared/errors';
import { searchAccountsByName, type AccountPage, type NameSearchOptions } from './account-name-search';
import { accountSchema, lookupSchema, type Account, type AccountRecord, type Lookup } from './accounts.schemas';
import { cosmosStatus, isStorableKey, updateLookup } from './lookup-writes';

export type { AccountPage, NameSearchOptions } from './account-name-search';
export type { AccountRecord } from './accounts.schemas';

/** The account was changed by someone else since it was read (412 on `IfMatch`). */
export class AccountConflictError extends DomainError {
  constructor(readonly accountId: string) {
    super('conflict', 'Someone else changed this account while you were editing it. Open it again to see the latest version.', { accountId });
    this.name = 'AccountConflictError';
  }
}

const ACCOUNT_ID = /^\d{6,10}$/;

/**
 * The accounts repository: point reads on `accounts` (partition key /id) and `lookups`
 * (partition key /key), and name search (one partition of the name lookups, see account-name-search.ts).
 */
export class AccountsStore {
  constructor(
    private readonly accounts: Container,
    private readonly lookups: Container,
  ) {}

  /** One point read; undefined when there is no such account (or the id cannot be one). */
  async get(id: string): Promise<AccountRecord | undefined> {
    if (!ACCOUNT_ID.test(id)) return undefined;
    const { resource } = await this.accounts.item(id, id).read();
    return resource ? { account: accountSchema.parse(resource), etag: resource._etag } : undefined;
  }

  /** One point read in `lookups` (`phone:5035550134`, `email:a@b.c`, `unit:PDX1:B112`, `unit:B112`); [] when missing. */
  async lookup(key: string): Promise<string[]> {
    if (!isStorableKey(key)) return [];
    const { resource } = await this.lookups.item(key, key).read<Lookup>();
    return resource ? lookupSchema.parse(resource).accountIds : [];
  }

  /** Accounts whose name matches the text (any case, accents, order; one typo), a page at a time. */
  searchByName(text: string, options: NameSearchOptions): Promise<AccountPage> {
    return searchAccountsByName({ accounts: this.accounts, lookups: this.lookups }, text, options);
  }

  /**
   * Replaces the account if it is unchanged since it was read with `etag`; returns the new record.
   * Throws AccountConflictError when someone else changed it, DomainError 'not_found' when it is gone.
   */
  async replace(account: Account, etag: string): Promise<AccountRecord> {
    const document = accountSchema.parse(account);
    try {
      const { resource } = await this.accounts.item(document.id, document.id).replace(document, { accessCondition: { type: 'IfMatch', condition: etag } });
      if (!resource) throw new Error(`replace of account ${document.id} returned no document`);
      return { account: accountSchema.parse(resource), etag: resource._etag };
    } catch (error) {
      if (cosmosStatus(error) === 412) throw new AccountConflictError(document.id);
      if (cosmosStatus(error) === 404) throw new DomainError('not_found', 'That account no longer exists.', { accountId: document.id });
      throw error;
    }
  }

  /**
   * Keeps lookups right after the account's keys changed: adds the account id to each added key
   * (creating the document), removes it from each removed key (deleting the document when no id is
   * left). Each key is updated with its etag and retried when it loses a race.
   */
  async writeLookups(added: readonly string[], removed: readonly string[], accountId: string): Promise<void> {
    const adds = new Set(added);
    const removes = [...new Set(removed)].filter((key) => !adds.has(key));
    await Promise.all([
      ...[...adds].map((key) => updateLookup(this.lookups, key, (ids) => (ids.includes(accountId) ? [...ids] : [...ids, accountId]))),
      ...removes.map((key) => updateLookup(this.lookups, key, (ids) => ids.filter((id) => id !== accountId))),
    ]);
  }
}
