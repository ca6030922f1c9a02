import { DomainError } from '../../shared/errors';
import { parseAccountQuery, type AccountQuery } from './account-query';
import type { Account, AccountRecord, AccountSummary } from './accounts.schemas';

export type { AccountQuery } from './account-query';
export type { AccountRecord, AccountSummary } from './accounts.schemas';

/** What the service needs from the store (AccountsStore implements it). */
export interface AccountsRepository {
  get(id: string): Promise<AccountRecord | undefined>;
  lookup(key: string): Promise<string[]>;
  searchByName(text: string, options: { continuation?: string; pageSize: number }): Promise<{ accounts: Account[]; continuation?: string }>;
}

export interface FindOptions {
  /** The token from the previous page of the same query. */
  continuation?: string;
  /** At most this many matches (default 10). */
  pageSize?: number;
}

/** A page of matches; `continuation` is there when another page may follow. */
export interface FindResult {
  matches: AccountSummary[];
  continuation?: string;
}

export const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 50;

/** '•••' and the last 3 digits: "1234567" -> "•••567". */
export function maskAccountId(id: string): string {
  return `•••${id.slice(-3)}`;
}

/** The search-result line for an account. */
export function summarizeAccount(account: Account): AccountSummary {
  return {
    id: account.id,
    name: `${account.firstName} ${account.lastName}`,
    maskedId: maskAccountId(account.id),
    kind: account.kind,
    status: account.status,
    locationId: account.locationId,
  };
}

/** The `lookups` key for a phone, email or unit query; undefined for id and name. */
export function lookupKey(query: AccountQuery): string | undefined {
  if (query.kind === 'phone') return `phone:${query.digits}`;
  if (query.kind === 'email') return `email:${query.address.toLowerCase()}`;
  if (query.kind === 'unit') return query.locationId ? `unit:${query.locationId}:${query.unitId}` : `unit:${query.unitId}`;
  return undefined;
}

/** Finds accounts by phone, email, unit, id (point reads only) or name (the one query). */
export class AccountsService {
  constructor(private readonly store: AccountsRepository) {}

  /**
   * Finds accounts for what the agent typed (or an already parsed query). Phone, email, unit and id
   * are point reads; a name is a paged query. Throws DomainError 'invalid_input' for text that is
   * none of these, or for a continuation that does not belong to this query.
   */
  async find(query: string | AccountQuery, options: FindOptions = {}): Promise<FindResult> {
    const parsed = typeof query === 'string' ? parseAccountQuery(query) : query;
    if (!parsed) {
      throw new DomainError('invalid_input', 'Search by phone number, email, unit (like B112 or PDX1 B112), account id or name.');
    }
    const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(options.pageSize ?? DEFAULT_PAGE_SIZE)));
    if (parsed.kind === 'name') {
      const page = await this.store.searchByName(parsed.text, { continuation: options.continuation, pageSize });
      return withContinuation(page.accounts.map(summarizeAccount), page.continuation);
    }
    const key = lookupKey(parsed);
    const ids = key ? await this.store.lookup(key) : parsed.kind === 'id' ? [parsed.id] : [];
    const start = offsetFrom(options.continuation);
    const pageIds = ids.slice(start, start + pageSize);
    const records = await Promise.all(pageIds.map((id) => this.store.get(id)));
    const matches = records.flatMap((record) => (record ? [summarizeAccount(record.account)] : []));
    return withContinuation(matches, start + pageSize < ids.length ? String(start + pageSize) : undefined);
  }

  /** The account and its etag. Throws DomainError 'not_found' when there is no such account. */
  async get(id: string): Promise<AccountRecord> {
    const record = await this.store.get(id);
    if (!record) throw new DomainError('not_found', `There is no account ${maskAccountId(id)}.`, { accountId: id });
    return record;
  }
}

function withContinuation(matches: AccountSummary[], continuation: string | undefined): FindResult {
  return continuation ? { matches, continuation } : { matches };
}

/** Point-read results page by position in the lookup's id list. */
function offsetFrom(continuation: string | undefined): number {
  if (continuation === undefined) return 0;
  if (!/^\d{1,4}$/.test(continuation)) throw new DomainError('invalid_input', 'That list of results can no longer be continued. Please search again.');
  return Number(continuation);
}
