import type { Article, Section } from '../../src/features/kb/kb.schemas';
import { createRandom as createRng, type Random as Rng } from '../../src/demo/random';
import * as V from './vocabulary';

const BASE_URL = 'https://help.deskmate.example.com';

/** The slot values one article (or question) is written around. */
interface Slots {
  topic: string;
  action: string;
  system: string;
  role: string;
  amount: string;
  duration: string;
  situation: string;
  place: string;
}

function slots(rng: Rng, topic: string = rng.pick(V.TOPICS), action: string = rng.pick(V.ACTIONS)): Slots {
  return {
    topic,
    action,
    system: rng.pick(V.SYSTEMS),
    role: rng.pick(V.ROLES),
    amount: rng.pick(V.AMOUNTS),
    duration: rng.pick(V.DURATIONS),
    situation: rng.pick(V.SITUATIONS),
    place: rng.pick(V.PLACES),
  };
}

/** Fills {slot} and {Slot} (capitalised) placeholders. */
function fill(template: string, values: Slots): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name.toLowerCase() as keyof Slots];
    return name[0] === name[0]!.toUpperCase() ? value[0]!.toUpperCase() + value.slice(1) : value;
  }).replace(/\b([Aa]) (?=[aeiou])/g, '$1n ');
}

const wordCount = (text: string): number => text.split(/\s+/).filter(Boolean).length;

const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** 40–150 words: mostly on-topic sentences, some filler, sometimes a bullet list. */
function sectionText(rng: Rng, article: Slots): string {
  const target = rng.int(40, 150);
  const lines: string[] = [];
  let paragraph: string[] = [];
  let words = 0;
  const fits = (chunk: string): boolean => words + wordCount(chunk) <= 150 || words < 40;
  while (words < target) {
    if (paragraph.length >= 2 && rng.chance(0.15)) {
      const bullets = Array.from({ length: rng.int(2, 4) }, () => `• ${fill(rng.pick(V.TOPIC_SENTENCES), slots(rng, article.topic))}`);
      const block = ['Check these points:', ...bullets];
      if (!fits(block.join(' '))) break;
      lines.push(paragraph.join(' '), ...block);
      words += wordCount(block.join(' '));
      paragraph = [];
      continue;
    }
    // Mostly the article's own topic; now and then another one, as real articles cross-reference.
    const topic = rng.chance(0.8) ? article.topic : rng.pick(V.TOPICS);
    const action = rng.chance(0.5) ? article.action : rng.pick(V.ACTIONS);
    const sentence = rng.chance(0.7) ? fill(rng.pick(V.TOPIC_SENTENCES), { ...slots(rng, topic), action }) : rng.pick(V.FILLER_SENTENCES);
    if (!fits(sentence)) break;
    paragraph.push(sentence);
    words += wordCount(sentence);
  }
  if (paragraph.length) lines.push(paragraph.join(' '));
  return lines.join('\n');
}

function article(rng: Rng, n: number): Article {
  const topicSlots = slots(rng);
  const path = `gen/article-${String(n).padStart(4, '0')}.md`;
  const title = fill(rng.pick(V.TITLE_TEMPLATES), topicSlots);
  const headings = ['Overview', ...rng.shuffle(V.HEADINGS.slice(1)).slice(0, rng.int(2, 7))];
  const url = `${BASE_URL}/${path.replace(/\.md$/, '')}`;
  const sections: Section[] = headings.map((heading) => {
    const anchor = slug(heading);
    return { id: `${path}#${anchor}`, articlePath: path, articleTitle: title, headingPath: [heading], anchor, text: sectionText(rng, topicSlots), url: `${url}#${anchor}` };
  });
  const updated = `2025-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  return { path, title, url, updated, sections, source: 'kb' };
}

/**
 * A title no earlier article has: the template's title, else with a situation or a place added
 * (picked by the article's number, so the generator's random sequence and every text stay as they were).
 * A real KB has distinct titles, and `kb check` reports the same title twice as a problem.
 */
function distinctTitle(title: string, n: number, used: Set<string>): string {
  const variants = [
    title,
    ...V.SITUATIONS.map((_, k) => `${title} ${V.SITUATIONS[(n + k) % V.SITUATIONS.length]}`),
    ...V.PLACES.map((_, k) => `${title} (${V.PLACES[(n + k) % V.PLACES.length]} stores)`),
  ];
  const free = variants.find((t) => !used.has(t)) ?? `${title} (${n})`;
  used.add(free);
  return free;
}

/** `count` synthetic help-center articles with distinct titles, the same for the same seed. */
export function generateArticles(count: number, seed: number): Article[] {
  const rng = createRng(seed);
  const titles = new Set<string>();
  return Array.from({ length: count }, (_, i) => {
    const generated = article(rng, i + 1);
    const title = distinctTitle(generated.title, i + 1, titles);
    return { ...generated, title, sections: generated.sections.map((section) => ({ ...section, articleTitle: title })) };
  });
}

/** Questions in the generated KB's vocabulary. */
export function generateQuestions(count: number, seed: number): string[] {
  const rng = createRng(seed);
  return Array.from({ length: count }, () => fill(rng.pick(V.QUESTION_TEMPLATES), slots(rng)));
}

/** The query list: eval questions spread among generated ones (about one in four), deterministic. */
export function mixedQueries(evalQuestions: string[], count: number, seed: number): string[] {
  const generated = generateQuestions(count, seed);
  const rng = createRng(seed ^ 0x5eed);
  let next = 0;
  return generated.map((q) => (rng.chance(0.25) ? evalQuestions[next++ % evalQuestions.length]! : q));
}

export function corpusStats(articles: Article[]): { articles: number; sections: number; words: number } {
  let sections = 0;
  let words = 0;
  for (const a of articles) {
    sections += a.sections.length;
    for (const s of a.sections) words += wordCount(s.text);
  }
  return { articles: articles.length, sections, words };
}
