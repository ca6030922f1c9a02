import type { Note } from './notes.schemas';
import { DEFAULT_NOTES_PAGE_SIZE, type NotePage } from './notes.store';

/** What the notes feature offers other features (the customer card). */
export interface NotesReader {
  append(note: Note): Promise<{ created: boolean }>;
  get(accountId: string, id: string): Promise<Note | undefined>;
  critical(accountId: string): Promise<Note[]>;
  latest(accountId: string, options?: { pageSize?: number; continuation?: string }): Promise<NotePage>;
}

/** Reads an account's notes for display: critical ones pinned, the latest ones a page at a time. */
export class NotesService {
  constructor(private readonly store: NotesReader) {}

  /** One note of the account; undefined when the account has no note with that id. */
  get(accountId: string, id: string): Promise<Note | undefined> {
    return this.store.get(accountId, id);
  }

  /** Appends a note (idempotent by note id: a replay writes nothing new). */
  append(note: Note): Promise<{ created: boolean }> {
    return this.store.append(note);
  }

  /** The pinned critical notes and a page of the latest notes (5 by default; the newest without a token), with the token for more. */
  async forCard(accountId: string, continuation?: string): Promise<{ critical: Note[]; latest: Note[]; moreToken?: string }> {
    const [critical, page] = await Promise.all([
      this.store.critical(accountId),
      this.store.latest(accountId, { pageSize: DEFAULT_NOTES_PAGE_SIZE, continuation }),
    ]);
    return { critical, latest: page.notes, moreToken: page.continuation };
  }
}
