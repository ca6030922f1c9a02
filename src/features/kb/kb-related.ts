import type { Section } from './kb.schemas';

/** An article offered when the KB has no confident answer. */
export interface RelatedArticle {
  title: string;
  path: string;
  url?: string;
}

/** Up to 3 distinct articles from the given sections, in their order, linked without the section anchor. */
export function relatedArticlesOf(sections: readonly Section[]): RelatedArticle[] {
  const seen = new Set<string>();
  const out: RelatedArticle[] = [];
  for (const s of sections) {
    if (seen.has(s.articlePath)) continue;
    seen.add(s.articlePath);
    out.push({ title: s.articleTitle, path: s.articlePath, url: s.url?.replace(/#.*$/, '') });
    if (out.length === 3) break;
  }
  return out;
}
