import type { Container } from '@azure/cosmos';
import { DomainError } from '../../../shared/errors';
import { mentorAnswerSchema, type MentorAnswer } from './mentor-answers.schemas';

/** Someone else changed the entry since the form was opened. */
export class MentorAnswerConflictError extends Error {
  constructor(readonly current: MentorAnswer) {
    super('the mentor answer changed since the form was opened');
    this.name = 'MentorAnswerConflictError';
  }
}

const status = (error: unknown) => (error as { code?: unknown }).code;

/** The `kbentries` container (partition key /id): mentor answers, read whole to index them. */
export class MentorAnswersStore {
  constructor(private readonly container: Container) {}

  /** Creates it; a second create with the same id (a replay) finds the first and changes nothing. */
  async create(entry: MentorAnswer): Promise<{ entry: MentorAnswer; created: boolean }> {
    const { _etag: _ignored, ...body } = mentorAnswerSchema.parse(entry);
    try {
      return { entry: mentorAnswerSchema.parse((await this.container.items.create(body)).resource), created: true };
    } catch (error) {
      const existing = status(error) === 409 ? await this.get(body.id) : undefined;
      if (!existing) throw error;
      return { entry: existing, created: false };
    }
  }

  async get(id: string): Promise<MentorAnswer | undefined> {
    const { resource } = await this.container.item(id, id).read();
    return resource ? mentorAnswerSchema.parse(resource) : undefined;
  }

  /** Every active entry, the most recently changed first. */
  async active(): Promise<MentorAnswer[]> {
    const { resources } = await this.container.items.query('SELECT * FROM c WHERE c.active = true').fetchAll();
    return resources.map((r) => mentorAnswerSchema.parse(r)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  }

  /** Replaces it if it is still as `etag` says; otherwise throws MentorAnswerConflictError with what it is now. */
  async replace(entry: MentorAnswer, etag: string): Promise<MentorAnswer> {
    const { _etag: _ignored, ...body } = mentorAnswerSchema.parse(entry);
    try {
      const options = { accessCondition: { type: 'IfMatch', condition: etag } };
      return mentorAnswerSchema.parse((await this.container.item(body.id, body.id).replace(body, options)).resource);
    } catch (error) {
      if (status(error) === 404) throw new DomainError('not_found', 'That mentor answer does not exist any more.');
      const current = status(error) === 412 ? await this.get(body.id) : undefined;
      if (current) throw new MentorAnswerConflictError(current);
      throw error;
    }
  }
}
