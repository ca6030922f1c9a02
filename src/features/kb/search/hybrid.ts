import type { Section } from '../kb.schemas';
import { dot } from './embeddings';
import type { KbIndex, RankedSection } from './kb-index';
import type { SectionMatrix } from './section-vectors';

/** How many of each ranking take part in the fusion (the lexical engine keeps 40 hits too). */
export const FUSION_DEPTH = 40;

/**
 * The usual reciprocal-rank-fusion constant: large enough that being 1st or 3rd in a list matters
 * less than being in both lists, small enough that the top of a list still counts most.
 */
export const RRF_K = 60;

/** A section by its embedding: cosine similarity to the question. */
export interface SemanticHit {
  section: Section;
  similarity: number;
}

/** Every section of the matrix with its similarity to the question vector, most similar first. */
export function rankBySimilarity(matrix: SectionMatrix, question: Float32Array): SemanticHit[] {
  if (matrix.vectors[0] && matrix.vectors[0].length !== question.length) {
    throw new Error(`the question's embedding has ${question.length} dimensions, the sections' ${matrix.vectors[0].length}`);
  }
  return matrix.sections.map((section, i) => ({ section, similarity: dot(matrix.vectors[i]!, question) })).sort((a, b) => b.similarity - a.similarity);
}

/**
 * Fuses the lexical ranking and the embedding ranking by reciprocal rank fusion over the top
 * FUSION_DEPTH of each: a section scores 1/(RRF_K + rank) for each list it is in.
 *
 * Why ranks rather than a mix of scores: the lexical score (BM25 share, term coverage, proximity)
 * and cosine similarity live on unrelated scales, and where cosine similarities fall depends on the
 * embedding model (one model puts unrelated texts at 0.7, another at 0.1). A weighted score mix
 * would need weights calibrated per deployment and per KB; rank fusion needs none, and a section
 * that both rankings put near the top wins over one that only one of them likes.
 *
 * Each fused section keeps its lexical signals (coverage, confidence, matched words; computed for
 * the sections only the embeddings found) and gets its similarity; `score` is the fused score
 * scaled to 0..1, 1 being first in both lists, so the answer's "nearly as good" rule still reads it.
 */
export function fuseRankings(index: KbIndex, question: string, lexical: readonly RankedSection[], semantic: readonly SemanticHit[], limit: number): RankedSection[] {
  const similarity = new Map(semantic.map((h) => [h.section.id, h.similarity]));
  const fused = new Map<string, { entry: RankedSection; rrf: number; lexicalRank: number }>();
  lexical.slice(0, FUSION_DEPTH).forEach((r, i) => {
    fused.set(r.section.id, { entry: { ...r, similarity: similarity.get(r.section.id) }, rrf: 1 / (RRF_K + i + 1), lexicalRank: i });
  });
  semantic.slice(0, FUSION_DEPTH).forEach((h, i) => {
    const rrf = 1 / (RRF_K + i + 1);
    const known = fused.get(h.section.id);
    if (known) known.rrf += rrf;
    else fused.set(h.section.id, { entry: { section: h.section, score: 0, ...index.signals(question, h.section.id), similarity: h.similarity }, rrf, lexicalRank: Infinity });
  });
  const best = 2 / (RRF_K + 1);
  return [...fused.values()]
    .sort((a, b) => b.rrf - a.rrf || a.lexicalRank - b.lexicalRank || (b.entry.similarity ?? 0) - (a.entry.similarity ?? 0))
    .slice(0, limit)
    .map(({ entry, rrf }) => ({ ...entry, score: rrf / best }));
}
