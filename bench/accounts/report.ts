import type { LatencyResult } from '../kb/stats';
import type { ServerCounts } from './instrument';
import type { LookupKind } from './workload';

/** Per-lookup averages of what one kind of lookup cost. */
export interface RequestCosts {
  /** Store boundary (what the SDK was asked for). */
  pointReads: number;
  queries: number;
  /** The most query pages a single lookup of this kind needed. */
  maxQueries: number;
  /** HTTP requests the embedded server answered, by kind. */
  server: ServerCounts;
}

export interface KindResult {
  kind: LookupKind;
  distinctQueries: number;
  examples: string[];
  warmup: LatencyResult;
  latency: LatencyResult;
  /** Averages per timed lookup. */
  perLookup: RequestCosts;
  /** Average matches returned per lookup, and the share of lookups with none. */
  matches: { mean: number; noneShare: number };
}

const ms = (x: number): string => (Number.isNaN(x) ? '–' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const avg = (x: number): string => (x === 0 ? '0' : x >= 100 ? x.toFixed(0) : x.toFixed(x < 10 ? 2 : 1).replace(/\.?0+$/, ''));
const thousands = (x: number): string => Math.round(x).toLocaleString('en-US');

const HEADER = ['lookup', 'timed', 'p50 ms', 'p99 ms', 'point reads / lookup', 'queries / lookup', 'server requests / lookup (reads + queries + plans)', 'docs evaluated / lookup', 'matches / lookup'];

function kindCells(r: KindResult): string[] {
  const srv = r.perLookup.server;
  return [
    `${r.latency.completed}${r.latency.stoppedByTimeLimit ? ' (time limit)' : ''}`,
    ms(r.latency.p50Ms),
    ms(r.latency.p99Ms),
    avg(r.perLookup.pointReads),
    r.perLookup.queries ? `${avg(r.perLookup.queries)} (max ${r.perLookup.maxQueries})` : '0',
    `${avg(srv.pointReads + srv.queries + srv.queryPlans)} (${avg(srv.pointReads)} + ${avg(srv.queries)} + ${avg(srv.queryPlans)})`,
    srv.documentsEvaluated ? thousands(srv.documentsEvaluated) : '0',
    `${avg(r.matches.mean)}${r.matches.noneShare > 0 ? ` (${Math.round(r.matches.noneShare * 100)}% none)` : ''}`,
  ];
}

const markdown = (rows: string[][]): string => rows.map((row) => `| ${row.join(' | ')} |`).join('\n');

/** The Markdown summary: one row per kind of lookup. */
export function markdownTable(results: readonly KindResult[]): string {
  const rows = results.map((r) => [r.kind, ...kindCells(r)]);
  return markdown([HEADER, HEADER.map(() => '---'), ...rows]);
}

