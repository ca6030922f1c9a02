import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import type { ParsedDocument } from './markdown';
import type { RawSection } from './sections';
import { isChromeLine } from './chrome';

const SKIPPED = new Set(['script', 'style', 'nav', 'header', 'footer', 'aside', 'noscript', 'form', 'button', 'svg', 'iframe', 'template']);
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'main', 'br', 'tr', 'table', 'ul', 'ol', 'blockquote', 'pre', 'dd', 'dt', 'hr']);

/** HTML exports: h1-h4 headings make sections, list items become bullets, page chrome is dropped. */
export function parseHtml(source: string): ParsedDocument {
  const doc = parseDocument(source, { decodeEntities: true });
  const sections: RawSection[] = [{ level: 0, heading: '', lines: [] }];
  let title: string | undefined;
  let url: string | undefined;
  let buffer = '';
  const flush = () => {
    const line = buffer.replace(/\s+/g, ' ').trim();
    buffer = '';
    if (line && !isChromeLine(line)) sections[sections.length - 1]!.lines.push(line);
  };
  const walk = (nodes: ChildNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'text') buffer += (node as unknown as { data: string }).data;
      if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
      const el = node as Element;
      const name = el.name.toLowerCase();
      if (name === 'title') {
        title ??= textOf(el).trim() || undefined;
        continue;
      }
      if (name === 'link' && el.attribs.rel === 'canonical') url ??= el.attribs.href;
      if (name === 'meta' && (el.attribs.name === 'url' || el.attribs.property === 'og:url')) url ??= el.attribs.content;
      if (SKIPPED.has(name) || el.attribs.hidden !== undefined) continue;
      const heading = /^h([1-4])$/.exec(name);
      if (heading) {
        flush();
        const text = textOf(el).replace(/\s+/g, ' ').trim();
        if (!text || isChromeLine(text)) continue;
        if (heading[1] === '1' && (!title || sections.length === 1)) {
          title = text;
          continue;
        }
        sections.push({ level: Number(heading[1]), heading: text, lines: [] });
        continue;
      }
      if (name === 'li') {
        flush();
        buffer = '• ';
        walk(el.children);
        flush();
        continue;
      }
      if (BLOCKS.has(name)) flush();
      walk(el.children);
      if (BLOCKS.has(name) || name === 'td' || name === 'th') {
        if (name === 'td' || name === 'th') buffer += ' ';
        else flush();
      }
    }
  };
  walk(doc.children);
  flush();
  return { title, url, sections };
}

function textOf(el: Element): string {
  return el.children.map((c) => (c.type === 'text' ? (c as unknown as { data: string }).data : c.type === 'tag' ? textOf(c as Element) : '')).join('');
}
