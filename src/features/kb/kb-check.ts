import type { Article, KbProblem } from './kb.schemas';

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
      if (section.text.replace(/[•\s]/g, '').length < 15) {
        problems.push({ path: article.path, problem: `section "${section.headingPath.join(' › ') || 'overview'}" is empty or almost empty` });
      }
    }
  }
  for (const [, paths] of byTitle) {
    if (paths.length > 1) paths.forEach((path) => problems.push({ path, problem: `has the same title as ${paths.filter((p) => p !== path).join(', ')}` }));
  }
  return problems;
}
