import { createHash } from 'node:crypto';
import type { Logger } from '../../../shared/logger';
import type { Section } from '../kb.schemas';
import { EmbeddingError, type Embedder } from './embeddings';

/** Longest text embedded for a section: about 500 tokens, the part that says what the section is about. */
export const MAX_EMBEDDED_CHARS = 2000;

/** Wait after a failed pass before the next one, doubling after each failure up to the maximum. */
const RETRY_FIRST_MS = 30_000;
const RETRY_MAX_MS = 30 * 60_000;

/** What a section is embedded as: "Article › Heading › Subheading: text", whitespace collapsed, trimmed. */
export function embeddingText(section: Section): string {
  const headings = section.headingPath.filter((h, i) => !(i === 0 && h === section.articleTitle));
  const label = [section.articleTitle, ...headings].join(' › ');
  const text = `${label}: ${section.text}`.replace(/\s+/g, ' ').trim();
  return text.length > MAX_EMBEDDED_CHARS ? text.slice(0, MAX_EMBEDDED_CHARS) : text;
}

/** The vectors of every section of one KB version, aligned with `sections`. */
export interface SectionMatrix {
  readonly sections: readonly Section[];
  readonly vectors: readonly Float32Array[];
}

interface Pass {
  readonly key: object;
  readonly sections: readonly Section[];
  readonly attempt: number;
  readonly abort: AbortController;
  done: Promise<void>;
}

/**
 * Embeds the sections of each KB version in the background and keeps the vectors in memory, keyed
 * by section id and a hash of the embedded text, so a reload re-embeds only the sections that
 * changed. A version's matrix is ready only once every one of its sections has a vector; until
 * then (or when embedding fails) the KB ranks lexically. A failed pass is tried again later, after
 * 30 s, then 1, 2, 4… minutes (30 at most, or the service's Retry-After), keeping the vectors it
 * already got. One request at a time, never retried on the spot. Logs counts and timings, never text.
 */
export class SectionVectors {
  private readonly cache = new Map<string, { hash: string; vector: Float32Array }>();
  private readonly ready = new WeakMap<object, SectionMatrix>();
  private pass: Pass | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly embedder: Embedder,
    private readonly logger: Logger,
    private readonly retry: { firstMs: number; maxMs: number } = { firstMs: RETRY_FIRST_MS, maxMs: RETRY_MAX_MS },
  ) {}

  /** The matrix for the KB version `key`, once all its sections are embedded. */
  matrixFor(key: object): SectionMatrix | undefined {
    return this.ready.get(key);
  }

  /**
   * Starts embedding the sections of the KB version `key` (an index object), cancelling the pass
   * for an older version. Returns at once; `settled()` tells when the pass has ended.
   */
  update(key: object, sections: readonly Section[]): void {
    if (this.closed) return;
    this.cancel();
    this.start(key, sections, 0);
  }

  /** Resolves when the current pass has embedded everything, failed, or been cancelled. */
  async settled(): Promise<void> {
    let seen: Pass | undefined;
    while (this.pass && this.pass !== seen) {
      seen = this.pass;
      await seen.done;
    }
  }

  /** Stops the current pass and any retry, and lets the embedder's connections go. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.cancel();
    this.embedder.close();
  }

  private cancel(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.pass?.abort.abort();
  }

  private start(key: object, sections: readonly Section[], attempt: number): void {
    const pass: Pass = { key, sections, attempt, abort: new AbortController(), done: Promise.resolve() };
    this.pass = pass;
    pass.done = this.run(pass);
  }

  private async run(pass: Pass): Promise<void> {
    const started = performance.now();
    const wanted = pass.sections.map((section) => {
      const text = embeddingText(section);
      return { id: section.id, text, hash: createHash('sha256').update(text).digest('base64url') };
    });
    const missing = wanted.filter((w) => this.cache.get(w.id)?.hash !== w.hash);
    this.logger.info(
      { sections: wanted.length, cached: wanted.length - missing.length, toEmbed: missing.length, attempt: pass.attempt + 1, embeddings: this.embedder.description },
      'kb embeddings: embedding sections in the background',
    );
    let embedded = 0;
    try {
      for (let from = 0; from < missing.length; from += this.embedder.maxBatch) {
        const batch = missing.slice(from, from + this.embedder.maxBatch);
        const vectors = await this.embedder.embedBatch(
          batch.map((b) => b.text),
          { signal: pass.abort.signal },
        );
        if (pass.abort.signal.aborted) return;
        batch.forEach((b, i) => this.cache.set(b.id, { hash: b.hash, vector: vectors[i]! }));
        embedded += batch.length;
        if (from + batch.length < missing.length) this.logger.debug({ embedded, toEmbed: missing.length }, 'kb embeddings: progress');
      }
    } catch (error) {
      if (pass.abort.signal.aborted) {
        this.logger.info({ embedded, toEmbed: missing.length }, 'kb embeddings: pass cancelled (the KB changed or the bot is stopping)');
        return;
      }
      this.failed(pass, error, embedded, missing.length);
      return;
    }
    if (this.pass !== pass) return;
    const live = new Set(wanted.map((w) => w.id));
    for (const id of this.cache.keys()) if (!live.has(id)) this.cache.delete(id);
    this.ready.set(pass.key, { sections: pass.sections, vectors: wanted.map((w) => this.cache.get(w.id)!.vector) });
    this.logger.info({ sections: wanted.length, embedded, ms: Math.round(performance.now() - started) }, 'kb embeddings ready: ranking is hybrid');
  }

  private failed(pass: Pass, error: unknown, embedded: number, toEmbed: number): void {
    // EmbeddingError messages carry statuses and codes only; anything else is a bug, logged whole.
    const known = error instanceof EmbeddingError;
    const waitMs = Math.min(this.retry.maxMs, Math.max(this.retry.firstMs * 2 ** pass.attempt, known ? (error.retryAfterMs ?? 0) : 0));
    this.logger.warn({ embedded, toEmbed, reason: known ? error.message : 'unexpected error', retryInMs: waitMs }, 'kb embeddings failed; ranking lexically until they are ready');
    if (!known) this.logger.error({ err: error }, 'kb embeddings: unexpected error');
    if (this.pass !== pass || this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.pass === pass && !this.closed) this.start(pass.key, pass.sections, pass.attempt + 1);
    }, waitMs);
    this.retryTimer.unref();
  }
}
