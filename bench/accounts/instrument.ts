/**
 * Counting Cosmos requests, at two places:
 *   - the store boundary (what AccountsStore asks the SDK for): `item(id, pk)` calls are point
 *     reads, `items.query(...)` calls are query pages. This is what a real Cosmos account would
 *     serve too, plus the query plan the SDK fetches for each query.
 *   - the embedded server (every HTTP request it answers), by wrapping the route table of
 *     @vercel/cosmosdb-server for this process only, or, when the server runs in its own process,
 *     every HTTPS request this process sends it. It shows requests the SDK adds on its own.
 * Nothing is replaced: every call still goes to the real container and the real server.
 */
import { createRequire } from 'node:module';
import type { IncomingMessage } from 'node:http';
import { countingContainer, type CallCounts } from '../../src/store/counting-container';

export { countingContainer };
export type SdkCounts = CallCounts;

/** HTTP requests the embedded server answered, by kind and container. */
export interface ServerCounts {
  /** GET of one document. */
  pointReads: number;
  /** A query page (POST with x-ms-documentdb-isquery). */
  queries: number;
  /** The SDK's query-plan request; the embedded server does not know it and runs the query. */
  queryPlans: number;
  /** Documents the server ran cross-partition queries over (each reads its whole container; a query with a partition key reads that partition, not counted). */
  documentsEvaluated: number;
  other: number;
}

export const emptyServerCounts = (): ServerCounts => ({ pointReads: 0, queries: 0, queryPlans: 0, documentsEvaluated: 0, other: 0 });

type Route = (req: IncomingMessage) => unknown;
/** What a request to the store is classified by: as the server sees it, or as the client sends it. */
type RequestLine = Pick<IncomingMessage, 'method' | 'url' | 'headers'>;

function count(counts: ServerCounts, req: RequestLine, containerSize: (container: string) => number): void {
  const kind = requestKind(req);
  counts[kind] += 1;
  // The embedded server answers plan requests without running the query, and a query with a
  // partition key reads that partition only: a query without one reads its whole container.
  const crossPartition = kind === 'queries' && req.headers['x-ms-documentdb-partitionkey'] === undefined;
  if (crossPartition) counts.documentsEvaluated += containerSize(/\/colls\/([^/]+)\//.exec(req.url ?? '')?.[1] ?? '');
}

/**
 * Wraps the embedded server's router so every request it answers is counted into `counts`.
 * `containerSize(name)` says how many documents a container holds (known from the load), for
 * `documentsEvaluated`. Returns false when the router could not be wrapped (counts stay 0).
 * Only for a server in this process (`openStore` with `persist: false`).
 */
export function countServerRequests(counts: ServerCounts, containerSize: (container: string) => number): boolean {
  const routes = createRequire(__filename)('@vercel/cosmosdb-server/lib/routes') as { default?: Route };
  const original = routes.default;
  if (typeof original !== 'function') return false;
  routes.default = (req: IncomingMessage) => {
    count(counts, req, containerSize);
    return original(req);
  };
  return true;
}

/**
 * Counts, the same way, the requests this process sends to a store on loopback over HTTPS (the
 * embedded server in its own process): every `https.request` to 127.0.0.1 for a `/dbs` path.
 */
export function countClientRequests(counts: ServerCounts, containerSize: (container: string) => number): boolean {
  const https = createRequire(__filename)('node:https') as { request: (...args: unknown[]) => unknown };
  const original = https.request;
  if (typeof original !== 'function') return false;
  https.request = (...args: unknown[]) => {
    const options = args[0] as { hostname?: string; path?: string; method?: string; headers?: Record<string, string> } | undefined;
    if (options && typeof options === 'object' && options.hostname === '127.0.0.1' && options.path?.startsWith('/dbs')) {
      const headers = Object.fromEntries(Object.entries(options.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
      count(counts, { method: options.method, url: options.path, headers }, containerSize);
    }
    return original.apply(https, args);
  };
  return true;
}

const headerIsTrue = (req: RequestLine, name: string) => String(req.headers[name] ?? '').toLowerCase() === 'true';

/** What the embedded router treats as a query: a POST with x-ms-documentdb-isquery or a query+json body. */
function isQueryRequest(req: RequestLine): boolean {
  return req.method === 'POST' && (headerIsTrue(req, 'x-ms-documentdb-isquery') || req.headers['content-type'] === 'application/query+json');
}

function requestKind(req: RequestLine): 'pointReads' | 'queries' | 'queryPlans' | 'other' {
  if (req.method === 'GET' && /\/docs\/[^/]+$/.test((req.url ?? '').split('?')[0] ?? '')) return 'pointReads';
  if (req.method === 'POST' && headerIsTrue(req, 'x-ms-cosmos-is-query-plan-request')) return 'queryPlans';
  if (isQueryRequest(req)) return 'queries';
  return 'other';
}
