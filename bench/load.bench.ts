/**
 * `npm run bench`: Deskmate under load. The bot runs in its own process (built and started as
 * `npm start` does) with the embedded store loaded from a data file of 100,000 accounts
 * and a KB of the sample plus 5,000 generated articles; a load generator in another process
 * (autocannon) drives POST /api/messages on 127.0.0.1 with `deliveryMode: "expectReplies"`.
 * See bench/load/README.md for what each turn kind sends, the settings and the output.
 *
 *   1. Data: built once into BENCH_DATA_DIR (bench/load/dataset.ts), then reused.
 *   2. Start: the data file is copied for this run, the bot is started on it, and the time from spawn
 *      to the first 200 from /readyz is taken.
 *   3. Each kind is sent once and its answer checked; then a short untimed warm-up per kind.
 *   4. Steps: at each concurrency (1, 16, 64 conversations), each kind for BENCH_STEP_S seconds, ping
 *      first (the baseline of the ratios). After each step the bot is left to finish what it was doing
 *      (at most BENCH_SETTLE_S) before the next one starts.
 *   5. Output: a Markdown report on stdout, progress on stderr, bench/results/load-<date>.json.
 */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { machineInfo, writeJson } from './kb/report';
import { activity, postActivity, replyText } from './load/activities';
import { machineBusySeconds, startBot, type BotCounts, type BotHeap, type BotProcess } from './load/bot-process';
import { readConfig, type KindId } from './load/config';
import { startConnectorStub } from './load/connector-stub';
import { linkMentorsChannel } from './load/mentors-channel';
import { prepareDataset } from './load/dataset';
import type { StepResult, StepSpec } from './load/generator';
import { buildKinds } from './load/kinds';
import { callsTable, checkTargets, latencyTable, targetsList, type StepRecord } from './load/report';
import { runStepInChild } from './load/run-step';
import { readEvalSet } from '../scripts/kb-eval/evaluate';

const EVAL_FILE = 'test/kb/eval.json';
const log = (text: string) => process.stderr.write(text);
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function diff(after: BotCounts | undefined, before: BotCounts | undefined): StepRecord['calls'] {
  if (!after || !before) return undefined;
  const sub = <T extends object>(a: T, b: T) => Object.fromEntries(Object.keys(a).map((k) => [k, (a[k as keyof T] as number) - (b[k as keyof T] as number)])) as T;
  return { sdk: sub(after.sdk, before.sdk), server: sub(after.server, before.server) };
}

/** Steps during which other processes on the machine used more than a tenth of a core: their figures are disturbed. */
function disturbedNote(records: StepRecord[]): string[] {
  const disturbed = records.filter((r) => r.othersCpuS / (r.result.seconds + r.settle.waitedMs / 1000) > 0.1);
  if (!disturbed.length) return [];
  const list = disturbed.map((r) => `${r.result.kind} at ${r.result.connections} ${r.othersCpuS.toFixed(1)} s`).join(', ');
  return [`- other processes on this machine used CPU during ${disturbed.length} of ${records.length} steps (CPU seconds over the step and its settling, of 2 cores): ${list}. Those figures are disturbed.`];
}

async function main(): Promise<void> {
  const started = performance.now();
  const config = readConfig();
  const steps = config.concurrency.length * config.kinds.length;
  log(`Deskmate load: ${config.accounts.toLocaleString('en-US')} accounts, sample KB + ${config.articles.toLocaleString('en-US')} articles; ${config.kinds.join(', ')} at ${config.concurrency.join(', ')} conversations, ${config.stepS} s each (${steps} steps)\n`);

  const dataset = await prepareDataset(config);
  const { manifest } = dataset;
  const runDir = join(config.dataDir, 'run');
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  const dataFile = join(runDir, 'cosmos.json');
  // The bot saves into its data file: it runs on a copy, so every run starts from the same data.
  copyFileSync(dataset.dataFile, dataFile);

  const stub = await startConnectorStub();
  const blank = ['COSMOS_ENDPOINT', 'COSMOS_KEY', 'BOT_ID', 'BOT_PASSWORD', 'BOT_TENANT_ID', 'BOT_OPENID_METADATA', 'ALLOWED_TENANTS', 'HOST', 'KB_BASE_URL', 'AZURE_OPENAI_ENDPOINT', 'AZURE_OPENAI_API_KEY', 'AZURE_OPENAI_DEPLOYMENT', 'AZURE_OPENAI_EMBEDDING_DEPLOYMENT', 'TEAMSFX_ENV'];
  const env: Record<string, string> = {
    ...Object.fromEntries(blank.map((name) => [name, ''])),
    EMBEDDED_COSMOS_DATA: dataFile,
    KB_DIR: dataset.kbDir,
    DEMO_DATA: 'auto',
    LOG_LEVEL: config.botLogLevel,
    TASK_REMINDERS: config.background ? 'on' : 'off',
    ESCALATION_SLA_CHECKS: config.background ? 'on' : 'off',
    BENCH_CONTAINER_SIZES: JSON.stringify(manifest.documents),
  };
  log(`… starting the bot on ${manifest.dataFileMb.toFixed(0)} MB of data`);
  let bot: BotProcess | undefined;
  const records: StepRecord[] = [];
  const failures: string[] = [];
  const broken: Partial<Record<KindId, string>> = {};
  let atReady: ReturnType<BotProcess['memory']> | undefined;
  let storeAtReady: ReturnType<BotProcess['memory']> | undefined;
  let storeFinal: ReturnType<BotProcess['memory']> | undefined;
  const heaps: { atReady?: BotHeap; atEnd?: BotHeap; afterGc?: BotHeap } = {};
  let final: { peakRssMb: number; rssMb: number; stopMs?: number; exitCode?: number | null } | undefined;
  try {
    bot = await startBot({ env, runDir, logFile: join(runDir, 'bot.log'), countCalls: config.countCalls, cpuProfDir: config.cpuProfDir, nodeFlags: [...(config.countCalls ? ['--expose-gc'] : []), ...config.botNodeFlags], readyLimitMs: config.readyLimitS * 1000 });
    atReady = bot.memory();
    storeAtReady = bot.store?.memory();
    heaps.atReady = await bot.heap(false);
    log(` ready in ${s(bot.readyMs)} (HTTP up in ${s(bot.httpUpMs)}), RSS ${atReady.rssMb.toFixed(0)} MB, peak so far ${atReady.peakRssMb.toFixed(0)} MB; store process RSS ${storeAtReady?.rssMb.toFixed(0) ?? '–'} MB\n`);
    await bot.settle(config.settleS * 1000);

    const evalSet = readEvalSet(EVAL_FILE);
    const kinds = buildKinds({ pools: manifest.pools, questions: [...evalSet.answerable, ...evalSet.unanswerable].map((q) => q.question) });
    const offsets = Object.fromEntries(config.kinds.map((k) => [k, 0])) as Record<KindId, number>;
    const { users, requester, tenantId } = manifest.pools;

    // The requester chats once from this run's connector, so a decision is told to them through it.
    const hello = await postActivity(bot.url, activity({ kind: 'message', text: 'whoami' }, { user: requester, conversationId: 'bench-requester-chat', serviceUrl: stub.url, tenantId, id: 'bench-requester-hello' }));
    if (!hello.body.includes('Your Deskmate profile')) throw new Error(`the requester's whoami failed (${hello.status}): ${replyText(hello.body)}`);
    // The mentors' channel is linked again through this run's connector, so decisions update its posts here.
    await linkMentorsChannel(bot.url, stub.url, tenantId);

    // Each kind once, checked, before any load: a kind whose answer is wrong is left out, and said so.
    for (const kind of config.kinds) {
      const request = kinds[kind].request(offsets[kind]);
      if (!request) {
        broken[kind] = 'its pool is empty';
        continue;
      }
      offsets[kind] += 1;
      const updatesBefore = stub.updates;
      const reply = await postActivity(bot.url, activity(request.turn, { user: users[0]!, conversationId: 'a:bench-conv-1', serviceUrl: stub.url, tenantId, id: `bench-check-${kind}` }));
      let problem = reply.status !== 200 ? `HTTP ${reply.status}` : request.check(reply.body);
      if (!problem && kind === 'decide' && stub.updates === updatesBefore) problem = "the mentors' channel post was not updated";
      if (problem) broken[kind] = `${problem}; the answer read: ${replyText(reply.body).slice(0, 400)}`;
      log(`… check ${kind}: ${problem ? `FAILED (${problem})` : `ok in ${reply.ms.toFixed(0)} ms`}\n`);
    }
    const runnable = config.kinds.filter((k) => !broken[k]);
    const spec = (kind: KindId, connections: number, durationS: number): StepSpec => ({
      url: bot!.url, kind, connections, durationS, timeoutS: config.timeoutS, offset: offsets[kind],
      manifestFile: join(config.dataDir, 'manifest.json'), evalFile: EVAL_FILE, serviceUrl: stub.url,
    });
    const take = (result: StepResult) => (offsets[result.kind] += result.used);

    if (config.warmupS > 0) {
      // ping first at the highest concurrency: every conversation is seen once (its first turn stores a
      // conversation reference and turn state), so the steps measure conversations that are going on.
      const most = Math.max(...config.concurrency);
      const connections = Math.min(4, most);
      log(`… warm-up: ping at ${most} conversations, then ${config.warmupS} s per kind at ${connections}`);
      for (const kind of runnable) {
        try {
          take(await runStepInChild(spec(kind, kind === 'ping' ? most : connections, config.warmupS)));
        } catch (error) {
          failures.push(`warm-up ${kind}: ${error instanceof Error ? error.message : String(error)}`);
        }
        await bot.settle(config.settleS * 1000);
        log('.');
      }
      log(' done\n');
    }

    for (const connections of config.concurrency) {
      for (const kind of runnable) {
        const before = await bot.counts();
        const cpuBefore = bot.cpuSeconds();
        const storeCpuBefore = bot.store?.cpuSeconds() ?? 0;
        const machineBefore = machineBusySeconds();
        const selfBefore = process.cpuUsage();
        let result: StepResult;
        try {
          result = await runStepInChild(spec(kind, connections, config.stepS));
        } catch (error) {
          failures.push(`${kind} at ${connections}: ${error instanceof Error ? error.message : String(error)}`);
          log(`… ${kind} at ${connections}: FAILED\n`);
          await bot.settle(config.settleS * 1000);
          continue;
        }
        take(result);
        const rssAfterMb = bot.memory().rssMb;
        const storeRssAfterMb = bot.store?.memory().rssMb;
        // The calls and CPU of the step include the work it left behind (answers nobody waits for any more, a store save).
        const settle = await bot.settle(config.settleS * 1000);
        const botCpuS = bot.cpuSeconds() - cpuBefore;
        const storeCpuS = (bot.store?.cpuSeconds() ?? 0) - storeCpuBefore;
        const self = process.cpuUsage(selfBefore);
        const othersCpuS = Math.max(0, machineBusySeconds() - machineBefore - botCpuS - storeCpuS - result.generatorProcessCpuS - (self.user + self.system) / 1e6);
        const record: StepRecord = { result, calls: diff(await bot.counts(), before), botCpuS, storeCpuS, rssAfterMb, storeRssAfterMb, settle, othersCpuS };
        records.push(record);
        const r = result;
        log(`… ${kind} at ${connections}: ${r.rps.toFixed(1)}/s, p50 ${r.latencyMs.p50.toFixed(0)} / p99 ${r.latencyMs.p99.toFixed(0)} ms, ${r.errors.total} errors, RSS ${rssAfterMb.toFixed(0)} MB (store ${storeRssAfterMb?.toFixed(0) ?? '–'} MB), CPU bot ${botCpuS.toFixed(1)} s / store ${storeCpuS.toFixed(1)} s, settled in ${s(settle.waitedMs)}${settle.settled ? '' : ' (still busy)'}\n`);
      }
    }
    final = bot.memory();
    storeFinal = bot.store?.memory();
    // The live heap, once, after everything was measured: how much of the RSS is data and how much garbage.
    heaps.atEnd = await bot.heap(false);
    heaps.afterGc = await bot.heap(true);
  } finally {
    if (bot) {
      final ??= bot.memory();
      storeFinal ??= bot.store?.memory();
      log('… stopping the bot');
      const stopped = await bot.stop();
      final = { ...final, stopMs: stopped.stopMs, exitCode: stopped.code };
      log(` exit ${stopped.code} in ${s(stopped.stopMs)}\n`);
    }
    await stub.close();
  }

  // ---- Output -------------------------------------------------------------------------------------
  const labels = Object.fromEntries(Object.values(buildKinds({ pools: manifest.pools, questions: [] })).map((k) => [k.id, k.label])) as Record<KindId, string>;
  const peakRssMb = final?.peakRssMb ?? NaN;
  const targets = checkTargets(config, records, { readyMs: bot!.readyMs, peakRssMb, storePeakRssMb: storeFinal?.peakRssMb });
  const latency = latencyTable(records, labels);
  const calls = config.countCalls ? callsTable(records, labels) : undefined;
  const docs = Object.values(manifest.documents).reduce((n, v) => n + v, 0);
  console.log(`## Deskmate under load: ${config.accounts.toLocaleString('en-US')} accounts, sample KB + ${config.articles.toLocaleString('en-US')} generated articles`);
  console.log('');
  console.log(`Bot (its own process, built and started as \`npm start\` does): ready ${s(bot!.readyMs)} after spawn (HTTP up at ${s(bot!.httpUpMs)}), embedded store loaded from a ${manifest.dataFileMb.toFixed(0)} MB data file (${docs.toLocaleString('en-US')} documents) in its own process (the bot's child, standing in for the Cosmos DB service). The bot's peak RSS (VmHWM) ${peakRssMb.toFixed(0)} MB; at ready ${atReady?.rssMb.toFixed(0)} MB RSS, ${atReady?.peakRssMb.toFixed(0)} MB peak. The store process: ${storeAtReady?.rssMb.toFixed(0) ?? '–'} MB RSS at ready, peak ${storeFinal?.peakRssMb.toFixed(0) ?? '–'} MB. Stopped (store saved) in ${s(final?.stopMs ?? NaN)}.`);
  const heapLine = (h: BotHeap | undefined) => (h ? `heap ${h.heapUsedMb.toFixed(0)} MB used of ${h.heapTotalMb.toFixed(0)} MB, external ${h.externalMb.toFixed(0)} MB` : 'not measured');
  if (heaps.atReady) console.log(`V8 heap at ready: ${heapLine(heaps.atReady)}; at the end: ${heapLine(heaps.atEnd)}; ${heaps.afterGc?.collected ? `after a full GC at the end: ${heapLine(heaps.afterGc)}, RSS ${heaps.afterGc.rssMb.toFixed(0)} MB` : 'no full GC (needs --expose-gc)'}.`);
  const spacesLine = (h: BotHeap | undefined) => Object.entries(h?.spaces ?? {}).filter(([, v]) => v.committedMb >= 1).map(([name, v]) => `${name.replace(/_space$/, '')} ${v.usedMb.toFixed(0)}/${v.committedMb.toFixed(0)}`).join(', ');
  if (heaps.atEnd?.spaces) console.log(`V8 spaces (used/committed MB) at the end: ${spacesLine(heaps.atEnd)}; after the full GC: ${spacesLine(heaps.afterGc)}.`);
  console.log(`Load: autocannon in a child process, one conversation per connection (a seeded mentor each), one request at a time, ${config.stepS} s per step; latency is to the full expectReplies answer.`);
  console.log('');
  console.log(latency);
  if (calls) {
    console.log('');
    console.log('Cosmos calls per turn, counted in the bot (SDK calls; server requests as the bot sent them to the embedded server, a plan being the query-plan request the SDK sends beside each query, which the embedded server answers without running it; docs evaluated: the embedded server has no index, so a query without a partition key reads its whole container; one with a partition key reads that partition and is not counted here):');
    console.log('');
    console.log(calls);
  }
  console.log('');
  console.log('Targets:');
  console.log(targetsList(targets));
  const notes = [
    ...Object.entries(broken).map(([k, why]) => `- ${k} was not run: its check failed: ${why}`),
    ...failures.map((f) => `- failed: ${f}`),
    ...disturbedNote(records),
    ...records.filter((r) => !r.settle.settled).map((r) => `- after ${r.result.kind} at ${r.result.connections} the bot was still busy when the next step started (waited ${s(r.settle.waitedMs)})`),
  ];
  if (notes.length) console.log(['', ...notes].join('\n'));
  const out = `bench/results/load-${new Date().toISOString().slice(0, 10)}.json`;
  const { pools, ...built } = manifest;
  writeJson(out, {
    date: new Date().toISOString(),
    machine: machineInfo(),
    config,
    dataset: { ...built, built: dataset.built, pools: Object.fromEntries(Object.entries(pools).map(([k, v]) => [k, Array.isArray(v) ? v.length : v])) },
    bot: { readyMs: bot!.readyMs, httpUpMs: bot!.httpUpMs, atReady, final, heaps, connectorCalls: stub.calls },
    store: { atReady: storeAtReady, final: storeFinal },
    broken,
    failures,
    steps: records,
    targets,
    tables: { latency, calls },
    totalMs: performance.now() - started,
  });
  console.log(`\nFull results: ${out} (total ${s(performance.now() - started)})`);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
