import type { Article, KbProblem, Section, SynonymGroups } from './kb.schemas';
import { KbIndex } from './search/kb-index';
import { composeAnswer, type AnswerPart } from './search/answer';

/**
 * How sure the engine must be to answer: the rarity-weighted share of the question's words found in
 * one of the best sections. Calibrated on test/kb/eval.json (see `npm run eval:kb`).
 */
export const DEFAULT_MIN_CONFIDENCE = 0.5;

export interface RelatedArticle {
  title: string;
  path: string;
  url?: string;
}

export type KbAnswer =
  | { kind: 'answer'; question: string; parts: AnswerPart[]; confidence: number }
  | { kind: 'unsure'; question: string; related: RelatedArticle[]; confidence: number };

/** A loaded KB: its articles, the index over them, and what was wrong with it. */
export interface KbSnapshot {
  articles: Article[];
  synonyms: SynonymGroups;
  problems: KbProblem[];
  loadedAt: Date;
}

/**
 * Answers questions from the KB. The index is rebuilt in the background on reload and swapped in
 * whole, so a question never sees half a KB.
 */
export class KbService {
  private index: KbIndex;
  private snapshot: KbSnapshot;

  constructor(
    initial: KbSnapshot,
    private readonly minConfidence = DEFAULT_MIN_CONFIDENCE,
  ) {
    this.snapshot = initial;
    this.index = new KbIndex(initial.articles, initial.synonyms);
  }

  /** Replaces the KB with a newly loaded one. */
  replace(next: KbSnapshot): void {
    const index = new KbIndex(next.articles, next.synonyms);
    this.index = index;
    this.snapshot = next;
  }

  get current(): KbSnapshot {
    return this.snapshot;
  }

  get sectionCount(): number {
    return this.index.size;
  }

  /** The answer with its cited sections, or "unsure" with up to 3 related articles. */
  ask(question: string): KbAnswer {
    const ranked = this.index.search(question, 8);
    const best = ranked[0];
    const confidence = Math.max(0, ...ranked.slice(0, 3).map((r) => r.confidence));
    if (!best || confidence < this.minConfidence) {
      return { kind: 'unsure', question, related: relatedArticles(ranked.map((r) => r.section)), confidence };
    }
    return { kind: 'answer', question, parts: composeAnswer(this.index, question, ranked, this.minConfidence), confidence };
  }

  /** Sections matching a search, best first, for the message extension. */
  search(query: string, limit = 10): Section[] {
    return this.index.search(query, limit).map((r) => r.section);
  }
}

function relatedArticles(sections: Section[]): RelatedArticle[] {
  const seen = new Set<string>();
  const out: RelatedArticle[] = [];
  for (const s of sections) {
    if (seen.has(s.articlePath)) continue;
    seen.add(s.articlePath);
    out.push({ title: s.articleTitle, path: s.articlePath, url: s.url?.replace(/#.*$/, '') });
    if (out.length === 3) break;
  }
  return out;
}
