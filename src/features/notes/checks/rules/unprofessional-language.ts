import { spanExcerpt } from '../excerpt';
import type { NoteCheckRule, NoteFinding } from '../note-check.types';
import { filledFields } from '../text';
import { UNPROFESSIONAL_TERMS } from './unprofessional-terms';

const ID = 'unprofessional-language';

const MESSAGES: Record<(typeof UNPROFESSIONAL_TERMS)[number]['kind'], string> = {
  opinion: 'This is an opinion about the customer or the call. Write down what happened instead (what was asked, said or done).',
  feeling: 'Notes record facts, not how you felt or what you think of the customer. Reword it as what happened.',
  insult: 'Name-calling never belongs in a note. Describe what the customer did, in neutral words.',
  profanity: 'Keep profanity out of notes. If the customer swore, say "customer used profanity" rather than writing the word.',
};

const escape = (s: string) => s.replace(/[.+?^$()|[\]\\]/g, '\\$&');

/** Turns one term of the list into a case-insensitive, whole-word pattern (see the syntax in the list). */
export function termPattern(term: string): RegExp {
  const source = term
    .split(/(\{[^}]*\})/)
    .map((part) => (part.startsWith('{') ? `(?:${part.slice(1, -1).split(',').map(escape).join('|')})` : escape(part)))
    .join('')
    .replace(/ /g, '\\s+')
    .replace(/\*/g, '[\\p{L}]*');
  return new RegExp(`(?<![\\p{L}\\p{N}'’])${source}(?![\\p{L}\\p{N}])`, 'giu');
}

const COMPILED = UNPROFESSIONAL_TERMS.map((t) => ({ ...t, pattern: termPattern(t.term) }));

/** Rule 3: no personal feelings, opinions, insults or profanity about the customer or the call. */
export const unprofessionalLanguageRule: NoteCheckRule = {
  id: ID,
  severity: 'warn',
  summary: 'Keep notes factual and neutral: no opinions, feelings, insults or swearing about the customer or the call.',
  find(draft) {
    return filledFields(draft).flatMap(({ field, text }) => {
      const hits = COMPILED.flatMap(({ kind, pattern }) => [...text.matchAll(pattern)].map((m) => ({ kind, start: m.index, end: m.index + m[0].length })));
      hits.sort((a, b) => a.start - b.start || b.end - a.end);
      const kept = hits.filter((h, i) => !hits.slice(0, i).some((o) => h.start < o.end && h.end > o.start));
      return kept.map(({ kind, start, end }): NoteFinding => ({ ruleId: ID, severity: 'warn', field, message: MESSAGES[kind], excerpt: spanExcerpt(text, start, end) }));
    });
  },
};
