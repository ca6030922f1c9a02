/**
 * `npm run bench:accounts`: account lookups (AccountsService.find) on 100,000 demo accounts in the
 * embedded Cosmos store, next to a plain point read by id, and name lookups by store size.
 * It runs in one process, needs no network, and takes a few minutes on a 2-core machine.
 *
 * What it does
 *   1. Load: 100,000 accounts from the demo generator, in branches of the 7 demo stores (see
 *      accounts/dataset.ts for why and what changes), validated with accountSchema, written with the
 *      SDK's bulk API in slices (at most BENCH_BULK_IN_FLIGHT calls in flight); then their lookups
 *      (phone, email, unit at a store, bare unit) merged over all branches and written the same way.
 *      The time is split into generate / validate / merge / write. For comparison, 3,000 accounts
 *      are then written with one request each (how the demo seeding writes) into a scratch container.
 *   2. Lookups with the real AccountsService over the loaded store, per kind: id, phone, email,
 *      unit with its store, bare unit, name; and the baseline `container.item(id, id).read()`. Each
 *      kind gets 50 warm-up lookups (3 s at most), then at most BENCH_LOOKUPS lookups or
 *      BENCH_LIMIT_S seconds (BENCH_NAME_LIMIT_S for names), whichever comes first.
 *
 * Name lookups are queries, and the embedded server evaluates every query over the whole container
 * (it has no index). Its query engine used to copy its list of candidates once per document, which
 * made a query over 100,000 accounts take minutes; patches/@zeit+cosmosdb-query+*.patch fixes that.
 *
 * Columns
 *   timed: lookups timed ("time limit" when the clock stopped the loop); p50 / p99: nearest-rank
 *   percentiles of one lookup (with few lookups, p99 is the slowest one); point reads, queries: what
 *   AccountsStore asked the SDK for, per lookup (queries = query pages; max = the most one lookup
 *   needed); server requests: HTTP requests the embedded server answered, per lookup, split into
 *   reads + queries + plans (the SDK sends a query-plan request beside each query page; the
 *   embedded server answers it before its route table, without running the query, so it counts 0
 *   here); docs evaluated: documents the server evaluated a query on (a query without a partition
 *   key covers the whole accounts container); matches: accounts returned.
 *   The embedded server answers every request with x-ms-request-charge: 1, so no RU figures.
 *
 * Settings (environment): BENCH_ACCOUNTS (100000), BENCH_SEED, BENCH_PER_LOCATION (1000 accounts
 * a store), BENCH_LOOKUPS (2000), BENCH_LIMIT_S (20), BENCH_NAME_LIMIT_S (60), BENCH_LOAD (bulk | item),
 * BENCH_BULK_SLICE (25000), BENCH_BULK_IN_FLIGHT (2), BENCH_CONCURRENCY (32, item writes),
 * BENCH_CALIBRATION (3000 accounts; 0 skips).
 *
 * Output: a Markdown report on stdout, progress on stderr, and bench/results/accounts-<date>.json
 * with the config, machine, git state, load split, every latency figure and count.
 *
 * Profiling the load: BENCH_LOOKUPS=10 \
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/accounts.bench.ts
 */
import { execFileSync } from 'node:child_process';
import type { Account } from '../src/features/accounts/accounts.schemas';
import { AccountsService } from '../src/features/accounts/accounts.service';
import { AccountsStore } from '../src/features/accounts/accounts.store';
import { silentLogger } from '../src/shared/logger';
import { openStore, type Store } from '../src/store/cosmos-store';
import { machineInfo, writeJson } from './kb/report';
import { findGc, memory, type MemorySample } from './kb/stats';
import { branchCount, generateBranches, LookupIndex, type SampleAccount } from './accounts/dataset';
import { countingContainer, countServerRequests, emptyServerCounts, type SdkCounts, type ServerCounts } from './accounts/instrument';
import { bulkCreate, itemCreate, type WriteStats } from './accounts/load';
import { checkInstrumentation, pointRead, runKind, type Bounds } from './accounts/measure';
import { markdownTable, type KindResult } from './accounts/report';
import { buildNameWorkload, buildPointWorkloads } from './accounts/workload';

const envInt = (name: string, fallback: number, min = 1): number => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value >= min ? value : fallback;
};

const CONFIG = {
  accounts: envInt('BENCH_ACCOUNTS', 100_000),
  seed: envInt('BENCH_SEED', 20261122),
  /** The data is relative to this day, so every run loads the same documents. */
  today: '2026-11-22',
  accountsPerLocation: envInt('BENCH_PER_LOCATION', 1000),
  bounds: {
    lookups: envInt('BENCH_LOOKUPS', 2000),
    limitMs: envInt('BENCH_LIMIT_S', 20) * 1000,
    warmupLookups: 50,
    warmupLimitMs: 3_000,
  } satisfies Bounds,
  nameLimitMs: envInt('BENCH_NAME_LIMIT_S', 60) * 1000,
  /** bulk: executeBulkOperations slices; item: one create per document (like the demo seeding). */
  load: process.env.BENCH_LOAD === 'item' ? ('item' as const) : ('bulk' as const),
  bulkSlice: envInt('BENCH_BULK_SLICE', 25_000),
  bulkInFlight: envInt('BENCH_BULK_IN_FLIGHT', 2),
  itemConcurrency: envInt('BENCH_CONCURRENCY', 32),
  /** Accounts written one request each into a scratch container, to compare with bulk (0 skips). */
  calibrationDocs: envInt('BENCH_CALIBRATION', 3000, 0),
  sampleSize: 4000,
};

const gc = findGc();
const log = (text: string) => process.stderr.write(text);

interface LoadReport {
  branches: number;
  stores: number;
  remappedIds: number;
  generateMs: number;
  validateMs: number;
  accounts: WriteStats;
  lookups: WriteStats;
  /** Merging the branches' lookups and listing them for writing. */
  mergeMs: number;
  lookupStats: ReturnType<LookupIndex['stats']>;
  crossBranchCollisions: number;
  /** Requests the server answered while loading (bulk: one per batch of up to 100 documents). */
  serverRequests: ServerCounts;
  totalMs: number;
  memoryBefore: MemorySample;
  memoryAfter: MemorySample;
}

type Counts = { sdk: SdkCounts; server: ServerCounts };

/** Generates the accounts branch by branch and writes them, then the merged lookups. */
async function load(store: Store, counts: Counts, sizes: Record<string, number>): Promise<{ report: LoadReport; sample: SampleAccount[]; calibrationDocs: Account[] }> {
  const { accounts: accountsContainer, lookups: lookupsContainer } = store.containers;
  const write = <T extends { id: string }>(container: typeof accountsContainer, documents: T[], partitionKey: (d: T) => string) =>
    CONFIG.load === 'bulk' ? bulkCreate(container, documents, partitionKey, { sliceSize: CONFIG.bulkSlice, inFlight: CONFIG.bulkInFlight }) : itemCreate(container, documents, CONFIG.itemConcurrency);
  log(`… generating and loading ${CONFIG.accounts.toLocaleString('en-US')} accounts in ${branchCount(CONFIG)} branches (${CONFIG.load})`);
  const memoryBefore = memory(gc);
  const serverBefore = { ...counts.server };
  const started = performance.now();
  const index = new LookupIndex();
  const calibrationDocs: Account[] = [];
  const accountWrites: WriteStats = { documents: 0, ms: 0 };
  let mergeMs = 0;
  // Accounts wait here until a whole slice can be written: each bulk call starts slowly (one batch in
  // flight, more as it goes), so a few large calls write much faster than many small ones.
  let pending: Account[] = [];
  const flush = async () => {
    const written = await write(accountsContainer, pending, (a) => a.id);
    accountWrites.documents += written.documents;
    accountWrites.ms += written.ms;
    pending = [];
  };
  let generateMs = 0;
  let validateMs = 0;
  const { branches, sample, remappedIds } = await generateBranches(CONFIG, async (branch) => {
    generateMs += branch.generateMs;
    validateMs += branch.validateMs;
    if (calibrationDocs.length < CONFIG.calibrationDocs) calibrationDocs.push(...branch.accounts.slice(0, CONFIG.calibrationDocs - calibrationDocs.length));
    const t = performance.now();
    index.add(branch.accounts);
    mergeMs += performance.now() - t;
    pending.push(...branch.accounts);
    if (pending.length >= CONFIG.bulkSlice) await flush();
    log('.');
  });
  if (pending.length) await flush();
  sizes.accounts = accountWrites.documents;
  const t = performance.now();
  const lookupDocuments = index.documents();
  mergeMs += performance.now() - t;
  const lookupWrites = await write(lookupsContainer, lookupDocuments, (l) => l.key);
  sizes.lookups = lookupWrites.documents;
  const totalMs = performance.now() - started;
  log(` ${(totalMs / 1000).toFixed(1)} s\n`);
  const report: LoadReport = {
    branches,
    stores: branches * 7,
    remappedIds,
    generateMs,
    validateMs,
    accounts: accountWrites,
    lookups: lookupWrites,
    mergeMs,
    lookupStats: index.stats(),
    crossBranchCollisions: index.crossBranchCollisions,
    serverRequests: Object.fromEntries(Object.entries(counts.server).map(([k, v]) => [k, v - serverBefore[k as keyof ServerCounts]])) as unknown as ServerCounts,
    totalMs,
    memoryBefore,
    memoryAfter: memory(gc),
  };
  return { report, sample, calibrationDocs };
}

async function main(): Promise<void> {
  const started = performance.now();
  const sizes: Record<string, number> = {};
  const counts: Counts = { sdk: { pointReads: 0, queries: 0 }, server: emptyServerCounts() };
  const serverCounting = countServerRequests(counts.server, (container) => sizes[container] ?? 0);

  // ---- The big store: load, one-request-each calibration, point-read lookups ---------------------
  const store = await openStore({ kind: 'embedded', dataFile: '', database: 'bench' }, silentLogger(), { persist: false });
  let loaded: Awaited<ReturnType<typeof load>>;
  let calibration: (WriteStats & { concurrency: number }) | undefined;
  let instrumentCheck: { ok: boolean; detail: string };
  const results: KindResult[] = [];
  try {
    loaded = await load(store, counts, sizes);
    if (loaded.calibrationDocs.length) {
      log(`… calibration: ${loaded.calibrationDocs.length} single-document creates`);
      const { container: scratch } = await store.database.containers.createIfNotExists({ id: 'bench-calibration', partitionKey: { paths: ['/id'] } });
      calibration = { ...(await itemCreate(scratch, loaded.calibrationDocs, CONFIG.itemConcurrency)), concurrency: CONFIG.itemConcurrency };
      await scratch.delete();
      log(` ${(calibration.ms / 1000).toFixed(1)} s\n`);
      loaded.calibrationDocs.length = 0;
    }
    const accounts = countingContainer(store.containers.accounts, counts.sdk);
    const service = new AccountsService(new AccountsStore(accounts, countingContainer(store.containers.lookups, counts.sdk)));
    instrumentCheck = await checkInstrumentation(accounts, loaded.sample[0]!.id, counts, serverCounting);
    const workloads = buildPointWorkloads(loaded.sample, CONFIG.bounds.lookups, CONFIG.seed);
    workloads.push(buildNameWorkload(loaded.sample, CONFIG.bounds.lookups, CONFIG.seed));
    for (const workload of workloads) {
      log(`… ${workload.kind}: ${workload.queries.length} lookups`);
      const lookup = workload.kind === 'point read by id (baseline)' ? (id: string) => pointRead(accounts, id) : (q: string) => service.find(q).then((r) => r.matches.length);
      const bounds = workload.kind === 'name' ? { ...CONFIG.bounds, limitMs: CONFIG.nameLimitMs } : CONFIG.bounds;
      // Start each kind with a clean heap, so one kind does not pay for the garbage of the one before.
      gc?.();
      const result = await runKind(workload, lookup, counts, bounds);
      results.push(result);
      log(` ${(result.latency.totalMs / 1000).toFixed(1)} s\n`);
    }
  } finally {
    await store.close();
  }

  // ---- Output -------------------------------------------------------------------------------------
  const report = loaded.report;
  const table = markdownTable(results);
  const docs = report.accounts.documents + report.lookups.documents;
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const rate = (w: WriteStats) => `${Math.round(w.documents / (w.ms / 1000)).toLocaleString('en-US')}/s`;
  console.log(`## Account lookups on ${report.accounts.documents.toLocaleString('en-US')} accounts (${report.stores} stores), ${report.lookups.documents.toLocaleString('en-US')} lookup documents`);
  console.log('');
  console.log(`Load (${CONFIG.load}${CONFIG.load === 'bulk' ? `: ${CONFIG.bulkSlice.toLocaleString('en-US')} documents a call, ${CONFIG.bulkInFlight} call(s) in flight, the SDK sends batches of up to 100` : `: ${CONFIG.itemConcurrency} creates at a time`}): ${s(report.totalMs)} = generate ${s(report.generateMs)} + validate ${s(report.validateMs)} + merge lookups ${s(report.mergeMs)} + write accounts ${s(report.accounts.ms)} (${rate(report.accounts)}) + write lookups ${s(report.lookups.ms)} (${rate(report.lookups)}).`);
  if (calibration) {
    const perSecond = calibration.documents / (calibration.ms / 1000);
    console.log(`One create per request (${calibration.concurrency} at a time, ${calibration.documents.toLocaleString('en-US')} accounts): ${Math.round(perSecond).toLocaleString('en-US')}/s, so about ${Math.round(docs / perSecond)} s for all ${docs.toLocaleString('en-US')} documents.`);
  }
  console.log(`Memory: RSS ${report.memoryAfter.rssMb.toFixed(0)} MB, heap ${report.memoryAfter.heapUsedMb.toFixed(0)} MB after the load (before: ${report.memoryBefore.rssMb.toFixed(0)} / ${report.memoryBefore.heapUsedMb.toFixed(0)} MB)${gc ? '' : ', without gc: noisy'}.`);
  console.log('');
  console.log(table);
  console.log('');
  const name = results.find((r) => r.kind === 'name');
  if (name) {
    const groups = Object.entries(name.latency.byGroup).map(([g, v]) => `${g} p50 ${v.p50Ms.toFixed(1)} / p99 ${v.p99Ms.toFixed(1)} ms (${v.completed})`);
    console.log(`- Name lookups by group: ${groups.join('; ')}.`);
  }
  console.log('- Point reads and queries are counted at the store boundary (AccountsStore → SDK). Server requests are the HTTP requests the embedded server answered: reads + queries + plans, where a plan is the query-plan request the SDK sends before each query page.');
  console.log('- Request charge: the embedded server answers every request with x-ms-request-charge: 1, so RU figures mean nothing here. The name query\'s cost is given as documents evaluated instead: the embedded server evaluates each query page, and each query-plan request, over every document of the accounts container (no index).');
  if (!instrumentCheck.ok) console.log(`- Server request counting did not check out: ${instrumentCheck.detail}`);
  const cut = [
    ...results.filter((r) => r.latency.stoppedByTimeLimit).map((r) => `${r.kind} (${r.latency.completed})`),
  ];
  if (cut.length) console.log(`- The time limit stopped these loops before ${CONFIG.bounds.lookups} lookups: ${cut.join(', ')}.`);

  const out = `bench/results/accounts-${new Date().toISOString().slice(0, 10)}.json`;
  writeJson(out, {
    date: new Date().toISOString(),
    source: gitState(),
    machine: machineInfo(),
    config: CONFIG,
    gcAvailable: Boolean(gc),
    load: report,
    calibration,
    instrumentCheck,
    results,
    tables: { lookups: table },
    totalMs: performance.now() - started,
  });
  console.log(`Full results: ${out} (total ${s(performance.now() - started)})`);
}

/** The commit measured, and whether the accounts code, the demo generator or the store differ from it. */
function gitState(): { commit?: string; uncommittedChanges?: string[] } {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
    return { commit: git('rev-parse', 'HEAD'), uncommittedChanges: git('status', '--porcelain', '--', 'src/features/accounts', 'src/demo', 'src/store', 'bench/accounts', 'bench/accounts.bench.ts').split('\n').filter(Boolean) };
  } catch {
    return {};
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
