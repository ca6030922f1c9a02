export { relatedArticlesOf } from '../kb-related';
import { citationTitle, type AnswerView } from '../kb.cards';
import type { Section } from '../kb.schemas';

/** Teams' limit for a citation's abstract. */
const MAX_ABSTRACT = 160;

function clip(value: string, max: number): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The view of a generated answer: its text (markers already 1..k) and one citation per cited
 * section, `sections[i]` being citation i + 1, titled and clipped like the extractive answers.
 */
export function generativeAnswerView(text: string, sections: readonly Section[]): AnswerView {
  return {
    text,
    citations: sections.map((s, i) => ({
      position: i + 1,
      title: citationTitle(s),
      abstract: clip(s.text.replace(/•/g, ''), MAX_ABSTRACT),
      url: s.url,
      path: s.articlePath,
    })),
  };
}

