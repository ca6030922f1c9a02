import type { Container, FeedResponse, SqlParameter, SqlQuerySpec } from '@azure/cosmos';
import { z } from 'zod/v4';
import { DomainError } from '../../shared/errors';
import { accountSchema, type Account } from './accounts.schemas';
import { matchesName, MIN_TYPO_TOKEN_LENGTH, nameTokens } from './name-match';

/**
 * Name search over `accounts.searchName`: one parameterized query, paged with continuation tokens.
 * First every token must start a word ("lea bel" finds "lea belanger", any order). When that finds
 * nothing, a wider query fetches candidates and the code keeps names at most one typo away.
 */

export interface NameSearchOptions {
  continuation?: string;
  pageSize: number;
}

/** A page of accounts and, when there may be more, the opaque token for the next page. */
export interface AccountPage {
  accounts: Account[];
  continuation?: string;
}

type Mode = 'exact' | 'typo';
/** Where the next page starts: the mode, the SDK token of the page being read, and how many of its matches were shown. */
const cursorSchema = z.object({ m: z.enum(['exact', 'typo']), t: z.string().optional(), s: z.number().int().min(0) });
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

/** The SQL for a mode. Parameters only; the text typed by the agent never becomes SQL. */
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
    if (mode === 'exact' || token.length < MIN_TYPO_TOKEN_LENGTH) return wordStart(token);
    // One edit leaves either the first two letters or the tail after the third letter untouched.
    const tail = token.length > MIN_TYPO_TOKEN_LENGTH ? token.slice(3) : token.slice(2);
    return `(${wordStart(token.slice(0, 2))} OR CONTAINS(c.searchName, ${param(tail)}))`;
  });
  return { query: `SELECT * FROM c WHERE ${clauses.join(' AND ')} ORDER BY c.searchName`, parameters };
}

async function fetchPage(container: Container, spec: SqlQuerySpec, maxItemCount: number, continuationToken: string | undefined): Promise<FeedResponse<unknown>> {
  try {
    return await container.items.query(spec, { maxItemCount, continuationToken }).fetchNext();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (continuationToken && code === 400) throw new DomainError('invalid_input', 'That list of results can no longer be continued. Please search again.');
    throw error;
  }
}

/** Reads query pages until `pageSize` matches are found or the results end. */
async function fillPage(container: Container, tokens: readonly string[], pageSize: number, start: Cursor): Promise<AccountPage> {
  const spec = nameSearchQuery(tokens, start.m);
  const maxTypos = start.m === 'typo' ? 1 : 0;
  const maxItemCount = start.m === 'typo' ? Math.max(pageSize * 4, 40) : pageSize;
  const accounts: Account[] = [];
  let token = start.t;
  let skip = start.s;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const response = await fetchPage(container, spec, maxItemCount, token);
    const matches = response.resources
      .map((resource) => accountSchema.parse(resource))
      .filter((account) => matchesName(tokens, account.searchName, maxTypos))
      .slice(skip);
    const room = pageSize - accounts.length;
    accounts.push(...matches.slice(0, room));
    if (matches.length > room) return { accounts, continuation: encodeCursor({ m: start.m, t: token, s: skip + room }) };
    if (!response.continuationToken) return { accounts };
    token = response.continuationToken;
    skip = 0;
    if (accounts.length === pageSize) break;
  }
  return { accounts, continuation: encodeCursor({ m: start.m, t: token, s: 0 }) };
}

/** Finds accounts by name: any case, accents or word order, and one typo when nothing matches exactly. */
export async function searchAccountsByName(container: Container, text: string, options: NameSearchOptions): Promise<AccountPage> {
  const tokens = nameTokens(text);
  const pageSize = Math.max(1, Math.floor(options.pageSize));
  if (tokens.length === 0) return { accounts: [] };
  if (options.continuation) return fillPage(container, tokens, pageSize, decodeCursor(options.continuation));
  const exact = await fillPage(container, tokens, pageSize, { m: 'exact', s: 0 });
  if (exact.accounts.length > 0 || exact.continuation || !tokens.some((token) => token.length >= MIN_TYPO_TOKEN_LENGTH)) return exact;
  return fillPage(container, tokens, pageSize, { m: 'typo', s: 0 });
}
