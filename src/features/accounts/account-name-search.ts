import type { Container, FeedResponse, SqlParameter, SqlQuerySpec } from '@azure/cosmos';
import { z } from 'zod/v4';
import { DomainError } from '../../shared/errors';
import { readManyById } from '../../store/read-many';
import { accountSchema, nameLookupSchema, type Account } from './accounts.schemas';
import { matchesName, MIN_TYPO_TOKEN_LENGTH, nameQueryKey, nameTokens } from './name-match';

/**
 * Name search, a page at a time with continuation tokens. First every token must start a word
 * ("lea bel" finds "lea belanger", any order), read from one partition of the name lookups (`index`:
 * `name:<first two letters of the longest token>`, see `nameLookupsOf`), then the accounts found in
 * one bulk read (readManyById). When that finds nothing, one query over all accounts: with a typo
 * allowed when a token is long enough (`typo`: wider SQL, the code keeps names at most one typo
 * away), else exact (`exact`, also what a one-letter query uses), so an account whose name lookups
 * are missing is still found.
 */

/** The containers name search reads. */
export interface NameSearchContainers {
  accounts: Container;
  lookups: Container;
}

export interface NameSearchOptions {
  continuation?: string;
  pageSize: number;
}

/** A page of accounts and, when there may be more, the opaque token for the next page. */
export interface AccountPage {
  accounts: Account[];
  continuation?: string;
}

type Mode = 'index' | 'exact' | 'typo';
/** Where the next page starts: the mode, the SDK token of the page being read, and how many of its matches were shown. */
const cursorSchema = z.object({ m: z.enum(['index', 'exact', 'typo']), t: z.string().optional(), s: z.number().int().min(0) });
type Cursor = z.infer<typeof cursorSchema>;

/** The most query pages one call reads before it hands back a continuation (bounds the latency). */
const MAX_ROUNDS = 8;

const encodeCursor = (cursor: Cursor): string => Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');

function decodeCursor(token: string): Cursor {
  const parsed = cursorSchema.safeParse(safeJson(Buffer.from(token, 'base64url').toString('utf8')));
  if (!parsed.success) throw new DomainError('invalid_input', 'That list of results can no longer be continued. Please search again.');
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The SQL for a mode (`index` and `exact` share it). Parameters only; the text typed by the agent never becomes SQL. */
export function nameSearchQuery(tokens: readonly string[], mode: Mode): SqlQuerySpec {
  const parameters: SqlParameter[] = [];
  const param = (value: string) => {
    const name = `@p${parameters.length}`;
    parameters.push({ name, value });
    return name;
  };
  const wordStart = (value: string) =>
    `(STARTSWITH(c.searchName, ${param(value)}) OR CONTAINS(c.searchName, ${param(` ${value}`)}) OR CONTAINS(c.searchName, ${param(`-${value}`)}))`;
  const clauses = tokens.map((token) => {
    if (mode !== 'typo' || token.length < MIN_TYPO_TOKEN_LENGTH) return wordStart(token);
    // One edit leaves either the first two letters or the tail after the third letter untouched.
    const tail = token.length > MIN_TYPO_TOKEN_LENGTH ? token.slice(3) : token.slice(2);
    return `(${wordStart(token.slice(0, 2))} OR CONTAINS(c.searchName, ${param(tail)}))`;
  });
  return { query: `SELECT * FROM c WHERE ${clauses.join(' AND ')} ORDER BY c.searchName`, parameters };
}

async function fetchPage(container: Container, spec: SqlQuerySpec, options: { maxItemCount: number; continuationToken?: string; partitionKey?: string }): Promise<FeedResponse<unknown>> {
  try {
    return await container.items.query(spec, options).fetchNext();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (options.continuationToken && code === 400) throw new DomainError('invalid_input', 'That list of results can no longer be continued. Please search again.');
    throw error;
  }
}

/** A name found: the account itself (query over accounts) or its id and name (name lookups). */
type Found = { id: string; searchName: string; account?: Account };

/** The accounts of what was found, in order, read in one request; one whose account is gone (a stale lookup) is left out. */
async function accountsOf(accounts: Container, found: Found[]): Promise<Account[]> {
  const read = await readManyById(accounts, found.filter((f) => !f.account).map((f) => f.id));
  return found
    .map((f) => f.account ?? (read.has(f.id) ? accountSchema.parse(read.get(f.id)) : undefined))
    .filter((account): account is Account => account !== undefined);
}

/** Reads query pages until `pageSize` matches are found or the results end. */
async function fillPage(containers: NameSearchContainers, tokens: readonly string[], pageSize: number, start: Cursor): Promise<AccountPage> {
  const partitionKey = start.m === 'index' ? nameQueryKey(tokens) : undefined;
  if (start.m === 'index' && !partitionKey) return { accounts: [] };
  const spec = nameSearchQuery(tokens, start.m);
  const maxTypos = start.m === 'typo' ? 1 : 0;
  const maxItemCount = start.m === 'typo' ? Math.max(pageSize * 4, 40) : pageSize;
  const toFound = (resource: unknown): Found => {
    if (partitionKey) {
      const lookup = nameLookupSchema.parse(resource);
      return { id: lookup.accountId, searchName: lookup.searchName };
    }
    const account = accountSchema.parse(resource);
    return { id: account.id, searchName: account.searchName, account };
  };
  const found: Found[] = [];
  let token = start.t;
  let skip = start.s;
  const done = async (continuation?: Cursor): Promise<AccountPage> => ({
    accounts: await accountsOf(containers.accounts, found),
    ...(continuation ? { continuation: encodeCursor(continuation) } : {}),
  });
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const response = await fetchPage(partitionKey ? containers.lookups : containers.accounts, spec, { maxItemCount, continuationToken: token, partitionKey });
    const matches = response.resources
      .map(toFound)
      .filter((f) => matchesName(tokens, f.searchName, maxTypos))
      .slice(skip);
    const room = pageSize - found.length;
    found.push(...matches.slice(0, room));
    if (matches.length > room) return done({ m: start.m, t: token, s: skip + room });
    if (!response.continuationToken) return done();
    token = response.continuationToken;
    skip = 0;
    if (found.length === pageSize) break;
  }
  return done({ m: start.m, t: token, s: 0 });
}

/** Finds accounts by name: any case, accents or word order, and one typo when nothing matches exactly. */
export async function searchAccountsByName(containers: NameSearchContainers, text: string, options: NameSearchOptions): Promise<AccountPage> {
  const tokens = nameTokens(text);
  const pageSize = Math.max(1, Math.floor(options.pageSize));
  if (tokens.length === 0) return { accounts: [] };
  if (options.continuation) return fillPage(containers, tokens, pageSize, decodeCursor(options.continuation));
  const firstMode: Mode = nameQueryKey(tokens) ? 'index' : 'exact';
  const first = await fillPage(containers, tokens, pageSize, { m: firstMode, s: 0 });
  if (first.accounts.length > 0 || first.continuation) return first;
  if (tokens.some((token) => token.length >= MIN_TYPO_TOKEN_LENGTH)) return fillPage(containers, tokens, pageSize, { m: 'typo', s: 0 });
  return firstMode === 'index' ? fillPage(containers, tokens, pageSize, { m: 'exact', s: 0 }) : first;
}
