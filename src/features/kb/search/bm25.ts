/**
 * BM25 over the KB's sections, from typed arrays. It scores exactly as MiniSearch 7 did for Deskmate
 * (its formula and defaults: k 1.2, b 0.7, d 0.5; a field's length is its number of distinct terms;
 * the score is multiplied by how many of the question's terms matched, MiniSearch's "quality"), but
 * without an object per matching section and term, which is where MiniSearch spent most of a
 * question's time. On 27,728 sections (`npm run bench:kb`) a whole question takes 1.2 ms at the
 * median instead of 2.5, and the index takes half the memory.
 */
const K = 1.2;
const B = 0.7;
const D = 0.5;

/** One question term as the engine looks it up: its own id and, for a typo, the words close to it. */
export interface TermQuery {
  /** How much the term counts (its rarity): multiplies every score it adds. */
  boost: number;
  /** How many times the question has the term (each time adds its score again, as MiniSearch did). */
  times: number;
  /** Index terms looked up for it: the term itself (weight 1) or words within a typo of it (less). */
  lookups: readonly { id: number; weight: number }[];
}

/** Term postings of one field (title, headings or text), in compressed-row form by term id. */
interface FieldPostings {
  boost: number;
  /** Where each term's postings start in `docs`/`counts` (length: terms + 1). */
  starts: Uint32Array;
  docs: Uint32Array;
  counts: Uint16Array;
  /** Each document's number of distinct terms in the field. */
  lengths: Uint16Array;
  averageLength: number;
}

/** Builds the postings while sections are added in order; `finish` turns them into an index. */
export class Bm25Builder {
  private readonly fields: { boost: number; byTerm: number[][]; lengths: number[]; averageLength: number }[];
  private documents = 0;

  constructor(fieldBoosts: readonly number[]) {
    this.fields = fieldBoosts.map((boost) => ({ boost, byTerm: [], lengths: [], averageLength: 0 }));
  }

  /** Adds the next document (numbered from 0 in the order added): for each field, its term ids in text order. */
  add(fieldTerms: readonly (readonly number[])[]): void {
    const doc = this.documents;
    this.fields.forEach((field, f) => {
      const counts = new Map<number, number>();
      for (const id of fieldTerms[f] ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
      field.lengths.push(counts.size);
      // The running mean, computed in MiniSearch's order so scores match it to the last bit.
      field.averageLength = (field.averageLength * doc + counts.size) / (doc + 1);
      for (const [id, count] of counts) (field.byTerm[id] ??= []).push(doc, count);
    });
    this.documents += 1;
  }

  finish(termCount: number): Bm25Index {
    const fields = this.fields.map((field): FieldPostings => {
      const starts = new Uint32Array(termCount + 1);
      let total = 0;
      for (let id = 0; id < termCount; id += 1) {
        starts[id] = total;
        total += (field.byTerm[id]?.length ?? 0) / 2;
      }
      starts[termCount] = total;
      const docs = new Uint32Array(total);
      const counts = new Uint16Array(total);
      for (let id = 0; id < termCount; id += 1) {
        const pairs = field.byTerm[id];
        if (!pairs) continue;
        for (let i = 0, at = starts[id]!; i < pairs.length; i += 2, at += 1) {
          docs[at] = pairs[i]!;
          counts[at] = Math.min(pairs[i + 1]!, 0xffff);
        }
      }
      return { boost: field.boost, starts, docs, counts, lengths: Uint16Array.from(field.lengths), averageLength: field.averageLength };
    });
    return new Bm25Index(fields, this.documents);
  }
}

/** The built index: `search` scores documents for a question's terms. */
export class Bm25Index {
  private readonly total: Float64Array;
  private readonly perTerm: Float64Array;
  private readonly matchedTerms: Uint16Array;
  private readonly inTerm: Uint8Array;

  constructor(
    private readonly fields: readonly FieldPostings[],
    private readonly documents: number,
  ) {
    this.total = new Float64Array(documents);
    this.perTerm = new Float64Array(documents);
    this.matchedTerms = new Uint16Array(documents);
    this.inTerm = new Uint8Array(documents);
  }

  /** The best `limit` documents with their scores, best first; ties keep the order they were first found in. */
  search(terms: readonly TermQuery[], limit: number): { doc: number; score: number }[] {
    const found: number[] = [];
    const { total, perTerm, matchedTerms, inTerm } = this;
    for (const term of terms) {
      const touched: number[] = [];
      for (const { id, weight } of term.lookups) {
        for (const field of this.fields) {
          const start = field.starts[id];
          if (start === undefined) continue;
          const end = field.starts[id + 1]!;
          const matching = end - start;
          if (matching === 0) continue;
          const idf = Math.log(1 + (this.documents - matching + 0.5) / (matching + 0.5));
          const factor = weight * term.boost * field.boost;
          for (let at = start; at < end; at += 1) {
            const doc = field.docs[at]!;
            const count = field.counts[at]!;
            const score = idf * (D + (count * (K + 1)) / (count + K * (1 - B + (B * field.lengths[doc]!) / field.averageLength)));
            if (inTerm[doc] === 0) {
              inTerm[doc] = 1;
              touched.push(doc);
            }
            perTerm[doc] = perTerm[doc]! + factor * score;
          }
        }
      }
      for (const doc of touched) {
        if (matchedTerms[doc] === 0) found.push(doc);
        matchedTerms[doc] = matchedTerms[doc]! + 1;
        total[doc] = total[doc]! + perTerm[doc]! * term.times;
        perTerm[doc] = 0;
        inTerm[doc] = 0;
      }
    }
    const ranked = found.map((doc) => ({ doc, score: total[doc]! * matchedTerms[doc]! }));
    for (const doc of found) {
      total[doc] = 0;
      matchedTerms[doc] = 0;
    }
    return ranked.sort((a, b) => b.score - a.score).slice(0, limit);
  }
}
