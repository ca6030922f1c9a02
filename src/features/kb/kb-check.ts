import type { Article, KbProblem } from './kb.schemas';

/** A section with fewer characters than this, besides spaces and bullets, is reported as empty. */
const MIN_SECTION_CHARS = 15;
const BLANK = /[•\s]/;

/**
 * What a KB owner should fix, beyond files that could not be read: empty sections, duplicate titles,
 * and articles with no headings (one long block is hard to cite).
 */
export function checkArticles(articles: Article[]): KbProblem[] {
  const problems: KbProblem[] = [];
  const byTitle = new Map<string, string[]>();
  for (const article of articles) {
    const key = article.title.trim().toLowerCase();
    byTitle.set(key, [...(byTitle.get(key) ?? []), article.path]);
    if (article.sections.every((s) => s.headingPath.length === 0)) {
      problems.push({ path: article.path, problem: 'has no headings, so answers can only cite the whole article' });
    }
    for (const section of article.sections) {
      if (!hasVisibleText(section.text, MIN_SECTION_CHARS)) {
        problems.push({ path: article.path, problem: `section "${section.headingPath.join(' › ') || 'overview'}" is empty or almost empty` });
      }
    }
  }
  for (const [, paths] of byTitle) {
    if (paths.length > 1) paths.forEach((path) => problems.push({ path, problem: `has the same title as ${paths.filter((p) => p !== path).join(', ')}` }));
  }
  return problems;
}

/** Whether `text` has at least `count` characters that are not spaces or bullets (it stops counting there). */
function hasVisibleText(text: string, count: number): boolean {
  let seen = 0;
  for (let i = 0; i < text.length && seen < count; i += 1) if (!BLANK.test(text[i]!)) seen += 1;
  return seen >= count;
}
