import { loadKb } from './ingest/load-kb';
import { checkArticles } from './kb-check';
import type { KbSnapshot } from './kb.service';

/** Loads the KB folder into a snapshot: articles, synonyms, and every problem found (file and content). */
export async function loadKbSnapshot(dir: string, options: { baseUrl?: string } = {}): Promise<KbSnapshot> {
  const loaded = await loadKb(dir, options);
  return { ...loaded, problems: [...loaded.problems, ...checkArticles(loaded.articles)], loadedAt: new Date() };
}
