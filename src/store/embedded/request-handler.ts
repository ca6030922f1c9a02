import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Account from '@vercel/cosmosdb-server/lib/account';
import route from '@vercel/cosmosdb-server/lib/routes';
import { partitionOf, runInPartition } from './partition-scope';

type Handler = (account: Account, req: IncomingMessage, res: ServerResponse, params: Record<string, string>) => unknown;

/**
 * Serves the Cosmos DB REST protocol from the package's route table, over a connection that stays
 * open (the package's own server closes every connection, which makes each call about 5x slower).
 * `onWrite` is called after every successful change, so the owner can schedule a save. A query
 * with a partition key reads that partition only (see partition-scope.ts), as in Cosmos DB.
 * Until `account()` gives the account (its data file is still loading) every request gets a 503.
 */
export function createRequestHandler(account: () => Account | undefined, onWrite: () => void) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const loaded = account();
    if (!loaded) {
      req.resume();
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' }).end(JSON.stringify({ code: 'ServiceUnavailable', message: 'the embedded store is still loading its data file' }));
      return;
    }
    void respond(loaded, req, res).then(
      (changed) => {
        if (changed) onWrite();
      },
      () => {
        if (!res.writableEnded) {
          res.statusCode = 500;
          res.end('');
        }
      },
    );
  };
}

async function respond(account: Account, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const planRequest = isQueryPlanRequest(req);
  const match = planRequest ? undefined : (route(req) as [Record<string, string>, Handler] | undefined);
  let body: Record<string, unknown> | undefined;
  if (planRequest) {
    req.resume();
    body = QUERY_PLAN;
  } else if (match) {
    const [params, handler] = match;
    const partition = isWrite(req) ? undefined : partitionOf(req.headers);
    const run = () => handler(account, req, res, params);
    try {
      body = (await (partition === undefined ? run() : runInPartition(partition, run))) as Record<string, unknown> | undefined;
    } catch (error) {
      res.statusCode = 500;
      body = { message: error instanceof Error ? error.message : String(error) };
    }
    if (res.statusCode >= 400 && body && body.message === undefined) body.message = '';
  } else {
    res.statusCode = 400;
    body = { message: 'no route' };
  }
  if (body && typeof body._etag === 'string') res.setHeader('etag', body._etag);
  res.setHeader('content-type', 'application/json');
  res.setHeader('x-ms-activity-id', randomUUID());
  res.setHeader('x-ms-request-charge', '1');
  res.setHeader('connection', 'keep-alive');
  res.end(JSON.stringify(body));
  return isWrite(req) && res.statusCode < 400;
}

/**
 * The SDK asks for a query plan beside each query and uses it only when the query itself says it
 * needs one (cross-partition features), which the embedded server never does. The server would run
 * the whole query to answer it; this answers with an empty plan, as cheap as the service's own.
 */
function isQueryPlanRequest(req: IncomingMessage): boolean {
  return req.method === 'POST' && String(req.headers['x-ms-cosmos-is-query-plan-request']).toLowerCase() === 'true';
}

const QUERY_PLAN: Record<string, unknown> = {
  partitionedQueryExecutionInfoVersion: 2,
  queryInfo: { distinctType: 'None', top: null, offset: null, limit: null, orderBy: [], orderByExpressions: [], groupByExpressions: [], groupByAliases: [], aggregates: [], groupByAliasToAggregateType: {}, rewrittenQuery: '', hasSelectValue: false, hasNonStreamingOrderBy: false },
  queryRanges: [{ min: '', max: 'FF', isMinInclusive: true, isMaxInclusive: false }],
};

function isWrite(req: IncomingMessage): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return false;
  const isQuery = String(req.headers['x-ms-documentdb-isquery']).toLowerCase() === 'true' || req.headers['content-type'] === 'application/query+json';
  return !isQuery;
}
