import type { NoteDraftText, NoteTextField } from './note-check.types';

/** The free-text fields of a note, in the order the form shows them. */
export const NOTE_TEXT_FIELDS: readonly NoteTextField[] = ['reason', 'resolution', 'additionalInfo', 'followUp'];

/** Words before a period that do not end a sentence ("3 p.m.", "e.g.", "Dr."). */
const ABBREVIATIONS = new Set(['a.m', 'p.m', 'e.g', 'i.e', 'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'etc', 'approx', 'vs', 'inc', 'apt', 'ste', 'ave', 'dept', 'hrs', 'mins']);

/** A bullet or list number at the start of a line: "•", "-", "*", "1.", "2)". */
const BULLET = /^\s*(?:[•●▪◦·*\-–—]|\d{1,2}[.)])\s+/;

/** Sentence-ending punctuation, with any closing quote or bracket, followed by a space or the end. */
const SENTENCE_END = /[.!?]+["'”’)\]]*(?=\s|$)/g;

function endsWithAbbreviation(before: string): boolean {
  const lastWord = /(\S+)$/.exec(before)?.[1]?.toLowerCase() ?? '';
  const word = lastWord.replace(/^[("'“‘]+/, '');
  return ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word);
}

/**
 * Splits note text into sentences: at line breaks (dropping bullets) and at ". ", "! ", "? ".
 * A period inside a token ("$49.98", "alex.cmart@covesmart.com") or after an abbreviation does not split.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  const push = (s: string) => {
    const trimmed = s.trim();
    if (trimmed) sentences.push(trimmed);
  };
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(BULLET, '');
    let start = 0;
    for (const m of line.matchAll(SENTENCE_END)) {
      if (m[0].startsWith('.') && !m[0].startsWith('..') && endsWithAbbreviation(line.slice(start, m.index))) continue;
      const end = m.index + m[0].length;
      push(line.slice(start, end));
      start = end;
    }
    push(line.slice(start));
  }
  return sentences;
}

/** The non-empty free-text fields of a draft, in form order. */
export function filledFields(draft: NoteDraftText): { field: NoteTextField; text: string }[] {
  return NOTE_TEXT_FIELDS.map((field) => ({ field, text: draft[field] ?? '' })).filter((f) => f.text.trim() !== '');
}

/** Every sentence of every filled field, with the field it came from. */
export function fieldSentences(draft: NoteDraftText, fields: readonly NoteTextField[] = NOTE_TEXT_FIELDS): { field: NoteTextField; sentence: string }[] {
  return filledFields(draft)
    .filter((f) => fields.includes(f.field))
    .flatMap(({ field, text }) => splitSentences(text).map((sentence) => ({ field, sentence })));
}

/** Number of words (runs of letters or digits) in a piece of text. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)?.length ?? 0;
}
