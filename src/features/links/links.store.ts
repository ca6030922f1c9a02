import type { Container } from '@azure/cosmos';
import { LINK_DOC_TYPE, linkDocumentSchema, type Link } from './links.schemas';

/** Reads and writes link documents in the `conversations` container (partition key /id). */
export class LinksStore {
  constructor(private readonly container: Container) {}

  /** One point read; undefined when nothing is linked under this id. Throws if the stored document is invalid. */
  async get(id: string): Promise<Link | undefined> {
    const { resource } = await this.container.item(id, id).read();
    return resource ? linkDocumentSchema.parse(resource) : undefined;
  }

  /** Writes the link, replacing any earlier link with the same id. */
  async upsert(link: Link): Promise<Link> {
    const valid = linkDocumentSchema.parse(link);
    await this.container.items.upsert(valid);
    return valid;
  }

  /** Writes the link only if nothing is linked under its id yet; false when one already was. */
  async createIfAbsent(link: Link): Promise<boolean> {
    try {
      await this.container.items.create(linkDocumentSchema.parse(link));
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 409) return false;
      throw error;
    }
  }

  /** Every link (one per location at most, plus mentors: a short list). */
  async list(): Promise<Link[]> {
    const { resources } = await this.container.items
      .query({ query: 'SELECT * FROM c WHERE c.docType = @docType', parameters: [{ name: '@docType', value: LINK_DOC_TYPE }] })
      .fetchAll();
    return resources.map((r) => linkDocumentSchema.parse(r));
  }
}
