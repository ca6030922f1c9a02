import type { Container, SqlQuerySpec } from '@azure/cosmos';
import { DomainError } from '../../shared/errors';
import { noteSchema, type Note } from './notes.schemas';

/** A page of notes, newest first, and the token for the next page when there may be more. */
export interface NotePage {
  notes: Note[];
  continuation?: string;
}

export interface LatestNotesOptions {
  /** Notes per page (default 5). */
  pageSize?: number;
  /** The token from the previous page. */
  continuation?: string;
}

export const DEFAULT_NOTES_PAGE_SIZE = 5;

/**
 * Reads account notes (partition key /accountId). Every query stays in the account's partition:
 * the partition key is passed to the SDK and also named in the WHERE clause, because the embedded
 * server does not narrow a query by the partition key header.
 */
export class NotesStore {
  constructor(private readonly container: Container) {}

  /**
   * Appends a note. Its id is the submission id of the form that made it, so a replayed submit finds
   * the note already there (409) and is answered as success without writing a second one.
   */
  async append(note: Note): Promise<{ created: boolean }> {
    try {
      await this.container.items.create(noteSchema.parse(note));
      return { created: true };
    } catch (error) {
      if ((error as { code?: unknown }).code === 409) return { created: false };
      throw error;
    }
  }

  /** One note of the account (a point read in its partition), or undefined. */
  async get(accountId: string, id: string): Promise<Note | undefined> {
    const { resource } = await this.container.item(id, accountId).read();
    return resource ? noteSchema.parse(resource) : undefined;
  }

  /** The account's critical notes, newest first. */
  async critical(accountId: string): Promise<Note[]> {
    const spec = byAccount(accountId, true);
    const { resources } = await this.container.items.query(spec, { partitionKey: accountId }).fetchAll();
    return resources.map((resource) => noteSchema.parse(resource));
  }

  /** The account's notes, newest first, a page at a time. */
  async latest(accountId: string, options: LatestNotesOptions = {}): Promise<NotePage> {
    const pageSize = Math.max(1, Math.floor(options.pageSize ?? DEFAULT_NOTES_PAGE_SIZE));
    const iterator = this.container.items.query(byAccount(accountId, false), { partitionKey: accountId, maxItemCount: pageSize, continuationToken: options.continuation });
    let response;
    try {
      response = await iterator.fetchNext();
    } catch (error) {
      if (options.continuation && (error as { code?: unknown }).code === 400) {
        throw new DomainError('invalid_input', 'That list of notes can no longer be continued. Please open the account again.');
      }
      throw error;
    }
    const notes = response.resources.map((resource) => noteSchema.parse(resource));
    return response.continuationToken ? { notes, continuation: response.continuationToken } : { notes };
  }
}

function byAccount(accountId: string, criticalOnly: boolean): SqlQuerySpec {
  const critical = criticalOnly ? ' AND c.flags.critical = true' : '';
  return {
    query: `SELECT * FROM c WHERE c.accountId = @accountId${critical} ORDER BY c.createdAt DESC`,
    parameters: [{ name: '@accountId', value: accountId }],
  };
}
