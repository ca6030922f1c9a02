import type { NameLookup } from './accounts.schemas';
import { isStorableKey } from './lookup-writes';

/**
 * Pure helpers for name search: the same normalisation as `Account.searchName`, query tokens,
 * a small edit distance and the rule that decides whether a stored name matches the tokens.
 */

/** The most words of a name query that count; the rest are ignored. */
export const MAX_NAME_TOKENS = 4;
/** Tokens shorter than this must match exactly: one edit on a short word matches too much. */
export const MIN_TYPO_TOKEN_LENGTH = 4;

/** Lower-case, accents removed, curly apostrophes made straight: "Léa O’Brien" -> "lea o'brien". */
export function normalizeName(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[\u2018\u2019\u02bc]/g, "'").toLowerCase();
}

/** The words of a name query: "Bélanger, Léa" -> ["belanger", "lea"]. Hyphens and commas split words. */
export function nameTokens(text: string): string[] {
  return normalizeName(text)
    .split(/[\s,;\-]+/)
    .map((token) => token.replace(/[^a-z0-9']/g, ''))
    .filter((token) => token.length > 0)
    .slice(0, MAX_NAME_TOKENS);
}

/** The words of a stored `searchName`; a hyphenated name gives one word per part. */
export function nameWords(searchName: string): string[] {
  return searchName.split(/[\s-]+/).filter((word) => word.length > 0);
}

/**
 * Name lookups: `lookups` holds one document per account and distinct two-letter start of its
 * name's words (`name:le` for "lea", "leblanc"), so that a name search reads one partition of
 * `lookups` instead of every account.
 */
export const NAME_START_LENGTH = 2;

/** The `lookups` partition of the names whose words start with `start`: `name:le`. */
export function nameLookupKey(start: string): string {
  return `name:${start}`;
}

/** The distinct two-letter starts of a stored `searchName`'s words ("lea le-blanc" -> ["le", "bl"]). */
export function nameStarts(searchName: string): string[] {
  const starts = nameWords(searchName).filter((word) => word.length >= NAME_START_LENGTH).map((word) => word.slice(0, NAME_START_LENGTH));
  return [...new Set(starts)];
}

/** The name lookup documents of an account (one per distinct word start), as `lookups` holds them. */
export function nameLookupsOf(account: { id: string; searchName: string }): NameLookup[] {
  return nameStarts(account.searchName)
    .map((start) => nameLookupKey(start))
    .map((key) => ({ id: `${key}:${account.id}`, key, accountId: account.id, searchName: account.searchName }))
    .filter((lookup) => isStorableKey(lookup.id));
}

/**
 * The `lookups` partition a name query reads: the start of its longest token (every match has a
 * word starting with each token). Undefined when every token is shorter than two letters.
 */
export function nameQueryKey(tokens: readonly string[]): string | undefined {
  const longest = [...tokens].sort((a, b) => b.length - a.length)[0];
  return longest && longest.length >= NAME_START_LENGTH ? nameLookupKey(longest.slice(0, NAME_START_LENGTH)) : undefined;
}

/**
 * Optimal string alignment distance (Damerau-Levenshtein where each substring is edited once):
 * insertions, deletions, substitutions and swaps of two neighbours each cost 1.
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array.from({ length: b.length }, (_, j) => (i === 0 ? j + 1 : 0))]);
  const at = (i: number, j: number) => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i += 1) {
    const row = rows[i] as number[];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      row[j] = best;
    }
  }
  return at(a.length, b.length);
}

/** What one token costs against one word: 0 when the word starts with it, 1 for one typo, else no match. */
function tokenCost(token: string, word: string, allowTypo: boolean): number {
  if (word.startsWith(token)) return 0;
  if (!allowTypo || token.length < MIN_TYPO_TOKEN_LENGTH || Math.abs(token.length - word.length) > 1) return Number.POSITIVE_INFINITY;
  return editDistance(token, word) <= 1 ? 1 : Number.POSITIVE_INFINITY;
}

/**
 * True when every token matches a different word of the name, in any order, each as the start of
 * the word, with at most `maxTypos` tokens (of 4 letters or more) one edit away from a whole word.
 */
export function matchesName(tokens: readonly string[], searchName: string, maxTypos: number): boolean {
  const words = nameWords(searchName);
  const used = new Set<number>();
  const place = (index: number, budget: number): boolean => {
    const token = tokens[index];
    if (token === undefined) return true;
    for (let w = 0; w < words.length; w += 1) {
      if (used.has(w)) continue;
      const cost = tokenCost(token, words[w] as string, budget > 0);
      if (cost > budget) continue;
      used.add(w);
      if (place(index + 1, budget - cost)) return true;
      used.delete(w);
    }
    return false;
  };
  return tokens.length > 0 && place(0, maxTypos);
}
