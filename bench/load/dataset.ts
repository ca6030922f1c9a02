/**
 * The load benchmark's data, built once and kept in BENCH_DATA_DIR (default .data/bench-load):
 *   - cosmos.json: the embedded store's data file, as the bot saves it, with the demo data scaled up:
 *     the accounts of bench/accounts/dataset.ts (the demo generator in branches of the 7 demo stores)
 *     and their lookups (phones, emails, units and names), written with the SDK's bulk API; every
 *     branch's stores; the demo's people, quick responses and notes (for the first branch's
 *     accounts, as the demo has; BENCH_NOTES=all for every branch); the bench users; accounts with
 *     3 units and 20 notes for the customer card; and open mentor requests made through the bot
 *     itself (for `decide`).
 *   - kb/: the sample KB and the generated articles of bench/kb/generate.ts as Markdown files.
 *   - manifest.json: what was built (the settings that decide it, counts, timings) and the pools of
 *     phones, names and accounts the load draws from.
 * A build is reused while the settings that decide it are the same (BENCH_REBUILD=1 forces one).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Account } from '../../src/features/accounts/accounts.schemas';
import { locationSchema } from '../../src/features/locations/locations.schemas';
import { noteSchema } from '../../src/features/notes/notes.schemas';
import { personSchema, type Person } from '../../src/features/people/people.schemas';
import { quickResponseSchema } from '../../src/features/quick-responses/quick-responses.schemas';
import { generateNotes } from '../../src/demo/demo-notes';
import { DEMO_MENTORS, demoPeople } from '../../src/demo/demo-people';
import { DEMO_LOCATIONS } from '../../src/demo/demo-locations';
import { demoQuickResponses } from '../../src/demo/demo-quick-responses';
import { silentLogger } from '../../src/shared/logger';
import { forEachBounded } from '../../src/shared/bounded';
import { openStore } from '../../src/store/cosmos-store';
import { generateBranches, LookupIndex, type SampleAccount } from '../accounts/dataset';
import { bulkCreate } from '../accounts/load';
import { generateArticles } from '../kb/generate';
import type { LoadConfig } from './config';
import { cardNotesOf } from './card-notes';
import { createEscalations } from './open-requests';

/** Bump when what a build writes changes, so older builds are not reused. */
const BUILD_VERSION = 6; // 3: name lookups; 4: distinct KB article titles; 5: requests posted to a linked mentors' channel; 6: data file format 2 (a line per document)
const DATABASE = 'deskmate';
const TENANT = '00000000-0000-0000-0000-0000000000b1';

export interface BenchUser {
  id: string;
  name: string;
}

/** What the load draws from; each entry was written by the build. */
export interface Pools {
  users: BenchUser[];
  /** The agent whose open requests the mentors decide. */
  requester: BenchUser;
  tenantId: string;
  phones: { phone: string; accountId: string }[];
  names: { name: string; accountId: string }[];
  /** Accounts with 3 units and 20 notes. */
  cardAccounts: string[];
  /** Customers (with a unit) for notes and tasks. */
  customers: { accountId: string; unitId: string; locationId: string }[];
  /** Open requests, one per `decide`. */
  escalations: { accountId: string; escalationId: string }[];
}

export interface Manifest {
  key: Record<string, unknown>;
  builtAt: string;
  dataFileMb: number;
  documents: Record<string, number>;
  timingsMs: Record<string, number>;
  pools: Pools;
}

export interface Dataset {
  dataFile: string;
  kbDir: string;
  manifest: Manifest;
  /** True when this run built it (false: reused). */
  built: boolean;
}

const log = (text: string) => process.stderr.write(text);

function buildKey(config: LoadConfig): Record<string, unknown> {
  return {
    version: BUILD_VERSION,
    accounts: config.accounts,
    accountsPerLocation: config.accountsPerLocation,
    articles: config.articles,
    seed: config.seed,
    today: config.today,
    notes: config.notes,
    escalations: config.escalations,
    cardAccounts: config.cardAccounts,
    notesPerCard: config.notesPerCard,
    users: Math.max(64, config.users),
  };
}

/** The data file and KB of these settings: reused when built before, else built now. */
export async function prepareDataset(config: LoadConfig): Promise<Dataset> {
  const dir = config.dataDir;
  const dataFile = join(dir, 'cosmos.json');
  const manifestFile = join(dir, 'manifest.json');
  const kbDir = join(dir, 'kb');
  const key = buildKey(config);
  const previous = existsSync(manifestFile) && existsSync(dataFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest) : undefined;
  // The sample KB is copied afresh every run (27 files), so an edit to kb/ is always measured.
  const reuse = !config.rebuild && previous && JSON.stringify(previous.key) === JSON.stringify(key) && existsSync(join(kbDir, 'gen'));
  if (reuse) {
    copySampleKb(kbDir);
    log(`… reusing the data built ${previous.builtAt} in ${dir} (BENCH_REBUILD=1 builds it again)\n`);
    return { dataFile, kbDir, manifest: previous, built: false };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const timingsMs: Record<string, number> = {};
  let t = performance.now();
  writeKb(kbDir, config);
  timingsMs.kb = performance.now() - t;

  const buildFile = join(dir, 'build', 'cosmos.json');
  t = performance.now();
  const { pools, documents } = await writeStore(buildFile, config, key.users as number);
  timingsMs.store = performance.now() - t;
  t = performance.now();
  pools.escalations = await createEscalations(buildFile, pools, config);
  documents.escalations = pools.escalations.length;
  timingsMs.escalations = performance.now() - t;
  renameSync(buildFile, dataFile);
  rmSync(join(dir, 'build'), { recursive: true, force: true });
  const manifest: Manifest = { key, builtAt: new Date().toISOString(), dataFileMb: statSync(dataFile).size / 1024 / 1024, documents, timingsMs, pools };
  writeFileSync(manifestFile, JSON.stringify(manifest));
  return { dataFile, kbDir, manifest, built: true };
}

/** The sample KB as it is now in kb/, beside the generated articles in gen/ (kept). */
function copySampleKb(kbDir: string): void {
  mkdirSync(kbDir, { recursive: true });
  for (const entry of readdirSync(kbDir)) if (entry !== 'gen') rmSync(join(kbDir, entry), { recursive: true, force: true });
  cpSync('kb', kbDir, { recursive: true });
}

/** The sample KB plus the generated articles, as Markdown files the bot's loader reads. */
function writeKb(kbDir: string, config: LoadConfig): void {
  log(`… writing the KB: the sample and ${config.articles.toLocaleString('en-US')} generated articles\n`);
  copySampleKb(kbDir);
  mkdirSync(join(kbDir, 'gen'), { recursive: true });
  for (const article of generateArticles(config.articles, config.seed)) {
    const front = ['---', `title: ${JSON.stringify(article.title)}`, `url: ${JSON.stringify(article.url)}`, `updated: ${article.updated}`, '---', ''];
    const body = article.sections.flatMap((s) => [`## ${s.headingPath.at(-1) ?? 'Overview'}`, s.text, '']);
    writeFileSync(join(kbDir, article.path), [...front, `# ${article.title}`, '', ...body].join('\n'));
  }
}

/** Writes everything but the mentor requests into a fresh data file. */
async function writeStore(file: string, config: LoadConfig, userCount: number): Promise<{ pools: Pools; documents: Record<string, number> }> {
  const store = await openStore({ kind: 'embedded', dataFile: file, database: DATABASE }, silentLogger(), { persist: true });
  const documents: Record<string, number> = {};
  const add = (name: string, n: number) => (documents[name] = (documents[name] ?? 0) + n);
  try {
    const c = store.containers;
    const bulk = { sliceSize: 25_000, inFlight: 2 };
    const index = new LookupIndex();
    const cards: Account[] = [];
    let pending: Account[] = [];
    const notesFor = async (accounts: Account[]) => {
      const notes = generateNotes({ seed: config.seed, today: config.today, accounts }).map((n) => noteSchema.parse(n));
      add('notes', (await bulkCreate(c.notes, notes, (n) => n.accountId, bulk)).documents);
    };
    log(`… generating and loading ${config.accounts.toLocaleString('en-US')} accounts`);
    const { sample } = await generateBranches({ ...config, sampleSize: 4000 }, async (branch) => {
      const locations = branch.locations.map((l) => locationSchema.parse(l));
      await forEachBounded(locations, 8, (l) => c.locations.items.upsert(l));
      add('locations', locations.length);
      // Customers with exactly 3 units get the card's 20 notes and no demo notes.
      for (const a of branch.accounts) if (cards.length < config.cardAccounts && a.kind === 'customer' && a.units.length === 3) cards.push(a);
      const cardIds = new Set(cards.map((a) => a.id));
      if (config.notes === 'all' || (config.notes === 'demo' && branch.index === 1)) await notesFor(branch.accounts.filter((a) => !cardIds.has(a.id)));
      index.add(branch.accounts);
      pending.push(...branch.accounts);
      if (pending.length >= bulk.sliceSize) {
        add('accounts', (await bulkCreate(c.accounts, pending, (a) => a.id, bulk)).documents);
        pending = [];
      }
      log('.');
    });
    if (pending.length) add('accounts', (await bulkCreate(c.accounts, pending, (a) => a.id, bulk)).documents);
    add('lookups', (await bulkCreate(c.lookups, index.documents(), (l) => l.key, bulk)).documents);
    log(' done\n');
    if (cards.length === 0) throw new Error('no generated customer has 3 units, so there is no account for the customer card');
    const cardNotes = cards.flatMap((a) => cardNotesOf(a, config.notesPerCard, config.today));
    add('notes', (await bulkCreate(c.notes, cardNotes, (n) => n.accountId, bulk)).documents);

    const users: BenchUser[] = Array.from({ length: userCount }, (_, i) => ({ id: `bench-user-${String(i + 1).padStart(3, '0')}`, name: `Bench Mentor ${i + 1}` }));
    const requester: BenchUser = { id: 'bench-requester', name: 'Riley Requester' };
    const people: Person[] = [
      ...demoPeople(DEMO_LOCATIONS),
      // Mentors can do everything agents can, and decide requests: every kind can run in any conversation.
      ...users.map((u) => ({ ...u, title: 'TL', roles: ['agent', 'mentor'], team: 'Customer Service', locationIds: [], active: true }) as Person),
      { ...requester, title: 'Agent', roles: ['agent'], team: 'Customer Service', locationIds: [], active: true },
    ].map((p) => personSchema.parse(p));
    const author = DEMO_MENTORS[0]!;
    const quick = demoQuickResponses({ id: author.id, name: author.name }, `${config.today}T08:00:00.000Z`).map((q) => quickResponseSchema.parse(q));
    await forEachBounded(quick, 8, (q) => c.quickresponses.items.upsert(q));
    add('quickresponses', quick.length);
    // People last: the bot seeds the demo data into a store whose `people` is empty.
    await forEachBounded(people, 8, (p) => c.people.items.upsert(p));
    add('people', people.length);

    const cardIds = new Set(cards.map((a) => a.id));
    const withUnits = (s: SampleAccount) => s.units.length > 0 && !cardIds.has(s.id);
    const pools: Pools = {
      users,
      requester,
      tenantId: TENANT,
      phones: sample.filter((s) => s.phones[0]).map((s) => ({ phone: s.phones[0]!, accountId: s.id })),
      names: sample.map((s) => ({ name: `${s.firstName} ${s.lastName}`, accountId: s.id })),
      cardAccounts: cards.map((a) => a.id),
      customers: sample.filter(withUnits).map((s) => ({ accountId: s.id, unitId: s.units[0]!.unitId, locationId: s.units[0]!.locationId })),
      escalations: [],
    };
    return { pools, documents };
  } finally {
    await store.close();
  }
}
