import SearchableMap from 'minisearch/SearchableMap';
import type { Article, Section, SynonymGroups } from '../kb.schemas';
import { Bm25Builder, type Bm25Index, type TermQuery } from './bm25';
import { analyze, createSynonymRewriter } from './text-analysis';
import { englishRarity, type EnglishRarity } from './english-rarity';
import { proximity, sortedHas, sum } from './section-signals';
import { PackedListsBuilder, type PackedLists } from './packed-lists';

/** A section that matched a question, with the signals used to rank it and to judge confidence. */
export interface RankedSection {
  section: Section;
  /** Final ranking score (0..1): engine score, term coverage and proximity combined. */
  score: number;
  /** Share of the question's terms found in the section, each weighted by `KbIndex.termWeight` (0..1). */
  coverage: number;
  /** Rarity-weighted share of the question found in the section (0..1): how sure an answer from it is. */
  confidence: number;
  /** The question's terms found in the section. */
  matched: string[];
  /** Cosine similarity of the question's and the section's embeddings, when ranking is hybrid. */
  similarity?: number;
}

/** The lexical signals of one section for one question, whether or not the full-text engine found it. */
export type LexicalSignals = Pick<RankedSection, 'coverage' | 'confidence' | 'matched'>;

/** How much a match counts in each field a section is indexed by: its article's title, its headings, its text. */
const FIELD_BOOSTS = { title: 2, headings: 2.5, text: 1 };
/** A typo: a word the KB does not use, of at least 6 letters, matches KB words within a fifth of its length (at most 6 edits). */
const TYPO = { minLength: 6, share: 0.2, maxEdits: 6, weight: 0.3 };

/** Sections the engine hands to the re-ranking. */
const CANDIDATES = 40;
/** How many (section, word) pairs the full-text engine may score per question; see `candidateTerms`. */
const POSTING_BUDGET = 4000;

export const WEIGHTS = { engine: 0.35, coverage: 0.5, proximity: 0.15 };

/**
 * Full-text index over KB sections: BM25 (bm25.ts) with title and heading boosts, Porter2
 * stemming, stop words, the KB's synonyms and typo matching for words the KB does not use,
 * re-ranked by how much of the question a section covers (weighted by `termWeight`) and how close
 * together its matching words stand.
 */
export class KbIndex {
  private readonly engine: Bm25Index;
  /** The sections by the engine's document number (the order they were indexed in). */
  private readonly sections: Section[] = [];
  /** Document numbers by section id. */
  private readonly docOf = new Map<string, number>();
  /** Each section's terms (by document number) as ids into `termIds`: all of them (title and headings too) sorted, and its text's in order. */
  private readonly allTerms: PackedLists;
  private readonly textTerms: PackedLists;
  private readonly termIds = new Map<string, number>();
  /** Every term the KB uses, for finding the words a typo was meant to be. */
  private readonly vocabulary = new SearchableMap<number>();
  private readonly documentFrequency = new Map<string, number>();
  readonly analyze: (text: string) => string[];
  /**
   * Built on first use, not with the index: it is the same for every index in the process, and
   * stemming its 74,000 words takes about 0.5 s that a start need not wait for (see KbService.warm).
   */
  private get rarity(): EnglishRarity {
    return englishRarity();
  }

  constructor(articles: Article[], synonyms: SynonymGroups) {
    const rewrite = createSynonymRewriter(synonyms);
    this.analyze = (text) => analyze(text, rewrite);
    const builder = new Bm25Builder([FIELD_BOOSTS.title, FIELD_BOOSTS.headings, FIELD_BOOSTS.text]);
    const allTerms = new PackedListsBuilder();
    const textTerms = new PackedListsBuilder();
    const ids = (terms: string[]) => terms.map((t) => this.idOf(t));
    for (const article of articles) {
      const title = this.analyze(article.title);
      for (const section of article.sections) {
        this.docOf.set(section.id, this.sections.length);
        this.sections.push(section);
        const headings = this.analyze(section.headingPath.join(' '));
        const text = this.analyze(section.text);
        const all = new Set([...title, ...headings, ...text]);
        // Ids are given in the order terms are first seen (title, headings, text), as the engine indexed them before.
        allTerms.push(Uint32Array.from(all, (t) => this.idOf(t)).sort());
        const textIds = ids(text);
        textTerms.push(textIds);
        all.forEach((t) => this.documentFrequency.set(t, (this.documentFrequency.get(t) ?? 0) + 1));
        builder.add([ids(title), ids(headings), textIds]);
      }
    }
    this.allTerms = allTerms.finish();
    this.textTerms = textTerms.finish();
    this.engine = builder.finish(this.termIds.size);
    for (const [term, id] of this.termIds) this.vocabulary.set(term, id);
  }

  /** The id of a term, given on first sight (ids keep the per-section term lists small). */
  private idOf(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) this.termIds.set(term, (id = this.termIds.size));
    return id;
  }

  /** A question's distinct terms with what every section is judged by, worked out once per question. */
  private questionTerms(terms: string[]): QuestionTerm[] {
    return terms.map((term) => ({ term, id: this.termIds.get(term), weight: this.termWeight(term), rarity: this.rarityOf(term) }));
  }

  /** The question's terms found in a section (its title, headings or text). */
  private matchedIn(terms: QuestionTerm[], all: Uint32Array): (QuestionTerm & { id: number })[] {
    return terms.filter((t): t is QuestionTerm & { id: number } => t.id !== undefined && sortedHas(all, t.id));
  }

  get size(): number {
    return this.sections.length;
  }

  /** Every indexed section, in KB order. */
  get allSections(): Section[] {
    return [...this.sections];
  }

  /**
   * Coverage, confidence and matched terms of a section for a question, as `search` computes them:
   * for sections that another ranking (embeddings) found and the full-text engine did not.
   */
  signals(question: string, id: string): LexicalSignals {
    const terms = this.questionTerms([...new Set(this.analyze(question))]);
    const doc = this.docOf.get(id);
    if (terms.length === 0 || doc === undefined) return { coverage: 0, confidence: 0, matched: [] };
    const found = this.matchedIn(terms, this.allTerms.get(doc));
    const coverage = sum(found, (t) => t.weight) / sum(terms, (t) => t.weight);
    const confidence = sum(found, (t) => t.rarity) / sum(terms, (t) => t.rarity);
    return { coverage, confidence, matched: found.map((t) => t.term) };
  }

  /** Inverse document frequency; a word the KB never uses weighs the most. */
  idf(term: string): number {
    const n = this.sections.length || 1;
    return Math.log(1 + n / ((this.documentFrequency.get(term) ?? 0) + 0.5));
  }

  /**
   * What finding a question term in a section is worth: its IDF in the KB scaled by how unusual it
   * is in everyday English, so a word the KB seldom uses but everyone says ("nothing", "leave")
   * counts for less than jargon the KB seldom uses ("overlock").
   */
  termWeight(term: string): number {
    return (this.idf(term) * this.rarityOf(term)) / this.rarity.max;
  }

  /**
   * How much a question term says about what is asked: numbers little, unusual words a lot; a
   * synonym phrase ("team lead") as much as its words together.
   */
  private rarityOf(term: string): number {
    if (term.includes(' ')) return term.split(' ').reduce((sum, word) => sum + this.rarityOf(word), 0);
    return /^\d+(st|nd|rd|th)?$/.test(term) ? this.rarity.max / 3 : this.rarity.of(term);
  }

  /**
   * The question's words the full-text engine looks up to find candidates: its rarest words first,
   * as long as the sections they are found in add up to at most POSTING_BUDGET (the rarest is always
   * looked up). The engine's cost grows with those sections, and a word found in thousands of them
   * tells them apart least; every word still counts in coverage and confidence. The sample KB (135
   * sections) keeps every word. With 27,728 sections (bench:kb) a question takes 2.5 ms instead of
   * 6.5 with the earlier rule (words in over a quarter of the sections left out): p99 5.7 instead of
   * 21.5 ms, and fact@1 there is 77.6% instead of 76.3%.
   */
  private candidateTerms(asked: string[]): string[] {
    const frequency = (term: string) => this.documentFrequency.get(term) ?? 0;
    const rarestFirst = [...new Set(asked)].sort((a, b) => frequency(a) - frequency(b));
    const looked = new Set<string>();
    let postings = 0;
    for (const term of rarestFirst) {
      if (looked.size > 0 && postings + frequency(term) > POSTING_BUDGET) break;
      looked.add(term);
      postings += frequency(term);
    }
    return asked.filter((term) => looked.has(term));
  }

  /** The engine's best sections (BM25 with field boosts) for the question's analyzed terms, before re-ranking. */
  candidates(asked: string[]): { id: string; doc: number; score: number }[] {
    const looked = this.candidateTerms(asked);
    const queries: TermQuery[] = [...new Set(looked)].map((term) => ({
      boost: this.rarityOf(term) / this.rarity.max,
      times: looked.filter((t) => t === term).length,
      lookups: this.lookupsOf(term),
    }));
    return this.engine.search(queries, CANDIDATES).map((hit) => ({ id: this.sections[hit.doc]!.id, doc: hit.doc, score: hit.score }));
  }

  /** The term itself when the KB uses it; else, for a long word (a typo), the KB's words close to it. */
  private lookupsOf(term: string): TermQuery['lookups'] {
    const id = this.termIds.get(term);
    if (id !== undefined) return [{ id, weight: 1 }];
    const edits = Math.min(TYPO.maxEdits, Math.round(term.length * TYPO.share));
    if (term.length < TYPO.minLength || edits === 0) return [];
    return [...this.vocabulary.fuzzyGet(term, edits)].map(([word, [wordId, distance]]) => ({ id: wordId, weight: (TYPO.weight * word.length) / (word.length + distance) }));
  }

  /** The best sections for a question, best first. */
  search(question: string, limit = 5): RankedSection[] {
    const asked = this.analyze(question);
    const terms = this.questionTerms([...new Set(asked)]);
    if (terms.length === 0) return [];
    const hits = this.candidates(asked);
    const top = hits[0]?.score ?? 1;
    const totalWeight = sum(terms, (t) => t.weight);
    const totalRarity = sum(terms, (t) => t.rarity);
    return hits
      .map((hit) => {
        const section = this.sections[hit.doc]!;
        const found = this.matchedIn(terms, this.allTerms.get(hit.doc));
        const coverage = sum(found, (t) => t.weight) / totalWeight;
        const score = WEIGHTS.engine * (hit.score / top) + WEIGHTS.coverage * coverage + WEIGHTS.proximity * proximity(this.textTerms.get(hit.doc), found.map((t) => t.id));
        const confidence = sum(found, (t) => t.rarity) / totalRarity;
        return { section, score, coverage, confidence, matched: found.map((t) => t.term) };
      })
      .sort((a, b) => b.score - a.score)
      .slice(0, limit);
  }
}

/** A question term: its id in the index (undefined when no section has it), `termWeight` and rarity. */
interface QuestionTerm {
  term: string;
  id: number | undefined;
  weight: number;
  rarity: number;
}
