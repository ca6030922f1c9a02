import { expect, it } from 'vitest';
import { generateArticles } from '../../bench/kb/generate';
import { checkArticles } from '../../src/features/kb/kb-check';

it('the benchmarks\' generated KB passes `kb check`: 5,000 articles, each with its own title, the same for the same seed', () => {
  const articles = generateArticles(5000, 20261122);
  expect(new Set(articles.map((a) => a.title)).size).toBe(5000);
  expect(articles.every((a) => a.sections.every((s) => s.articleTitle === a.title))).toBe(true);
  expect(checkArticles(articles)).toEqual([]);
  expect(generateArticles(50, 20261122).map((a) => a.title)).toEqual(articles.slice(0, 50).map((a) => a.title));
});
