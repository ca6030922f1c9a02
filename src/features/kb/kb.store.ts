import { randomUUID } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import { kbFeedbackDocSchema, type KbFeedbackDoc } from './kb.schemas';

type NewDoc = KbFeedbackDoc extends infer D ? (D extends KbFeedbackDoc ? Omit<D, 'id' | 'day' | 'at'> : never) : never;

/** Unanswered questions, mentor requests and answer feedback, one partition per day. */
export class KbFeedbackStore {
  constructor(private readonly container: Container) {}

  /**
   * Records a document. With `id` the write is idempotent: a second add with the same id (a replayed
   * button press) finds the first one and succeeds without writing again.
   */
  async add(doc: NewDoc, options: { id?: string; now?: Date } = {}): Promise<KbFeedbackDoc> {
    const now = options.now ?? new Date();
    const full = kbFeedbackDocSchema.parse({ ...doc, id: options.id ?? `${doc.kind}-${randomUUID()}`, day: now.toISOString().slice(0, 10), at: now.toISOString() });
    try {
      await this.container.items.create(full);
    } catch (error) {
      if ((error as { code?: number }).code !== 409) throw error;
    }
    return full;
  }

  /** Everything recorded on one day (tests and reports). */
  async day(day: string): Promise<KbFeedbackDoc[]> {
    const { resources } = await this.container.items
      .query({ query: 'SELECT * FROM c WHERE c.day = @day', parameters: [{ name: '@day', value: day }] }, { partitionKey: day })
      .fetchAll();
    return resources.map((r) => kbFeedbackDocSchema.parse(r));
  }
}
