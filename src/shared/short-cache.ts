import { LRUCache } from 'lru-cache';
import { deepFreeze } from './deep-freeze';

/**
 * Reads of data that changes rarely (locations, the list of active people), kept for `ttlMs` in this
 * process. Turns that miss at the same moment share one read. Nothing is cached when the read finds
 * nothing or fails. What is returned is frozen: callers copy before they change anything.
 */
export class ShortCache<V extends object> {
  private readonly cache: LRUCache<string, V>;

  /** `now` (ms, monotonic) is for tests; by default `performance.now()`. */
  constructor(options: { ttlMs: number; max: number; read: (key: string) => Promise<V | undefined>; now?: () => number }) {
    this.cache = new LRUCache<string, V>({
      max: options.max,
      ttl: options.ttlMs,
      ttlResolution: 0,
      ...(options.now ? { perf: { now: options.now } } : {}),
      fetchMethod: async (key) => {
        const value = await options.read(key);
        return value === undefined ? undefined : deepFreeze(value);
      },
    });
  }

  get(key: string): Promise<V | undefined> {
    return this.cache.fetch(key);
  }

  /** Forgets one key: its next read goes to the store (after this process changed it). */
  delete(key: string): void {
    this.cache.delete(key);
  }

  /** Forgets everything: the next read of each key goes to the store (after this process changed it). */
  clear(): void {
    this.cache.clear();
  }
}
