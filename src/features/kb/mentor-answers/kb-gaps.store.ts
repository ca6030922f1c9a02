import type { Container } from '@azure/cosmos';
import { kbFeedbackDocSchema } from '../kb.schemas';
import type { GapDoc } from './kb-gaps';

/** At most this many gap documents are read from one day's partition. */
export const MAX_GAP_DOCS_PER_DAY = 500;
/** Days read at the same time. */
const PARALLEL_DAYS = 6;

const QUERY = `SELECT TOP ${MAX_GAP_DOCS_PER_DAY} * FROM c WHERE c.day = @day AND (c.kind = 'unanswered' OR c.kind = 'mentor-request' OR (c.kind = 'feedback' AND c.reaction = 'dislike'))`;

/** Reads what `kb gaps` counts from the `kbfeedback` container: one single-partition query per day, bounded. */
export class KbGapsStore {
  constructor(private readonly container: Container) {}

  async read(days: readonly string[]): Promise<GapDoc[]> {
    const out: GapDoc[] = [];
    for (let i = 0; i < days.length; i += PARALLEL_DAYS) {
      const batch = await Promise.all(days.slice(i, i + PARALLEL_DAYS).map((day) => this.day(day)));
      batch.forEach((docs) => out.push(...docs));
    }
    return out;
  }

  private async day(day: string): Promise<GapDoc[]> {
    const { resources } = await this.container.items.query({ query: QUERY, parameters: [{ name: '@day', value: day }] }, { partitionKey: day }).fetchAll();
    return resources.flatMap((r) => {
      const parsed = kbFeedbackDocSchema.safeParse(r);
      return parsed.success ? [parsed.data] : [];
    });
  }
}
