import { cpus } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EvalReport } from '../../scripts/kb-eval/evaluate';
import type { LatencyResult, MemorySample } from './stats';

export interface CaseResult {
  engine: string;
  kb: string;
  articles: number;
  sections: number;
  buildMs: number;
  memory: { beforeBuild: MemorySample; afterBuild: MemorySample; rssDeltaMb: number; heapUsedDeltaMb: number; arrayBuffersDeltaMb: number };
  warmup: LatencyResult;
  latency: LatencyResult;
  quality: EvalReport;
  /** Eval questions whose first citation is a generated article: answerable ones led astray, unanswerable ones answered. */
  citedGenerated: { answerable: string[]; unanswerable: string[] };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const signed = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(0)}`;

/** The short Markdown summary: one row per engine and KB. */
export function markdownTable(cases: CaseResult[]): string {
  const header = ['engine', 'KB size', 'build ms', 'RSS MB (Δ build)', 'p50 ms', 'p99 ms', 'fact@1', 'citation@1', 'abstention', 'false abstention'];
  const rows = cases.map((c) => [
    c.engine,
    `${c.articles.toLocaleString('en-US')} art. / ${c.sections.toLocaleString('en-US')} sec.`,
    ms(c.buildMs),
    `${c.memory.afterBuild.rssMb.toFixed(0)} (${signed(c.memory.rssDeltaMb)})`,
    ms(c.latency.p50Ms),
    ms(c.latency.p99Ms) + (c.latency.stoppedByTimeLimit ? ` (${c.latency.completed} q, time limit)` : ''),
    pct(c.quality.factAt1),
    pct(c.quality.citationAt1),
    pct(c.quality.abstention),
    pct(c.quality.falseAbstention),
  ]);
  return [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** Where a bench ran: Node, platform and CPU, for the results file. */
export function machineInfo() {
  return { node: process.version, platform: `${process.platform} ${process.arch}`, cpu: cpus()[0]?.model, cores: cpus().length };
}

export function writeJson(path: string, data: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
}
