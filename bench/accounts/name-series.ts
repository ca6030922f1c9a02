/**
 * Name lookups by store size. The embedded server's query engine (@zeit/cosmosdb-query, used by
 * @vercel/cosmosdb-server) builds its list of candidates with `reduce((acc, c) => [...acc, { c }], [])`,
 * copying the list once per document, so one query request costs time quadratic in the container's
 * size, and it runs synchronously: the whole process waits. In a trial run one request over 40,000
 * accounts took about 26 s on a 2-core machine, so name lookups over 100,000 cannot be timed within
 * any sane bound. They are timed here on smaller stores of the same data instead, and the time of
 * one empty scan is measured at each size (and at a larger size without lookups), to show the curve.
 */
import type { Account } from '../../src/features/accounts/accounts.schemas';
import { AccountsService } from '../../src/features/accounts/accounts.service';
import { AccountsStore } from '../../src/features/accounts/accounts.store';
import { silentLogger } from '../../src/shared/logger';
import { openStore } from '../../src/store/cosmos-store';
import { generateBranches, toSample } from './dataset';
import { countingContainer, type SdkCounts, type ServerCounts } from './instrument';
import { bulkCreate } from './load';
import { runKind, type Bounds } from './measure';
import type { KindResult } from './report';
import { buildNameWorkload } from './workload';

export interface SeriesOptions {
  /** Store sizes at which name lookups are timed. */
  nameSizes: number[];
  /** Larger sizes at which only one empty scan is timed. */
  scanSizes: number[];
  seed: number;
  today: string;
  accountsPerLocation: number;
  bounds: Bounds;
}

export interface SeriesPoint {
  accounts: number;
  /** Wall time of bulk-writing the accounts added for this size, ms. */
  loadMs: number;
  /**
   * One name-search-shaped query (STARTSWITH … ORDER BY c.searchName) that matches nothing, first
   * page, through the SDK: the query-plan request and the query request, each a full evaluation.
   */
  emptyScanMs: number;
  name?: KindResult;
}

/** The query of a one-word name search, for a word no name starts with. */
const EMPTY_SCAN = {
  query: 'SELECT * FROM c WHERE (STARTSWITH(c.searchName, @p0) OR CONTAINS(c.searchName, @p1) OR CONTAINS(c.searchName, @p2)) ORDER BY c.searchName',
  parameters: [
    { name: '@p0', value: 'qqqqzz' },
    { name: '@p1', value: ' qqqqzz' },
    { name: '@p2', value: '-qqqqzz' },
  ],
};

export async function runNameSeries(
  options: SeriesOptions,
  counts: { sdk: SdkCounts; server: ServerCounts },
  sizes: Record<string, number>,
  progress: (text: string) => void,
  gc?: () => void,
): Promise<SeriesPoint[]> {
  const all = [...new Set([...options.nameSizes, ...options.scanSizes])].sort((a, b) => a - b);
  const largest = all[all.length - 1];
  if (largest === undefined) return [];
  const accounts: Account[] = [];
  await generateBranches({ accounts: largest, seed: options.seed, today: options.today, accountsPerLocation: options.accountsPerLocation, sampleSize: 0 }, async (branch) => {
    accounts.push(...branch.accounts);
  });
  // Branch order would put one branch's stores first; a fixed interleave spreads every size over the stores.
  accounts.sort((a, b) => a.id.localeCompare(b.id));

  const store = await openStore({ kind: 'embedded', dataFile: '', database: 'bench-names' }, silentLogger(), { persist: false });
  try {
    const container = store.containers.accounts;
    const service = new AccountsService(new AccountsStore(countingContainer(container, counts.sdk), countingContainer(store.containers.lookups, counts.sdk)));
    // The engine compiles each query text once; pay for that on the empty container.
    await container.items.query(EMPTY_SCAN, { maxItemCount: 10 }).fetchNext();
    const points: SeriesPoint[] = [];
    let loaded = 0;
    for (const size of all) {
      const load = await bulkCreate(container, accounts.slice(loaded, size), (a) => a.id, { sliceSize: 25_000, inFlight: 1 });
      loaded = size;
      sizes[container.id] = size;
      const t = performance.now();
      await container.items.query(EMPTY_SCAN, { maxItemCount: 10 }).fetchNext();
      const emptyScanMs = performance.now() - t;
      progress(`… ${size.toLocaleString('en-US')} accounts: empty scan ${emptyScanMs.toFixed(0)} ms`);
      let name: KindResult | undefined;
      if (options.nameSizes.includes(size)) {
        gc?.();
        const workload = buildNameWorkload(accounts.slice(0, size).map(toSample), options.bounds.lookups, options.seed);
        name = await runKind(workload, (q) => service.find(q).then((r) => r.matches.length), counts, options.bounds);
        progress(`, ${name.latency.completed} name lookups in ${(name.latency.totalMs / 1000).toFixed(1)} s`);
      }
      progress('\n');
      points.push({ accounts: size, loadMs: load.ms, emptyScanMs, ...(name ? { name } : {}) });
    }
    return points;
  } finally {
    await store.close();
  }
}

/**
 * The time of one empty scan at `target` accounts, from the two largest sizes measured, assuming
 * time = a · size^k with k fitted on them (and, for comparison, with k = 2).
 */
export function extrapolateScan(points: readonly SeriesPoint[], target: number): { exponent: number; fittedMs: number; quadraticMs: number; from: [number, number] } | undefined {
  const [p1, p2] = points.slice(-2);
  if (!p1 || !p2 || p1.emptyScanMs <= 0 || p2.emptyScanMs <= 0 || p2.accounts <= p1.accounts) return undefined;
  const exponent = Math.log(p2.emptyScanMs / p1.emptyScanMs) / Math.log(p2.accounts / p1.accounts);
  return {
    exponent,
    fittedMs: p2.emptyScanMs * (target / p2.accounts) ** exponent,
    quadraticMs: p2.emptyScanMs * (target / p2.accounts) ** 2,
    from: [p1.accounts, p2.accounts],
  };
}
