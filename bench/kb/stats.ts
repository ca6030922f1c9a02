import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';

/** Nearest-rank percentile of already sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface LatencyResult {
  requested: number;
  completed: number;
  /** True when the time limit stopped the loop before `requested` queries. */
  stoppedByTimeLimit: boolean;
  totalMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  meanMs: number;
  maxMs: number;
  /** The same figures per kind of query (eval-set questions vs generated ones). */
  byGroup: Record<string, { completed: number; p50Ms: number; p99Ms: number }>;
}

/** Runs `run` over `queries` (cycling, one at a time, each awaited), at most `limitMs` of wall time, and reports the spread. */
export async function measureLatency(queries: string[], requested: number, limitMs: number, run: (q: string) => unknown, group: (q: string) => string = () => 'all'): Promise<LatencyResult> {
  const samples: number[] = [];
  const grouped = new Map<string, number[]>();
  const start = performance.now();
  let stoppedByTimeLimit = false;
  for (let i = 0; i < requested; i += 1) {
    if (performance.now() - start > limitMs) {
      stoppedByTimeLimit = true;
      break;
    }
    const t = performance.now();
    const query = queries[i % queries.length]!;
    await run(query);
    const elapsed = performance.now() - t;
    samples.push(elapsed);
    const key = group(query);
    const bucket = grouped.get(key) ?? [];
    bucket.push(elapsed);
    grouped.set(key, bucket);
  }
  const totalMs = performance.now() - start;
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = samples.reduce((s, x) => s + x, 0);
  return {
    requested,
    completed: samples.length,
    stoppedByTimeLimit,
    totalMs,
    p50Ms: percentile(sorted, 50),
    p90Ms: percentile(sorted, 90),
    p99Ms: percentile(sorted, 99),
    meanMs: samples.length ? sum / samples.length : NaN,
    maxMs: sorted[sorted.length - 1] ?? NaN,
    byGroup: Object.fromEntries(
      [...grouped].map(([key, values]) => {
        const s = values.sort((a, b) => a - b);
        return [key, { completed: s.length, p50Ms: percentile(s, 50), p99Ms: percentile(s, 99) }];
      }),
    ),
  };
}

/**
 * A full garbage collection, if one can be had: `global.gc` under --expose-gc, otherwise the flag
 * is switched on at run time and gc is taken from a fresh context. Undefined if neither works.
 */
export function findGc(): (() => void) | undefined {
  if (typeof globalThis.gc === 'function') return globalThis.gc;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

export interface MemorySample {
  rssMb: number;
  heapUsedMb: number;
  /** Typed arrays' memory, outside the V8 heap (Deskmate's postings). */
  arrayBuffersMb: number;
}

const mb = (bytes: number): number => bytes / 1024 / 1024;

export function memory(gc: (() => void) | undefined): MemorySample {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return { rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), arrayBuffersMb: mb(m.arrayBuffers) };
}
