import type { ParsedDocument } from './markdown';
import type { RawSection } from './sections';
import { isBylineLine, isChromeLine } from './chrome';

const BULLET = /^\s*[•●▪◦*-]\s+/;

/**
 * Plain-text exports of help-center pages: bullets as "•", headings as short lines of their own.
 * The title is the heading-like line just above the author/date line, or else the first one.
 * Short title-like lines start sections; short lines ending in ":" start sub-sections.
 */
export function parsePlainText(source: string): ParsedDocument {
  const lines = source.split(/\r?\n/).map((l) => l.replace(/\u00a0/g, ' ').replace(/\s+$/, ''));
  const content = withoutChrome(lines);
  const title = findTitle(content);
  const sections: RawSection[] = [{ level: 0, heading: '', lines: [] }];
  let titleSeen = false;
  content.forEach((line, i) => {
    const trimmed = line.trim();
    if (!trimmed || isBylineLine(trimmed)) return;
    if (!titleSeen && trimmed === title) {
      titleSeen = true;
      return;
    }
    if (titleSeen && trimmed === title) return;
    const lead = leadHeading(trimmed, content.slice(i + 1).find((l) => l.trim()) ?? '');
    if (lead) {
      sections.push({ level: 2, heading: lead.heading, lines: [lead.rest] });
      return;
    }
    const level = headingLevel(trimmed, content[i + 1] ?? '', content[i - 1] ?? '');
    if (level) sections.push({ level, heading: trimmed.replace(/:$/, ''), lines: [] });
    else sections[sections.length - 1]!.lines.push(BULLET.test(line) ? line.replace(BULLET, (m) => `${m.match(/^\s*/)![0]}• `) : trimmed);
  });
  return { title, sections };
}

/** "Unit Details - Unit details are listed ..." followed by bullets: a heading with its lead sentence. */
function leadHeading(line: string, nextContent: string): { heading: string; rest: string } | undefined {
  const match = /^(\p{Lu}[\p{L}&/ ]{2,40}?) [-–] (\p{Lu}.+)$/u.exec(line);
  if (!match || !BULLET.test(nextContent) || match[1]!.split(' ').length > 5) return undefined;
  return { heading: match[1]!, rest: match[2]! };
}

/**
 * Drops page chrome, keeping author/date lines (they locate the title). A chrome line that ends in
 * ":" introduces a list of chrome (template adverts, related links): its short lines go too, up to
 * the next chrome line or real sentence.
 */
function withoutChrome(lines: string[]): string[] {
  const kept: string[] = [];
  let inChromeList = false;
  for (const line of lines) {
    const text = line.trim();
    if (isChromeLine(text) && !isBylineLine(text)) {
      inChromeList = text.endsWith(':');
      continue;
    }
    if (inChromeList && (text === '' || (text.length <= 60 && !/[.!?]$/.test(text)))) continue;
    inChromeList = false;
    kept.push(line);
  }
  return kept;
}

function headingLevel(line: string, next: string, previous: string): number {
  if (BULLET.test(line) || line.length > 70) return 0;
  const words = line.split(/\s+/).length;
  if (words > 9 || !/^[\p{Lu}\d]/u.test(line)) return 0;
  if (/:$/.test(line) && words <= 5) return 3;
  if (/[.,;!?:)]$/.test(line) || /^\d+(\.|\))\s/.test(line)) return 0;
  const standsAlone = previous.trim() === '' && (next.trim() === '' || BULLET.test(next));
  return standsAlone ? 2 : 0;
}

function findTitle(lines: string[]): string | undefined {
  const isTitleLike = (l: string) => {
    const t = l.trim();
    return t.length > 3 && t.length <= 90 && !BULLET.test(l) && !/[.:;,]$/.test(t) && !isBylineLine(t) && /^[\p{Lu}\d]/u.test(t);
  };
  const byline = lines.findIndex((l) => isBylineLine(l.trim()));
  if (byline > 0) {
    const before = lines.slice(0, byline).filter((l) => l.trim());
    for (let i = before.length - 1; i >= 0; i -= 1) {
      const candidate = before[i]!.trim();
      const looksLikeName = /^(\p{Lu}[\p{L}'-]+\s){1,2}\p{Lu}[\p{L}'-]+$/u.test(candidate) && candidate.split(' ').length <= 3;
      if (isTitleLike(candidate) && !(looksLikeName && i > 0)) return candidate;
    }
  }
  return lines.map((l) => l.trim()).find(isTitleLike);
}
