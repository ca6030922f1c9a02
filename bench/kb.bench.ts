/**
 * `npm run bench:kb`: Deskmate's KB engine against plain MiniSearch on the sample KB and on the
 * sample KB plus a synthetic 5,000-article help center. See bench/README.md.
 */
import { execFileSync } from 'node:child_process';
import { loadKbSnapshot } from '../src/features/kb/kb.loader';
import type { Article, SynonymGroups } from '../src/features/kb/kb.schemas';
import { evaluate, readEvalSet, type EvalSet } from '../scripts/kb-eval/evaluate';
import { deskmate, plainMiniSearch, type BenchEngine } from './kb/engines';
import { corpusStats, generateArticles, mixedQueries } from './kb/generate';
import { machineInfo, markdownTable, writeJson, type CaseResult } from './kb/report';
import { findGc, measureLatency, memory } from './kb/stats';

const envInt = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

const CONFIG = {
  seed: envInt('BENCH_SEED', 20240611),
  generatedArticles: envInt('BENCH_ARTICLES', 5000),
  queries: envInt('BENCH_QUERIES', 2000),
  warmupQueries: 100,
  /** Wall-time limit of each query loop; the loop stops early and says so. */
  queryLimitMs: envInt('BENCH_QUERY_LIMIT_S', 20) * 1000,
  warmupLimitMs: 5_000,
};

const gc = findGc();

interface Workload {
  synonyms: SynonymGroups;
  queries: string[];
  evalSet: EvalSet;
  /** "eval" or "generated", for the per-group latency figures. */
  kindOf: (query: string) => string;
}

async function runCase(engine: BenchEngine, kb: { label: string; articles: Article[] }, work: Workload): Promise<CaseResult> {
  const { synonyms, queries, evalSet, kindOf } = work;
  process.stderr.write(`… ${engine.name} on ${kb.label}: build`);
  const beforeBuild = memory(gc);
  const t0 = performance.now();
  const built = engine.build(kb.articles, synonyms);
  const buildMs = performance.now() - t0;
  const afterBuild = memory(gc);
  process.stderr.write(` ${buildMs.toFixed(0)} ms, queries`);
  const warmup = await measureLatency(queries, CONFIG.warmupQueries, CONFIG.warmupLimitMs, built.query);
  const latency = await measureLatency(queries.slice(CONFIG.warmupQueries), CONFIG.queries, CONFIG.queryLimitMs, built.query, kindOf);
  process.stderr.write(` ${(latency.totalMs / 1000).toFixed(1)} s, eval\n`);
  const citedGenerated: CaseResult['citedGenerated'] = { answerable: [], unanswerable: [] };
  const answerable = new Set(evalSet.answerable.map((q) => q.question));
  const quality = await evaluate(evalSet, async (question) => {
    const reply = await built.reply(question);
    if (!reply.abstained && reply.firstCitationPath.startsWith('gen/')) citedGenerated[answerable.has(question) ? 'answerable' : 'unanswerable'].push(question);
    return reply;
  });
  return {
    engine: engine.name,
    kb: kb.label,
    articles: kb.articles.length,
    sections: built.sections,
    buildMs,
    memory: { beforeBuild, afterBuild, rssDeltaMb: afterBuild.rssMb - beforeBuild.rssMb, heapUsedDeltaMb: afterBuild.heapUsedMb - beforeBuild.heapUsedMb, arrayBuffersDeltaMb: afterBuild.arrayBuffersMb - beforeBuild.arrayBuffersMb },
    warmup,
    latency,
    quality,
    citedGenerated,
  };
}

/** The commit measured, and whether the engine's code or the KB differ from it. */
function gitState(): { commit?: string; uncommittedChanges?: string[] } {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
    return { commit: git('rev-parse', 'HEAD'), uncommittedChanges: git('status', '--porcelain', '--', 'src/features/kb', 'kb', 'scripts/kb-eval', 'test/kb/eval.json').split('\n').filter(Boolean) };
  } catch {
    return {};
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const evalSet = readEvalSet('test/kb/eval.json');
  const sample = await loadKbSnapshot('./kb');
  const tGen = performance.now();
  const generated = generateArticles(CONFIG.generatedArticles, CONFIG.seed);
  const generateMs = performance.now() - tGen;
  const kbs = [
    { label: 'sample', articles: sample.articles },
    { label: `sample+${CONFIG.generatedArticles}`, articles: [...sample.articles, ...generated] },
  ];
  const evalQuestions = [...evalSet.answerable, ...evalSet.unanswerable].map((q) => q.question);
  const evalQuestionSet = new Set(evalQuestions);
  // Warm-up queries come first in the list, the measured ones after them.
  const queries = mixedQueries(evalQuestions, CONFIG.warmupQueries + CONFIG.queries, CONFIG.seed + 1);
  const kindOf = (q: string): string => (evalQuestionSet.has(q) ? 'eval' : 'generated');

  // Deskmate loads shared tables (word rarity) on its first index build, once per process: an empty
  // build pays for them here, so that "build ms" is the index alone.
  const tFirst = performance.now();
  deskmate.build([], sample.synonyms);
  const firstBuildMs = performance.now() - tFirst;

  const cases: CaseResult[] = [];
  for (const kb of kbs) {
    for (const engine of [deskmate, plainMiniSearch]) cases.push(await runCase(engine, kb, { synonyms: sample.synonyms, queries, evalSet, kindOf }));
  }

  const table = markdownTable(cases);
  console.log(table);
  console.log('');
  console.log(`Deskmate's one-time setup on its first (empty) build, not in build ms: ${firstBuildMs.toFixed(0)} ms. gc ${gc ? 'available' : 'NOT available: memory figures are noisy'}.`);
  for (const c of cases) {
    const groups = Object.entries(c.latency.byGroup).map(([kind, g]) => `${kind} p50 ${g.p50Ms.toFixed(1)} / p99 ${g.p99Ms.toFixed(1)} ms (${g.completed} q)`);
    console.log(`- ${c.engine} on ${c.kb}: ${groups.join('; ')}; eval questions citing a generated article: ${c.citedGenerated.answerable.length} answerable, ${c.citedGenerated.unanswerable.length} unanswerable.`);
  }
  const cut = cases.filter((c) => c.latency.stoppedByTimeLimit);
  if (cut.length) console.log(`Time limit (${CONFIG.queryLimitMs / 1000} s) reached before ${CONFIG.queries} queries for: ${cut.map((c) => `${c.engine} on ${c.kb} (${c.latency.completed})`).join(', ')}.`);

  const day = new Date().toISOString().slice(0, 10);
  const out = `bench/results/kb-${day}.json`;
  writeJson(out, {
    date: new Date().toISOString(),
    source: gitState(),
    machine: machineInfo(),
    config: CONFIG,
    gcAvailable: Boolean(gc),
    corpus: { sample: corpusStats(sample.articles), generated: corpusStats(generated), generateMs, sampleProblems: sample.problems.length },
    queryMix: { total: queries.length, fromEvalSet: queries.filter((q) => evalQuestionSet.has(q)).length },
    firstBuildMs,
    cases,
    table,
    totalMs: performance.now() - started,
  });
  console.log(`Full results: ${out} (total ${((performance.now() - started) / 1000).toFixed(1)} s)`);
}

void main();
