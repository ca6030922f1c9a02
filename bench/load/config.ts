/** The load benchmark's settings, from the environment (see bench/load/README.md). */
import { resolve } from 'node:path';

const envInt = (name: string, fallback: number, min = 1): number => {
  const value = Number(process.env[name]);
  return process.env[name] !== undefined && Number.isInteger(value) && value >= min ? value : fallback;
};
const envList = (name: string, fallback: string[]): string[] => {
  const raw = process.env[name]?.trim();
  return raw ? raw.split(',').map((s) => s.trim()).filter(Boolean) : fallback;
};

/** Every turn kind, in the order each concurrency level runs them. `ping` is the baseline. */
export const ALL_KINDS = ['ping', 'kb', 'phone', 'name', 'card', 'note', 'task', 'decide'] as const;
export type KindId = (typeof ALL_KINDS)[number];

function kinds(): KindId[] {
  const asked = envList('BENCH_KINDS', [...ALL_KINDS]);
  const unknown = asked.filter((k) => !(ALL_KINDS as readonly string[]).includes(k));
  if (unknown.length) throw new Error(`BENCH_KINDS: unknown kind(s) ${unknown.join(', ')}; known: ${ALL_KINDS.join(', ')}`);
  // The baseline always runs: every ratio is to ping's p99 at the same concurrency.
  return ALL_KINDS.filter((k) => k === 'ping' || asked.includes(k));
}

function concurrencies(): number[] {
  const list = envList('BENCH_CONCURRENCY', ['1', '16', '64']).map(Number);
  if (list.some((c) => !Number.isInteger(c) || c < 1 || c > 256)) throw new Error('BENCH_CONCURRENCY: expected a list of whole numbers from 1 to 256, such as 1,16,64');
  return [...new Set(list)].sort((a, b) => a - b);
}

export function readConfig() {
  const concurrency = concurrencies();
  return {
    /** Generated accounts (the demo generator in branches, as bench:accounts loads them). */
    accounts: envInt('BENCH_ACCOUNTS', 100_000),
    accountsPerLocation: envInt('BENCH_PER_LOCATION', 1000),
    /** Generated KB articles added to the sample KB. */
    articles: envInt('BENCH_ARTICLES', 5000, 0),
    seed: envInt('BENCH_SEED', 20261122),
    /** The day the generated data is relative to (fixed, so every build writes the same documents). */
    today: '2026-11-22',
    /** Demo notes: for the first branch's accounts (the 7 demo stores, as the demo has), every branch, or none. */
    notes: (['demo', 'all', 'none'] as const).find((v) => v === process.env.BENCH_NOTES) ?? ('demo' as const),
    /** Open mentor requests made at build time; each `decide` request takes one. */
    escalations: envInt('BENCH_ESCALATIONS', 12000, 0),
    /** Accounts with 3 units and 20 notes for the `card` kind. */
    cardAccounts: 8,
    notesPerCard: 20,
    kinds: kinds(),
    concurrency,
    /** One load step (a kind at a concurrency), seconds. */
    stepS: envInt('BENCH_STEP_S', 20),
    /** Untimed load per kind before the first step (at concurrency 4), seconds; 0 skips. */
    warmupS: envInt('BENCH_WARMUP_S', 2, 0),
    /** A request with no answer after this long counts as an error (timeout). */
    timeoutS: envInt('BENCH_TIMEOUT_S', 30),
    /** Longest wait between steps for the bot to go idle (work left from the step, a store save). */
    settleS: envInt('BENCH_SETTLE_S', 60, 0),
    /** Longest wait for /readyz. */
    readyLimitS: envInt('BENCH_READY_LIMIT_S', 180),
    /** Seeded users, one per concurrent conversation. */
    users: Math.max(...concurrency),
    dataDir: resolve(process.env.BENCH_DATA_DIR ?? '.data/bench-load'),
    rebuild: process.env.BENCH_REBUILD === '1',
    botLogLevel: process.env.BENCH_BOT_LOG_LEVEL ?? 'info',
    /** Task reminders and escalation SLA passes in the bot (off: they would add work no request asked for). */
    background: process.env.BENCH_BACKGROUND === 'on',
    /** Count SDK calls and server requests in the bot (a preload module); off runs the bot untouched. */
    countCalls: process.env.BENCH_COUNT !== 'off',
    /** Extra node flags for the bot's process after the start script's own, space-separated (e.g. --heap-growing-percent=0); unset: only the start script's. */
    botNodeFlags: (process.env.BENCH_BOT_NODE_FLAGS ?? '').split(/\s+/).filter(Boolean),
    /** Directory for a --cpu-prof profile of the bot; unset: no profile. */
    cpuProfDir: process.env.BENCH_CPU_PROF ? resolve(process.env.BENCH_CPU_PROF) : undefined,
  };
}

export type LoadConfig = ReturnType<typeof readConfig>;
