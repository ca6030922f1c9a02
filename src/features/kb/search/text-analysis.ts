import stem from 'wink-porter2-stemmer';
import type { SynonymGroups } from '../kb.schemas';

/** Words too common to tell sections apart; dropped from index and queries alike. */
const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have he her his how i if in into is it its ' +
    'me my of on or our she should so than that the their them then there these they this those to too us was we were what ' +
    'when where which while who whom why will with would you your yours am just also about any some such only own same very ' +
    'there here out up down over under again further once both each few more most other no nor not off s t don now ' +
    'i\'m im ok okay hi hello please thanks thank need want wants know tell let lets get got go going gonna really'
  ).split(/\s+/),
);

/** Lower case, accents removed, and everything but letters, digits and spaces turned into spaces. */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Rewrites synonym phrases to the first term of their group, longest phrase first, on word
 * boundaries: "ct wants a ptp" -> "customer wants a promise to pay".
 */
export function createSynonymRewriter(groups: SynonymGroups): (normalized: string) => string {
  const pairs: [RegExp, string][] = [];
  for (const group of groups) {
    const canonical = normalize(group[0]!);
    for (const variant of group.slice(1)) {
      const v = normalize(variant);
      if (v && v !== canonical) pairs.push([new RegExp(`(?<![\\p{L}\\p{N}])${escape(v)}(?![\\p{L}\\p{N}])`, 'gu'), canonical]);
    }
  }
  pairs.sort((a, b) => b[0].source.length - a[0].source.length);
  return (text) => pairs.reduce((out, [pattern, canonical]) => out.replace(pattern, canonical), text);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}

/** Stems a single normalized word, or returns null for a stop word. */
export function termOf(word: string): string | null {
  if (!word || STOP_WORDS.has(word)) return null;
  return /^\d+$/.test(word) ? word : stem(word);
}

/** Normalized, synonym-rewritten, stemmed terms of a text, in order (stop words removed). */
export function analyze(text: string, rewrite: (s: string) => string): string[] {
  const out: string[] = [];
  for (const word of rewrite(normalize(text)).split(' ')) {
    const term = termOf(word);
    if (term) out.push(term);
  }
  return out;
}
