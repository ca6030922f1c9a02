import { resolve } from 'node:path';
import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadKbSnapshot } from '../../src/features/kb/kb.loader';
import type { KbSnapshot } from '../../src/features/kb/kb.service';
import { Bm25Builder } from '../../src/features/kb/search/bm25';
import { KbIndex } from '../../src/features/kb/search/kb-index';
import { englishRarity } from '../../src/features/kb/search/english-rarity';
import evalSet from './eval.json';

/**
 * The KB engine's BM25 replaced MiniSearch's search for speed. Its candidates must be the ones
 * MiniSearch ranked, with the same scores, for the same options (boosts, rarity as term boost, typo
 * matching for words the KB does not use). MiniSearch is built here as the KB engine built it.
 */
function miniSearchAsBefore(snapshot: KbSnapshot, index: KbIndex) {
  const rarity = englishRarity();
  const rarityOf = (term: string): number => (term.includes(' ') ? term.split(' ').reduce((s, w) => s + rarityOf(w), 0) : /^\d+(st|nd|rd|th)?$/.test(term) ? rarity.max / 3 : rarity.of(term));
  const known = new Set<string>();
  const engine = new MiniSearch<{ id: string; title: string; headings: string; text: string }>({
    fields: ['title', 'headings', 'text'],
    tokenize: (text) => index.analyze(text),
    processTerm: (term) => term,
    searchOptions: {
      boost: { title: 2, headings: 2.5, text: 1 },
      boostTerm: (term) => rarityOf(term) / rarity.max,
      fuzzy: (term) => (term.length >= 6 && !known.has(term) ? 0.2 : false),
      weights: { fuzzy: 0.3, prefix: 0.3 },
    },
  });
  for (const article of snapshot.articles) {
    for (const section of article.sections) {
      const doc = { id: section.id, title: article.title, headings: section.headingPath.join(' '), text: section.text };
      engine.add(doc);
      [doc.title, doc.headings, doc.text].forEach((field) => index.analyze(field).forEach((t) => known.add(t)));
    }
  }
  return (asked: string[]) => engine.search('', { tokenize: () => asked }).slice(0, 40).map((r) => ({ id: r.id as string, score: r.score }));
}

describe('the KB engine scores as MiniSearch did', () => {
  let snapshot: KbSnapshot;
  let index: KbIndex;
  let before: ReturnType<typeof miniSearchAsBefore>;
  beforeAll(async () => {
    snapshot = await loadKbSnapshot(resolve(__dirname, '../../kb'));
    index = new KbIndex(snapshot.articles, snapshot.synonyms);
    before = miniSearchAsBefore(snapshot, index);
  });

  // The sample KB is small enough that every word of a question is looked up (no posting budget).
  const questions = [
    ...evalSet.answerable.map((q) => q.question),
    ...evalSet.unanswerable.map((q) => q.question),
    'auktion of a unit', 'overlokc removal fee fee', 'gate gate code code code', 'pre lien letter texas', '12th of the month late fee',
  ];

  it.each(questions)('%s', (question) => {
    const asked = index.analyze(question);
    const mine = index.candidates(asked);
    const theirs = before(asked);
    expect(mine.map((h) => h.id)).toEqual(theirs.map((h) => h.id));
    mine.forEach((hit, i) => expect(hit.score).toBeCloseTo(theirs[i]!.score, 9));
  });

  it('finds something for most questions, so the comparison is not of empty lists', () => {
    const withHits = questions.filter((q) => index.candidates(index.analyze(q)).length > 0);
    expect(withHits.length).toBeGreaterThan(questions.length * 0.9);
  });
});

describe('Bm25Builder and Bm25Index', () => {
  it('ranks a document with the rarer term, more often, in a shorter or more boosted field higher', () => {
    const builder = new Bm25Builder([2, 1]);
    // term ids: 0 "lien", 1 "fee", 2 "unit"
    builder.add([[], [1, 2, 2]]); // 0: fee unit unit
    builder.add([[0], [0, 1]]); // 1: title lien; text lien fee
    builder.add([[], [0, 1, 2]]); // 2: lien fee unit
    builder.add([[], [2]]); // 3: unit
    const engine = builder.finish(3);
    const lien = engine.search([{ boost: 1, times: 1, lookups: [{ id: 0, weight: 1 }] }], 10);
    expect(lien.map((h) => h.doc)).toEqual([1, 2]);
    const both = engine.search([{ boost: 1, times: 1, lookups: [{ id: 0, weight: 1 }] }, { boost: 1, times: 1, lookups: [{ id: 1, weight: 1 }] }], 2);
    expect(both.map((h) => h.doc)).toEqual([1, 2]);
    expect(engine.search([{ boost: 1, times: 1, lookups: [{ id: 2, weight: 1 }] }], 10).map((h) => h.doc)).toEqual([0, 3, 2]);
  });

  it('starts every search from zero: the same question twice scores the same', () => {
    const builder = new Bm25Builder([1]);
    for (let i = 0; i < 50; i += 1) builder.add([[i % 5, (i * 7) % 11]]);
    const engine = builder.finish(11);
    const query = [{ boost: 0.7, times: 2, lookups: [{ id: 3, weight: 1 }] }, { boost: 1, times: 1, lookups: [{ id: 6, weight: 0.3 }] }];
    expect(engine.search(query, 20)).toEqual(engine.search(query, 20));
  });
});
