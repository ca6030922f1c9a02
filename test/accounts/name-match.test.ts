import { describe, expect, it } from 'vitest';
import { nameSearchQuery } from '../../src/features/accounts/account-name-search';
import { editDistance, matchesName, nameTokens, normalizeName, nameLookupsOf, nameQueryKey, nameStarts } from '../../src/features/accounts/name-match';

describe('name normalisation', () => {
  it('matches how searchName is made: lower case, no accents', () => {
    expect(normalizeName('Léa Bélanger')).toBe('lea belanger');
    expect(normalizeName('ÉTIENNE Côté')).toBe('etienne cote');
    expect(normalizeName('O’Brien')).toBe("o'brien");
  });

  it('splits a query into at most four words, dropping punctuation', () => {
    expect(nameTokens('  Bélanger,  Léa ')).toEqual(['belanger', 'lea']);
    expect(nameTokens('Marie-Ève Smith-Jones')).toEqual(['marie', 'eve', 'smith', 'jones']);
    expect(nameTokens('St. James')).toEqual(['st', 'james']);
    expect(nameTokens('a b c d e f')).toHaveLength(4);
    expect(nameTokens(' ,. ')).toEqual([]);
  });
});

describe('editDistance', () => {
  it.each([
    ['belanger', 'belanger', 0],
    ['belanegr', 'belanger', 1],
    ['belnger', 'belanger', 1],
    ['bellanger', 'belanger', 1],
    ['belenger', 'belanger', 1],
    ['eblanger', 'belanger', 1],
    ['blenager', 'belanger', 2],
    ['abcd', 'dcba', 3],
    ['', 'abc', 3],
    ['smith', 'smyth', 1],
  ])('%s -> %s is %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('matchesName', () => {
  it('takes each word as the start of a different word, in any order', () => {
    expect(matchesName(['lea', 'belanger'], 'lea belanger', 0)).toBe(true);
    expect(matchesName(['belanger', 'lea'], 'lea belanger', 0)).toBe(true);
    expect(matchesName(['bel'], 'lea belanger', 0)).toBe(true);
    expect(matchesName(['philippe'], 'jean-philippe belanger', 0)).toBe(true);
    expect(matchesName(['lea', 'lea'], 'lea belanger', 0)).toBe(false);
    expect(matchesName(['anger'], 'lea belanger', 0)).toBe(false);
    expect(matchesName([], 'lea belanger', 1)).toBe(false);
  });

  it('allows one typo in a word of four letters or more, only when asked', () => {
    expect(matchesName(['lea', 'belanegr'], 'lea belanger', 0)).toBe(false);
    expect(matchesName(['lea', 'belanegr'], 'lea belanger', 1)).toBe(true);
    expect(matchesName(['leaa', 'belanegr'], 'lea belanger', 1)).toBe(false);
    expect(matchesName(['lae', 'belanger'], 'lea belanger', 1)).toBe(false);
    expect(matchesName(['obrien'], "siobhan o'brien", 1)).toBe(true);
  });
});

describe('nameSearchQuery', () => {
  it('uses parameters only, one word-start test per token', () => {
    const spec = nameSearchQuery(["o'brien", 'x"; DROP'], 'exact');
    expect(spec.query).not.toContain("o'brien");
    expect(spec.query).not.toContain('DROP');
    expect(spec.query).toMatch(/ORDER BY c\.searchName$/);
    expect(spec.parameters?.map((p) => p.value)).toEqual(["o'brien", " o'brien", "-o'brien", 'x"; DROP', ' x"; DROP', '-x"; DROP']);
  });

  it('widens each long token to its first two letters or its tail when looking for a typo', () => {
    const spec = nameSearchQuery(['lea', 'belanegr'], 'typo');
    expect(spec.parameters?.map((p) => p.value)).toEqual(['lea', ' lea', '-lea', 'be', ' be', '-be', 'anegr']);
  });
});

describe('name lookups', () => {
  it('keeps one document per distinct two-letter word start, in its own partition', () => {
    expect(nameStarts('lea le-blanc')).toEqual(['le', 'bl']);
    expect(nameStarts("j o'brien")).toEqual(["o'"]);
    expect(nameLookupsOf({ id: '1234567', searchName: 'lea le-blanc' })).toEqual([
      { id: 'name:le:1234567', key: 'name:le', accountId: '1234567', searchName: 'lea le-blanc' },
      { id: 'name:bl:1234567', key: 'name:bl', accountId: '1234567', searchName: 'lea le-blanc' },
    ]);
  });

  it('reads the partition of the longest token, none when every token has one letter', () => {
    expect(nameQueryKey(['lea', 'belanger'])).toBe('name:be');
    expect(nameQueryKey(['e', 'b'])).toBeUndefined();
  });
});
