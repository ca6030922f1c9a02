import type { Container } from '@azure/cosmos';
import { ShortCache } from '../../shared/short-cache';
import { LINK_DOC_TYPE, LINK_KINDS, linkDocumentSchema, USER_LINK_KIND, userLinkDocumentSchema, userLinkId, type Link, type UserLink } from './links.schemas';

/** How many links one process keeps for posting (each a conversation reference, well under 1 KB). */
const CACHED_LINKS = 1000;

/**
 * Reads and writes link documents (and people's user links) in the `conversations` container (partition key /id).
 * With `postingCacheMs`, `getAny` (what a proactive post reads) keeps each link it found that long in
 * this process. A write through this store forgets the link once it is stored (a read under way then
 * is dropped too), so only another instance's change can be that late.
 */
export class LinksStore {
  private readonly posting?: ShortCache<Link | UserLink>;

  constructor(
    private readonly container: Container,
    /** `now` (ms, monotonic) is for tests. */
    options: { postingCacheMs?: number; now?: () => number } = {},
  ) {
    if (options.postingCacheMs) this.posting = new ShortCache({ ttlMs: options.postingCacheMs, max: CACHED_LINKS, read: (id) => this.readAny(id), ...(options.now ? { now: options.now } : {}) });
  }

  /** One point read; undefined when nothing is linked under this id. Throws if the stored document is invalid. */
  async get(id: string): Promise<Link | undefined> {
    const resource = await this.read(id);
    return resource ? linkDocumentSchema.parse(resource) : undefined;
  }

  /**
   * Any link, a user link (`user:<aadObjectId>`) included: one point read, or the cached one (frozen) when
   * the store was made with `postingCacheMs`. Throws if the stored document is invalid.
   */
  getAny(id: string): Promise<Link | UserLink | undefined> {
    return this.posting ? this.posting.get(id) : this.readAny(id);
  }

  private async readAny(id: string): Promise<Link | UserLink | undefined> {
    const resource = await this.read(id);
    if (!resource) return undefined;
    return id.startsWith(`${USER_LINK_KIND}:`) ? userLinkDocumentSchema.parse(resource) : linkDocumentSchema.parse(resource);
  }

  /** Writes the link, replacing any earlier link with the same id. */
  async upsert(link: Link): Promise<Link> {
    const valid = linkDocumentSchema.parse(link);
    await this.container.items.upsert(valid);
    this.posting?.delete(valid.id);
    return valid;
  }

  /** Writes a person's user link, replacing the one stored before. */
  async upsertUser(link: UserLink): Promise<UserLink> {
    const valid = userLinkDocumentSchema.parse(link);
    await this.container.items.upsert(valid);
    this.posting?.delete(valid.id);
    return valid;
  }

  /** Deletes a person's user link; false when there was none. */
  async deleteUser(aadObjectId: string): Promise<boolean> {
    const id = userLinkId(aadObjectId);
    try {
      await this.container.item(id, id).delete();
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 404) return false;
      throw error;
    } finally {
      this.posting?.delete(id);
    }
  }

  /** Writes the link only if nothing is linked under its id yet; false when one already was. */
  async createIfAbsent(link: Link): Promise<boolean> {
    const valid = linkDocumentSchema.parse(link);
    try {
      await this.container.items.create(valid);
      this.posting?.delete(valid.id);
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 409) return false;
      throw error;
    }
  }

  /** Every location, team and mentors link (a short list); never the user links, which can be thousands. */
  async list(): Promise<Link[]> {
    const { resources } = await this.container.items
      .query({
        query: 'SELECT * FROM c WHERE c.docType = @docType AND ARRAY_CONTAINS(@kinds, c.kind)',
        parameters: [
          { name: '@docType', value: LINK_DOC_TYPE },
          { name: '@kinds', value: [...LINK_KINDS] },
        ],
      })
      .fetchAll();
    return resources.map((r) => linkDocumentSchema.parse(r));
  }

  private async read(id: string): Promise<Record<string, unknown> | undefined> {
    const { resource } = await this.container.item(id, id).read<Record<string, unknown>>();
    return resource;
  }
}
