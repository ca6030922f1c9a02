import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod/v4';
import { synonymsFileSchema, type Article, type KbProblem, type SynonymGroups } from '../kb.schemas';
import { parseHtml } from './html';
import { parseMarkdown, type ParsedDocument } from './markdown';
import { parsePlainText } from './plain-text';
import { buildSections, ownCopy } from './sections';

const PARSERS: Record<string, (source: string) => ParsedDocument> = {
  '.md': parseMarkdown,
  '.markdown': parseMarkdown,
  '.html': parseHtml,
  '.htm': parseHtml,
  '.txt': parsePlainText,
};
const SYNONYM_FILES = ['synonyms.yml', 'synonyms.yaml'];
const MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface LoadedKb {
  articles: Article[];
  synonyms: SynonymGroups;
  problems: KbProblem[];
}

/**
 * Reads every article under `dir` (recursively). A file that cannot be read or parsed is reported
 * and skipped; it never stops the others.
 */
export async function loadKb(dir: string, options: { baseUrl?: string } = {}): Promise<LoadedKb> {
  const problems: KbProblem[] = [];
  const files = await listFiles(dir);
  const articles: Article[] = [];
  let synonyms: SynonymGroups = [];
  // Files are read READ_AHEAD at a time (the disk waits overlap), then handled in path order.
  for (let start = 0; start < files.length; start += READ_AHEAD) {
    const batch = files.slice(start, start + READ_AHEAD);
    const read = await Promise.all(batch.map((file) => readKbFile(dir, file)));
    for (const { path, file, text, mtime, error } of read) {
      try {
        if (error) throw error;
        if (text === undefined) continue;
        if (SYNONYM_FILES.includes(path)) {
          synonyms = synonymsFileSchema.parse(parseYaml(text)).groups;
          continue;
        }
        if (text.includes('\u0000')) throw new Error('not a text file');
        const parsed = PARSERS[extname(file).toLowerCase()]!(text);
        const title = ownCopy(parsed.title ?? path.replace(/\.[^.]+$/, '').split('/').pop()!.replace(/[-_]+/g, ' '));
        const url = parsed.url === undefined ? undefined : ownCopy(parsed.url);
        const sections = buildSections({ path, title, url, baseUrl: options.baseUrl }, parsed.sections);
        if (sections.length === 0) throw new Error('has no text');
        const updated = parsed.updated === undefined ? mtime!.toISOString().slice(0, 10) : ownCopy(parsed.updated);
        articles.push({ path, title, url, updated, sections, source: 'kb' });
      } catch (failure) {
        problems.push({ path, problem: `could not be read: ${describe(failure)}` });
      }
    }
  }
  return { articles, synonyms, problems };
}

const READ_AHEAD = 32;

/** One file's text (undefined for files that are not articles or synonyms), or why it could not be read. */
async function readKbFile(dir: string, file: string): Promise<{ path: string; file: string; text?: string; mtime?: Date; error?: unknown }> {
  const path = relative(dir, file).split(sep).join('/');
  try {
    if (SYNONYM_FILES.includes(path)) return { path, file, text: await readFile(file, 'utf8') };
    if (!PARSERS[extname(file).toLowerCase()]) return { path, file };
    const info = await stat(file);
    if (info.size > MAX_FILE_BYTES) throw new Error(`larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
    return { path, file, text: await readFile(file, 'utf8'), mtime: info.mtime };
  } catch (error) {
    return { path, file, error };
  }
}

/** One readable line: schema problems by field, other errors by their first line. */
function describe(error: unknown): string {
  if (error instanceof z.ZodError) return error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; ');
  return error instanceof Error ? (error.message.split('\n')[0] ?? 'unknown error') : String(error);
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name))
    .sort();
}
