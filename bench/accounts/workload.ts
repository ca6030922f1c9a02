/**
 * What the agents type, per kind of lookup, drawn from a sample of the loaded accounts with a
 * seeded generator (the same lists every run). Each kind mixes the ways people write it.
 */
import { createRandom, deriveSeed, type Random } from '../../src/demo/random';
import { normalizeName } from '../../src/features/accounts/name-match';
import type { SampleAccount } from './dataset';

export type LookupKind = 'point read by id (baseline)' | 'id' | 'phone' | 'email' | 'unit + location' | 'unit, no location' | 'name';

export interface Workload {
  kind: LookupKind;
  queries: string[];
  /** The group of each query (for name: full name, last name, typo); 'all' otherwise. */
  groupOf: (query: string) => string;
}

const formatPhone = (rng: Random, d: string): string =>
  rng.pick([d, `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`, `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`, `+1 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`, `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`]);

/** One typo in a word of 5+ letters: two neighbouring letters swapped, or one letter left out. */
export function typo(rng: Random, word: string): string {
  const at = rng.int(1, word.length - 3);
  if (rng.chance(0.5) && word[at] !== word[at + 1]) return `${word.slice(0, at)}${word[at + 1]}${word[at]}${word.slice(at + 2)}`;
  return `${word.slice(0, at)}${word.slice(at + 1)}`;
}

/** The point-read lookups of every kind, `count` each (fewer when the sample has fewer distinct ones). */
export function buildPointWorkloads(sample: readonly SampleAccount[], count: number, seed: number): Workload[] {
  const rng = createRandom(deriveSeed(seed, 'bench workload'));
  const pick = <T>(items: readonly T[]) => rng.pick(items);
  const accounts = rng.shuffle(sample);
  const take = <T>(make: (a: SampleAccount) => T | undefined): T[] => {
    const out: T[] = [];
    for (let i = 0; out.length < count && i < accounts.length * 2; i += 1) {
      const made = make(accounts[i % accounts.length]!);
      if (made !== undefined) out.push(made);
    }
    return out;
  };
  const withUnits = accounts.filter((a) => a.units.length > 0);
  const unitOf = (a: SampleAccount) => (a.units.length ? pick(a.units) : undefined);

  const all = () => 'all';
  return [
    { kind: 'point read by id (baseline)', queries: take((a) => a.id), groupOf: all },
    { kind: 'id', queries: take((a) => pick([a.id, `#${a.id}`, `acct ${a.id}`])), groupOf: all },
    { kind: 'phone', queries: take((a) => formatPhone(rng, pick(a.phones))), groupOf: all },
    {
      kind: 'email',
      queries: take((a) => {
        const address = pick(a.emails);
        return rng.chance(0.3) ? address.replace(/^./, (c) => c.toUpperCase()) : address;
      }),
      groupOf: all,
    },
    {
      kind: 'unit + location',
      queries: take((a) => {
        const unit = unitOf(a);
        if (!unit) return undefined;
        return pick([`${unit.locationId} ${unit.unitId}`, `${unit.unitId} at ${unit.locationId}`, `${unit.locationId.toLowerCase()}/${unit.unitId.toLowerCase()}`]);
      }),
      groupOf: all,
    },
    {
      kind: 'unit, no location',
      queries: withUnits.length ? take((a) => { const unit = unitOf(a); return unit ? pick([unit.unitId, `unit ${unit.unitId}`]) : undefined; }) : [],
      groupOf: all,
    },
  ];
}

/**
 * Name lookups: full names as written or in plain lower case (2 in 5), last names alone (2 in 5),
 * and full names with one typo in the last name (1 in 5). Grouped by those three for the figures.
 */
export function buildNameWorkload(sample: readonly SampleAccount[], count: number, seed: number): Workload {
  const rng = createRandom(deriveSeed(seed, 'bench name workload'));
  const accounts = rng.shuffle(sample);
  const groups = new Map<string, string>();
  const queries: string[] = [];
  for (let i = 0; queries.length < count && accounts.length > 0; i += 1) {
    const a = accounts[i % accounts.length]!;
    const roll = rng.int(0, 4);
    const plainLast = normalizeName(a.lastName);
    if (roll <= 1) queries.push(group(groups, roll === 0 ? `${a.firstName} ${a.lastName}` : normalizeName(`${a.firstName} ${a.lastName}`), 'full name'));
    else if (roll <= 3) queries.push(group(groups, a.lastName, 'last name'));
    else if (/^[a-z]{5,}$/.test(plainLast)) queries.push(group(groups, `${a.firstName} ${typo(rng, plainLast)}`, 'typo'));
  }
  return { kind: 'name', queries, groupOf: (q) => groups.get(q) ?? 'full name' };
}

function group(groups: Map<string, string>, query: string, name: string): string {
  if (!groups.has(query)) groups.set(query, name);
  return query;
}
