import type { Logger } from '../../shared/logger';
import type { Article, KbProblem, Section, SynonymGroups } from './kb.schemas';
import { relatedArticlesOf, type RelatedArticle } from './kb-related';
import { KbIndex, type RankedSection } from './search/kb-index';
import { englishRarity } from './search/english-rarity';
import { composeAnswer, type AnswerPart } from './search/answer';
import type { Embedder } from './search/embeddings';
import { SectionVectors } from './search/section-vectors';
import { fuseRankings, rankBySimilarity, FUSION_DEPTH } from './search/hybrid';

/**
 * How sure the engine must be to answer: the rarity-weighted share of the question's words found in
 * one of the best sections. Calibrated on test/kb/eval.json (see `npm run eval:kb`).
 */
export const DEFAULT_MIN_CONFIDENCE = 0.5;

/**
 * With embeddings, the cosine similarity between question and section at which the KB answers even
 * when too few of the question's words are in it (KB_MIN_SIMILARITY). A starting point only: where
 * similarities fall depends on the embedding model, so calibrate it with the real deployment.
 */
export const DEFAULT_MIN_SIMILARITY = 0.8;

/**
 * Longest wait for the question's embedding, when AZURE_OPENAI_TIMEOUT_MS is longer. A turn may
 * also wait for the chat model (AZURE_OPENAI_TIMEOUT_MS) and must end within Teams' 15 s, and
 * embedding one short question normally takes well under a second.
 */
export const MAX_QUESTION_EMBEDDING_MS = 3000;

/** How many ranked sections an answer is composed from (and a generative answer's sources taken from). */
const RANKED = 8;

export type { RelatedArticle } from './kb-related';

export type KbAnswer =
  | {
      kind: 'answer';
      question: string;
      parts: AnswerPart[];
      confidence: number;
      /** The best sections for the question, best first: what a generative answer is written from. */
      sources: Section[];
      /** Best cosine similarity to the question, when ranking was hybrid. */
      similarity?: number;
    }
  | { kind: 'unsure'; question: string; related: RelatedArticle[]; confidence: number; similarity?: number };

/** A loaded KB: its articles, the index over them, and what was wrong with it. */
export interface KbSnapshot {
  articles: Article[];
  synonyms: SynonymGroups;
  problems: KbProblem[];
  loadedAt: Date;
}

/** How questions are ranked now: lexically, or lexically and by embeddings (hybrid). */
export type KbRanking = 'lexical' | 'hybrid';

interface Semantic {
  vectors: SectionVectors;
  embedder: Embedder;
  minSimilarity: number;
  questionTimeoutMs: number;
  logger: Logger;
}

/**
 * Answers questions from the KB. The index is rebuilt in the background on reload and swapped in
 * whole, so a question never sees half a KB. Mentor answers (`useMentorAnswers`) are indexed with the
 * files' articles and kept across file reloads. With embeddings (`useEmbeddings`), the sections are
 * embedded in the background after each load and, once they all are, questions are ranked by both
 * the full-text index and embedding similarity (hybrid); until then, or when the question cannot
 * be embedded, ranking stays lexical.
 */
export class KbService {
  private index: KbIndex;
  private snapshot: KbSnapshot;
  private semantic: Semantic | undefined;
  private mentorArticles: Article[] = [];

  constructor(
    initial: KbSnapshot,
    private readonly minConfidence = DEFAULT_MIN_CONFIDENCE,
  ) {
    this.snapshot = initial;
    this.index = new KbIndex(initial.articles, initial.synonyms);
  }

  /**
   * Turns on hybrid ranking: embeds every section now and after every reload, in the background.
   * Returns at once; the KB answers lexically until the vectors are ready.
   */
  useEmbeddings(embedder: Embedder, options: { logger: Logger; minSimilarity?: number; questionTimeoutMs?: number; retry?: { firstMs: number; maxMs: number } }): void {
    this.semantic?.vectors.close();
    this.semantic = {
      vectors: new SectionVectors(embedder, options.logger, options.retry),
      embedder,
      minSimilarity: options.minSimilarity ?? DEFAULT_MIN_SIMILARITY,
      questionTimeoutMs: options.questionTimeoutMs ?? Math.min(embedder.timeoutMs, MAX_QUESTION_EMBEDDING_MS),
      logger: options.logger,
    };
    this.semantic.vectors.update(this.index, this.index.allSections);
  }

  /** Builds now what questions need besides the index (the English rarity table), so that the first question does not wait for it. */
  warm(): void {
    englishRarity();
  }

  /** Replaces the KB with a newly loaded one; the mentor answers are indexed with it again. */
  replace(next: KbSnapshot): void {
    this.snapshot = next;
    this.rebuild();
  }

  /** Replaces the mentor answers indexed with the files' articles (each one article, `source: 'mentor'`). */
  useMentorAnswers(articles: Article[]): void {
    // No mentor answers before or after (every start without any): the index already holds just the files.
    if (!articles.length && !this.mentorArticles.length) return;
    this.mentorArticles = articles;
    this.rebuild();
  }

  /** The KB as loaded from its folder (without the mentor answers). */
  get current(): KbSnapshot {
    return this.snapshot;
  }

  /** How many mentor answers are indexed with the files. */
  get mentorAnswerCount(): number {
    return this.mentorArticles.length;
  }

  /** Builds the index over the files and the mentor answers, then swaps it in whole. */
  private rebuild(): void {
    const index = new KbIndex([...this.snapshot.articles, ...this.mentorArticles], this.snapshot.synonyms);
    this.index = index;
    this.semantic?.vectors.update(index, index.allSections);
  }

  get sectionCount(): number {
    return this.index.size;
  }

  /** "hybrid" once every section of the current KB has its embedding, else "lexical". */
  get ranking(): KbRanking {
    return this.semantic?.vectors.matrixFor(this.index) ? 'hybrid' : 'lexical';
  }

  /** Resolves when the background embedding of the current KB has finished or failed (at once without embeddings). */
  async embeddingsSettled(): Promise<void> {
    await this.semantic?.vectors.settled();
  }

  /** Stops background embedding and ranks lexically from now on (on shutdown); resolves once the pass has ended. */
  async close(): Promise<void> {
    const semantic = this.semantic;
    this.semantic = undefined;
    semantic?.vectors.close();
    await semantic?.vectors.settled();
  }

  /** The answer with its cited sections, or "unsure" with up to 3 related articles. */
  async ask(question: string): Promise<KbAnswer> {
    const index = this.index;
    const semantic = this.semantic;
    const matrix = semantic?.vectors.matrixFor(index);
    if (!semantic || !matrix) return this.lexicalAnswer(index, question);
    let hits;
    try {
      const [vector] = await semantic.embedder.embedBatch([question], { timeoutMs: semantic.questionTimeoutMs });
      hits = rankBySimilarity(matrix, vector!);
    } catch (error) {
      // No question text here: the log must not carry what agents ask about customers.
      semantic.logger.warn({ reason: error instanceof Error ? error.message : String(error) }, 'question embedding failed; ranking lexically');
      return this.lexicalAnswer(index, question);
    }
    const lexical = index.search(question, FUSION_DEPTH);
    const similarity = hits[0]?.similarity ?? 0;
    const ranked = fuseRankings(index, question, lexical, hits, RANKED);
    const confidence = topConfidence(lexical);
    if (!ranked[0] || (confidence < this.minConfidence && similarity < semantic.minSimilarity)) {
      return { kind: 'unsure', question, related: relatedArticlesOf(ranked.map((r) => r.section)), confidence, similarity };
    }
    const parts = composeAnswer(index, question, ranked, this.minConfidence, semantic.minSimilarity);
    return { kind: 'answer', question, parts, confidence, sources: ranked.map((r) => r.section), similarity };
  }

  /** Sections matching a search, best first, for the message extension (lexical: no model call per keystroke). */
  search(query: string, limit = 10): Section[] {
    return this.index.search(query, limit).map((r) => r.section);
  }

  private lexicalAnswer(index: KbIndex, question: string): KbAnswer {
    const ranked = index.search(question, RANKED);
    const best = ranked[0];
    const confidence = topConfidence(ranked);
    if (!best || confidence < this.minConfidence) {
      return { kind: 'unsure', question, related: relatedArticlesOf(ranked.map((r) => r.section)), confidence };
    }
    return { kind: 'answer', question, parts: composeAnswer(index, question, ranked, this.minConfidence), confidence, sources: ranked.map((r) => r.section) };
  }
}

/** The lexical confidence: the best of the top 3 sections. */
function topConfidence(ranked: readonly RankedSection[]): number {
  return Math.max(0, ...ranked.slice(0, 3).map((r) => r.confidence));
}
