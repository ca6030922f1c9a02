import { ShortCache } from '../../shared/short-cache';
import type { Location } from './locations.schemas';

/**
 * How long this process keeps a location it read. Locations come from the import, not from the bot,
 * and a task turn reads its location up to four times (form, rules, card, post).
 */
export const LOCATION_CACHE_MS = 60_000;

/** What the locations feature offers other features. */
export class LocationsService {
  private readonly byId: ShortCache<Location>;

  constructor(private readonly store: { get(id: string): Promise<Location | undefined>; list(): Promise<Location[]> }) {
    this.byId = new ShortCache({ ttlMs: LOCATION_CACHE_MS, max: 2000, read: (id) => store.get(id) });
  }

  /** Every location, by name. */
  list(): Promise<Location[]> {
    return this.store.list();
  }

  /** The location (read at most once a minute per process), or undefined when it is not set up. */
  get(id: string): Promise<Location | undefined> {
    return this.byId.get(id);
  }

  /** Each of these locations once, however often its id repeats (undefined for one not set up). */
  async getMany(ids: Iterable<string>): Promise<Map<string, Location | undefined>> {
    const unique = [...new Set(ids)];
    const found = await Promise.all(unique.map((id) => this.get(id)));
    return new Map(unique.map((id, i) => [id, found[i]]));
  }
}
