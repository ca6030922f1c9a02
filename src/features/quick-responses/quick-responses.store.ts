import type { Container } from '@azure/cosmos';
import { quickResponseSchema, type QuickResponse } from './quick-responses.schemas';

/** Someone else saved the quick response since the form was opened. */
export class QuickResponseConflictError extends Error {
  constructor(readonly current: QuickResponse) {
    super('the quick response changed since the form was opened');
    this.name = 'QuickResponseConflictError';
  }
}

const status = (error: unknown) => (error as { code?: unknown }).code;

/** The `quickresponses` container (partition key /id): a few dozen documents, read whole. */
export class QuickResponsesStore {
  constructor(private readonly container: Container) {}

  /** Every quick response, active ones first, each group by title. */
  async all(): Promise<QuickResponse[]> {
    const { resources } = await this.container.items.query('SELECT * FROM c ORDER BY c.title').fetchAll();
    const all = resources.map((r) => quickResponseSchema.parse(r));
    return [...all.filter((q) => q.active), ...all.filter((q) => !q.active)];
  }

  async get(id: string): Promise<QuickResponse | undefined> {
    const { resource } = await this.container.item(id, id).read();
    return resource ? quickResponseSchema.parse(resource) : undefined;
  }

  /**
   * Creates it (no `etag`: the id was made with the form, so a replayed save finds it and changes
   * nothing) or replaces it if it is still as the form showed it (`etag`).
   */
  async save(document: QuickResponse, etag?: string): Promise<QuickResponse> {
    const { _etag: _ignored, ...body } = quickResponseSchema.parse(document);
    try {
      if (!etag) return quickResponseSchema.parse((await this.container.items.create(body)).resource);
      const options = { accessCondition: { type: 'IfMatch', condition: etag } };
      return quickResponseSchema.parse((await this.container.item(body.id, body.id).replace(body, options)).resource);
    } catch (error) {
      const current = await this.get(body.id);
      if (!etag && status(error) === 409 && current) return current;
      if (etag && status(error) === 412 && current) throw new QuickResponseConflictError(current);
      throw error;
    }
  }
}
