import MiniSearch from 'minisearch';
import type { Article, Section, SynonymGroups } from '../../src/features/kb/kb.schemas';
import { KbService } from '../../src/features/kb/kb.service';
import { deskmateEngine } from '../../scripts/kb-eval/deskmate-engine';
import type { EngineReply } from '../../scripts/kb-eval/evaluate';

/** An engine with its index built: what the latency loop calls, and what the eval calls. */
export interface BuiltEngine {
  sections: number;
  /** One question as the product would run it (timed, awaited). */
  query(question: string): unknown;
  /** One question in the eval harness's terms. */
  reply(question: string): EngineReply | Promise<EngineReply>;
}

export interface BenchEngine {
  name: string;
  build(articles: Article[], synonyms: SynonymGroups): BuiltEngine;
}

/** Deskmate's engine exactly as the bot uses it: KbService.ask, replies through answerView. */
export const deskmate: BenchEngine = {
  name: 'Deskmate',
  build(articles, synonyms) {
    const kb = new KbService({ articles, synonyms, problems: [], loadedAt: new Date() });
    return { sections: kb.sectionCount, query: (q) => kb.ask(q), reply: deskmateEngine(kb) };
  },
};

interface PlainDoc {
  id: string;
  title: string;
  headings: string;
  text: string;
}

/**
 * Baseline: MiniSearch with default options on the same sections and fields. The answer is the
 * top section's whole text, cited by its article; no result at all counts as abstaining.
 */
export const plainMiniSearch: BenchEngine = {
  name: 'MiniSearch (default)',
  build(articles) {
    const engine = new MiniSearch<PlainDoc>({ fields: ['title', 'headings', 'text'] });
    const byId = new Map<string, Section>();
    const docs: PlainDoc[] = [];
    for (const article of articles) {
      for (const section of article.sections) {
        byId.set(section.id, section);
        docs.push({ id: section.id, title: article.title, headings: section.headingPath.join(' '), text: section.text });
      }
    }
    engine.addAll(docs);
    const reply = (question: string): EngineReply => {
      const top = engine.search(question)[0];
      const section = top && byId.get(top.id as string);
      return section ? { abstained: false, text: section.text, firstCitationPath: section.articlePath } : { abstained: true };
    };
    return { sections: byId.size, query: reply, reply };
  },
};
