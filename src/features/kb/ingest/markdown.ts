import { parse as parseYaml } from 'yaml';
import type { RawSection } from './sections';

export interface ParsedDocument {
  title?: string;
  url?: string;
  updated?: string;
  sections: RawSection[];
}

/**
 * Markdown: optional YAML front matter (title, url, updated), `#` headings down to `####`. The first
 * `#` heading is the title when front matter has none. Lists stay in the section of their heading.
 */
export function parseMarkdown(source: string): ParsedDocument {
  const { front, body } = splitFrontMatter(source);
  const sections: RawSection[] = [{ level: 0, heading: '', lines: [] }];
  let title = typeof front.title === 'string' ? front.title : undefined;
  let inFence = false;
  for (const line of body.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^(#{1,4})\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading) {
      const level = heading[1]!.length;
      const text = heading[2]!.trim();
      if (level === 1 && !title) {
        title = text;
        continue;
      }
      if (level === 1 && text === title) continue;
      sections.push({ level, heading: text, lines: [] });
    } else {
      sections[sections.length - 1]!.lines.push(line.replace(/^(\s*)[*+-]\s+/, '$1• '));
    }
  }
  return {
    title,
    url: typeof front.url === 'string' ? front.url : undefined,
    updated: front.updated ? String(front.updated instanceof Date ? front.updated.toISOString().slice(0, 10) : front.updated) : undefined,
    sections,
  };
}

function splitFrontMatter(source: string): { front: Record<string, unknown>; body: string } {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) return { front: {}, body: source };
  const parsed: unknown = parseYaml(match[1]!);
  if (parsed !== null && typeof parsed !== 'object') throw new Error('front matter is not a YAML mapping');
  return { front: (parsed ?? {}) as Record<string, unknown>, body: source.slice(match[0].length) };
}
