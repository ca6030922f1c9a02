/**
 * How a section's words stand against a question's, on the term ids the KB index gives: whether a
 * section has a term (binary search in its sorted ids), and how close together the matched terms
 * stand in its text. Pure functions, used by `KbIndex` to re-rank what the engine found.
 */

/** The sum of `value` over the items (weights or rarities of matched terms). */
export function sum<T>(items: readonly T[], value: (item: T) => number): number {
  return items.reduce((total, item) => total + value(item), 0);
}

/** Whether a sorted list of term ids holds `id` (binary search). */
export function sortedHas(sorted: Uint32Array, id: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = sorted[middle]!;
    if (value === id) return true;
    if (value < id) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** 1 when the matched terms (ids) stand side by side in the text, falling towards 0 as they spread out. */
export function proximity(text: Uint32Array, matched: number[]): number {
  const matchedSet = new Set(matched);
  const wanted = new Set<number>();
  for (const term of text) if (matchedSet.has(term)) wanted.add(term);
  if (wanted.size < 2) return 0;
  const need = wanted.size;
  const counts = new Map<number, number>();
  let have = 0;
  let best = Infinity;
  let left = 0;
  for (let right = 0; right < text.length; right += 1) {
    const term = text[right]!;
    if (!wanted.has(term)) continue;
    counts.set(term, (counts.get(term) ?? 0) + 1);
    if (counts.get(term) === 1) have += 1;
    while (have === need) {
      best = Math.min(best, right - left + 1);
      const leaving = text[left]!;
      if (wanted.has(leaving)) {
        counts.set(leaving, counts.get(leaving)! - 1);
        if (counts.get(leaving) === 0) have -= 1;
      }
      left += 1;
    }
  }
  if (best === Infinity) return 0;
  return need / best;
}
