/**
 * The load generator: a child process of the benchmark (never the bot's process) that runs one load
 * step with autocannon and sends back what it measured. Each of `connections` connections is one
 * conversation of one seeded user, sending one request at a time for `durationS` seconds; every
 * request is built fresh (a new submission id, the next phone, question or request from the pools).
 *
 * Per request it records the time to the full answer and whether the answer is the right one
 * (see kinds.ts). A request with no answer within `timeoutS` counts as a timeout.
 */
import { readFileSync } from 'node:fs';
import autocannon, { type Client } from 'autocannon';
import { readEvalSet } from '../../scripts/kb-eval/evaluate';
import { percentile } from '../kb/stats';
import type { KindId } from './config';
import type { Manifest } from './dataset';
import { activity, FAILURE_MARKERS } from './activities';
import { buildKinds, type Request } from './kinds';

export interface StepSpec {
  url: string;
  kind: KindId;
  connections: number;
  durationS: number;
  timeoutS: number;
  /** The first pool entry this step takes (so steps do not reuse each other's entries). */
  offset: number;
  manifestFile: string;
  evalFile: string;
  serviceUrl: string;
}

export interface StepResult {
  kind: KindId;
  connections: number;
  /** Wall time of the measured load, s (shorter than asked when a pool ran out). */
  seconds: number;
  /** Answers received (right or wrong). */
  responses: number;
  ok: number;
  errors: { total: number; http: number; wrongAnswer: number; timeouts: number; connection: number };
  /** A few wrong answers, shortened, to say what went wrong. */
  errorSamples: string[];
  rps: number;
  latencyMs: { p50: number; p95: number; p99: number; mean: number; max: number };
  /** Answers slower than Teams waits for this kind of turn (15 s message, 5 s invoke). */
  overTeamsLimit: number;
  /** Pool entries used (the next step starts after them). */
  used: number;
  /** Set when the pool (open mentor requests) ran out before the time was up. */
  poolExhaustedAtS?: number;
  /** CPU the generator used during the load, and in all (with its start), s. */
  generatorCpuS: number;
  generatorProcessCpuS: number;
}

interface ClientState {
  conn: number;
  seq: number;
  pending?: Request;
  /** The last request was a filler sent after the pool ran out: its answer is not counted. */
  filler: boolean;
  counted: boolean;
}

export function runStep(spec: StepSpec): Promise<StepResult> {
  const manifest = JSON.parse(readFileSync(spec.manifestFile, 'utf8')) as Manifest;
  const evalSet = readEvalSet(spec.evalFile);
  const questions = [...evalSet.answerable, ...evalSet.unanswerable].map((q) => q.question);
  const kinds = buildKinds({ pools: manifest.pools, questions });
  const kind = kinds[spec.kind];
  const filler = kinds.ping;
  const { users, tenantId } = manifest.pools;
  if (spec.connections > users.length) throw new Error(`${spec.connections} connections but only ${users.length} bench users were seeded`);

  const states = new WeakMap<Client, ClientState>();
  const latencies: number[] = [];
  const errors = { http: 0, wrongAnswer: 0 };
  const errorSamples: string[] = [];
  let ok = 0;
  let nextConn = 0;
  let next = spec.offset;
  let exhaustedAt: number | undefined;
  const cpuStart = process.cpuUsage();
  const started = performance.now();

  const sample = (text: string) => {
    if (errorSamples.length < 5) errorSamples.push(text.slice(0, 300));
  };

  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        duration: spec.durationS,
        timeout: spec.timeoutS,
        pipelining: 1,
        requests: [{ method: 'POST', path: '/api/messages' }],
        setupClient: (client) => {
          const state: ClientState = { conn: nextConn, seq: 0, filler: false, counted: false };
          nextConn += 1;
          states.set(client, state);
          const user = users[state.conn]!;
          client.setRequests([
            {
              method: 'POST',
              path: '/api/messages',
              headers: { 'content-type': 'application/json' },
              setupRequest: (request) => {
                let built = kind.request(next);
                state.filler = !built;
                if (built) next += 1;
                else if (exhaustedAt === undefined) {
                  exhaustedAt = performance.now();
                  setImmediate(() => instance.stop());
                }
                built ??= filler.request(0)!;
                state.pending = built;
                state.seq += 1;
                const party = { user, conversationId: `a:bench-conv-${state.conn + 1}`, serviceUrl: spec.serviceUrl, tenantId, id: `bench-${state.conn + 1}-${state.seq}` };
                return { ...request, body: JSON.stringify(activity(built.turn, party)) };
              },
              onResponse: (status, body) => {
                state.counted = !state.filler;
                if (state.filler) return;
                if (status !== 200) {
                  errors.http += 1;
                  sample(`HTTP ${status}: ${body}`);
                  return;
                }
                const problem = state.pending?.check(body);
                if (problem) {
                  errors.wrongAnswer += 1;
                  sample(`${problem}: ${FAILURE_MARKERS.some((m) => body.includes(m)) ? body : body.slice(0, 200)}`);
                  return;
                }
                ok += 1;
              },
            },
          ]);
        },
      },
      (error, result) => {
        if (error) return reject(error);
        const ended = exhaustedAt ?? performance.now();
        const seconds = (ended - started) / 1000;
        const sorted = [...latencies].sort((a, b) => a - b);
        const cpu = process.cpuUsage(cpuStart);
        const wrong = errors.http + errors.wrongAnswer;
        const connection = Math.max(0, result.errors - result.timeouts);
        resolve({
          kind: spec.kind,
          connections: spec.connections,
          seconds,
          responses: latencies.length,
          ok,
          errors: { total: wrong + result.errors, http: errors.http, wrongAnswer: errors.wrongAnswer, timeouts: result.timeouts, connection },
          errorSamples,
          rps: latencies.length / seconds,
          latencyMs: {
            p50: percentile(sorted, 50),
            p95: percentile(sorted, 95),
            p99: percentile(sorted, 99),
            mean: sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1),
            max: sorted.at(-1) ?? NaN,
          },
          overTeamsLimit: sorted.filter((ms) => ms > kind.teamsLimitMs).length,
          used: next - spec.offset,
          ...(exhaustedAt !== undefined ? { poolExhaustedAtS: (exhaustedAt - started) / 1000 } : {}),
          generatorCpuS: (cpu.user + cpu.system) / 1e6,
          generatorProcessCpuS: ((all) => (all.user + all.system) / 1e6)(process.cpuUsage()),
        });
      },
    );
    instance.on('response', (client, _status, _bytes, responseTimeMs) => {
      const state = states.get(client);
      if (state?.counted) latencies.push(responseTimeMs);
    });
  });
}

// Run as a child process: one `run` message in, one `result` (or `error`) message out, then exit.
if (require.main === module) {
  process.once('message', (message: { type: string; spec: StepSpec }) => {
    if (message.type !== 'run') return;
    runStep(message.spec).then(
      (result) => process.send?.({ type: 'result', result }, undefined, undefined, () => process.exit(0)),
      (error: unknown) => process.send?.({ type: 'error', error: error instanceof Error ? error.stack ?? error.message : String(error) }, undefined, undefined, () => process.exit(1)),
    );
  });
}
