import stem from 'wink-porter2-stemmer';
import type { SynonymGroups } from '../kb.schemas';

/** Words too common to tell sections apart; dropped from index and queries alike. */
const STOP_WORDS = new Set(
  (
    'a an and are as at be been but by can could did do does for from had has have he her his how i if in into is it its ' +
    'me my of on or our she should so than that the their them then there these they this those to too us was we were what ' +
    'when where which while who whom why will with would you your yours am just also about any some such only own same very ' +
    'there here out up down over under again further once both each few more most other no nor not off s t don now ' +
    'i\'m im ok okay hi hello please thanks thank need want wants know tell let lets get got go going gonna really ' +
    'cant wont dont didnt doesnt isnt arent wasnt werent shouldnt couldnt wouldnt ive ill youre theyre theyll theyd ' +
    'theyve hes shes its whats thats theres heres whos something someone anything thing things just still even until till'
  ).split(/\s+/),
);

/** Characters that may decompose into a letter and its accents (nothing below U+00C0 does). */
const MAY_DECOMPOSE = /[\u00c0-\uffff]/;
/** Characters outside ASCII, and runs of them: only these can be letters or digits other than a-z and 0-9. */
const NON_ASCII = /[^\x00-\x7f]/;
const NON_ASCII_RUNS = /[^\x00-\x7f]+/g;

/**
 * Lower case, accents removed, and everything but letters, digits and spaces turned into spaces
 * (one space for each run). The KB is mostly ASCII, so the Unicode-aware steps, which are several
 * times slower, run only on the text outside ASCII: a-z and 0-9 are the only ASCII letters and
 * digits there are.
 */
export function normalize(text: string): string {
  const bare = MAY_DECOMPOSE.test(text) ? text.normalize('NFD').replace(/\p{M}+/gu, '') : text;
  const lower = bare
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9\u0080-\uffff]+/g, ' ');
  const words = NON_ASCII.test(lower) ? lower.replace(NON_ASCII_RUNS, (run) => run.replace(/[^\p{L}\p{N}]+/gu, ' ')).replace(/ {2,}/g, ' ') : lower;
  return words.trim();
}

/**
 * Rewrites every phrase of a synonym group to one term, the group's first phrase, on stemmed words
 * so that inflections match too ("moving out" finds "move-out"), longest phrase first: "ct wants a
 * ptp" is read as "customer wants a promise to pay". A multi-word group is one term ("promis to
 * pay"), not its words, so "tl" never matches the "lead" of a "Lead label" through "team lead".
 * Works on the word list that `words` produces.
 */
export function createSynonymRewriter(groups: SynonymGroups): (words: string[]) => string[] {
  const rules: { from: string[]; to: string }[] = [];
  for (const group of groups) {
    const to = stemAll(group[0]!).join(' ');
    for (const variant of group) {
      const from = stemAll(variant);
      if (from.length && !(from.length === 1 && from[0] === to)) rules.push({ from, to });
    }
  }
  rules.sort((a, b) => b.from.length - a.from.length);
  const byFirst = new Map<string, { from: string[]; to: string }[]>();
  for (const rule of rules) byFirst.set(rule.from[0]!, [...(byFirst.get(rule.from[0]!) ?? []), rule]);
  return (input) => {
    const out: string[] = [];
    for (let i = 0; i < input.length; ) {
      const rule = byFirst.get(input[i]!)?.find((r) => r.from.every((w, k) => input[i + k] === w));
      if (rule) {
        out.push(rule.to);
        i += rule.from.length;
      } else {
        out.push(input[i]!);
        i += 1;
      }
    }
    return out;
  };
}

function stemAll(phrase: string): string[] {
  return normalize(phrase).split(' ').filter(Boolean).map(stemWord);
}

const stems = new Map<string, string>();
const MAX_REMEMBERED_STEMS = 200_000;

/** Porter2 stem of a normalized word (remembered: a KB repeats a few thousand words); numbers stay. */
function stemWord(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = /^\d+$/.test(word) ? word : stem(word);
    if (stems.size >= MAX_REMEMBERED_STEMS) stems.clear();
    stems.set(word, stemmed);
  }
  return stemmed;
}

/** Normalized, stemmed, synonym-rewritten terms of a text, in order, stop words removed. */
export function analyze(text: string, rewrite: (words: string[]) => string[]): string[] {
  const words = normalize(text).split(' ').filter(Boolean);
  return rewrite(words.map(stemWord)).filter((t) => !STOP_STEMS.has(t));
}

const STOP_STEMS = new Set([...STOP_WORDS].map((w) => stemWord(w)));
