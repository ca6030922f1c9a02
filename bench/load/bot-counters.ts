/**
 * Loaded into the bot's process by the load benchmark (compiled to one file, then `node --require
 * <run dir>/bot-counters.cjs dist/index.js`): counts what the bot asks Cosmos for, and answers the
 * benchmark's `counts` message over the IPC channel. Nothing is replaced; every call still goes to the
 * real SDK and the real embedded server.
 *   - SDK calls: point reads (`item(id, pk).read()`, and the Reads of a bulk call), queries
 *     (`items.query`, `items.readAll`) and writes (create, upsert, replace, patch, delete, and the
 *     other operations of a bulk call).
 *   - Server requests: what the bot sent the embedded server (it runs in a process of its own; see
 *     bench/accounts/instrument.ts), with the documents each query evaluated (the server has no
 *     index: a query reads its whole container).
 * It also answers `heap` with process.memoryUsage(), after a full GC when asked and node has --expose-gc.
 */
import { createRequire } from 'node:module';
import { getHeapSpaceStatistics } from 'node:v8';
import { join } from 'node:path';
import { bulkOperations } from '../../src/store/counting-container';
import { countClientRequests, emptyServerCounts } from '../accounts/instrument';

export interface SdkCallCounts {
  pointReads: number;
  queries: number;
  writes: number;
}

const sdk: SdkCallCounts = { pointReads: 0, queries: 0, writes: 0 };
const server = emptyServerCounts();
const sizes = JSON.parse(process.env.BENCH_CONTAINER_SIZES ?? '{}') as Record<string, number>;
const serverCounting = countClientRequests(server, (container) => sizes[container] ?? 0);

type Methods = Record<string, (...args: unknown[]) => unknown>;
const PATCHED = Symbol.for('deskmate.bench.counted');

function wrap(proto: Methods | undefined, name: string, count: (args: unknown[]) => void): void {
  const original = proto?.[name];
  if (!proto || typeof original !== 'function') return;
  proto[name] = function (this: unknown, ...args: unknown[]) {
    count(args);
    return original.apply(this, args);
  };
}

/** Counts calls on one copy of the SDK (the package has a CommonJS and an ES module build). */
function patch(cosmos: { Item?: { prototype: Methods }; Items?: { prototype: Methods } }): void {
  const item = cosmos.Item?.prototype;
  const items = cosmos.Items?.prototype;
  if (!item || !items || (item as Record<symbol, unknown>)[PATCHED]) return;
  (item as Record<symbol, unknown>)[PATCHED] = true;
  wrap(item, 'read', () => (sdk.pointReads += 1));
  for (const name of ['replace', 'patch', 'delete']) wrap(item, name, () => (sdk.writes += 1));
  for (const name of ['query', 'readAll']) wrap(items, name, () => (sdk.queries += 1));
  for (const name of ['create', 'upsert']) wrap(items, name, () => (sdk.writes += 1));
  // A bulk call counts its operations: its Reads as point reads (readManyById), the rest as writes.
  const countBulk = (args: unknown[]) => {
    const { total, reads } = bulkOperations(args[0]);
    sdk.pointReads += reads;
    sdk.writes += total - reads;
  };
  for (const name of ['bulk', 'executeBulkOperations']) wrap(items, name, countBulk);
}

const requireHere = createRequire(join(process.cwd(), 'package.json'));
patch(requireHere('@azure/cosmos') as Parameters<typeof patch>[0]);
void import('@azure/cosmos').then((esm) => patch(esm as unknown as Parameters<typeof patch>[0])).catch(() => undefined);

/** The heap as V8 sees it; with `gc`, after a full collection (only when node runs with --expose-gc). */
function heap(collect: boolean) {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (collect && gc) gc();
  const m = process.memoryUsage();
  const mb = (bytes: number) => bytes / 1024 / 1024;
  // What each V8 space holds (used) and has taken from the system (committed), MB.
  const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, { usedMb: mb(s.space_used_size), committedMb: mb(s.physical_space_size) }]));
  return { collected: collect && !!gc, rssMb: mb(m.rss), heapTotalMb: mb(m.heapTotal), heapUsedMb: mb(m.heapUsed), externalMb: mb(m.external), arrayBuffersMb: mb(m.arrayBuffers), spaces };
}

process.on('message', (message: { type?: string; id?: number; gc?: boolean }) => {
  if (message?.type === 'counts') process.send?.({ type: 'counts', id: message.id, sdk, server, serverCounting });
  if (message?.type === 'heap') process.send?.({ type: 'heap', id: message.id, heap: heap(message.gc === true) });
});
// The channel must not keep the bot alive on its own: it stops on SIGTERM as it always does.
process.channel?.unref();
