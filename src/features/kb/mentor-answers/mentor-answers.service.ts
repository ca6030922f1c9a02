import { DomainError } from '../../../shared/errors';
import type { PersonRef } from '../../../shared/schema-parts';
import { requirePermission, type Caller } from '../../people/people.service';
import type { Person } from '../../people/people.schemas';
import type { Article } from '../kb.schemas';
import { lastDays, normalizeQuestion, rankGaps, type KbGap } from './kb-gaps';
import type { KbGapsStore } from './kb-gaps.store';
import { mentorAnswerArticle, mentorCitationTitle } from './mentor-answers.articles';
import { mentorAnswerId, mentorAnswerProblems, type MentorAnswer, type MentorAnswerOrigin, type MentorAnswerProblems, type MentorAnswerTexts } from './mentor-answers.schemas';
import { MentorAnswerConflictError, type MentorAnswersStore } from './mentor-answers.store';

export { mentorAnswerProblems, type MentorAnswerProblems, type MentorAnswerTexts } from './mentor-answers.schemas';

/**
 * What other features (escalations) call when a mentor ticks "Add to KB": the question and the answer
 * become a KB entry that agents get for similar questions. Needs `kb.answer`; idempotent by `id`
 * (a replay returns `created: false` and changes nothing). Throws a DomainError for bad input.
 */
export interface KnowledgeCapture {
  capture(caller: Caller, entry: { id: string; question: string; answer: string; requestId?: string }): Promise<{ entryId: string; created: boolean }>;
}

/** Where mentor answers are indexed: the KbService. */
export interface MentorAnswerIndex {
  useMentorAnswers(articles: Article[]): void;
}

export type MentorAnswerEditOutcome =
  | { kind: 'saved'; entry: MentorAnswer }
  | { kind: 'invalid'; errors: MentorAnswerProblems }
  | { kind: 'conflict'; current: MentorAnswer };

/** Indexes the active mentor answers in the store with the KB (at start, and after every change). */
export async function indexMentorAnswers(store: MentorAnswersStore, kb: MentorAnswerIndex): Promise<number> {
  const entries = await store.active();
  kb.useMentorAnswers(entries.map(mentorAnswerArticle));
  return entries.length;
}

const ref = (person: Person): PersonRef => ({ id: person.id, name: person.name });

/** A capture: `origin` says where it came from (by default a mentor request with `requestId`, else direct). */
type CaptureRequest = Parameters<KnowledgeCapture['capture']>[1] & { origin?: MentorAnswerOrigin };

/**
 * Mentor answers in the KB: capture ("Add to KB"), edit, retire, list, and the KB gaps they close.
 * Every call needs `kb.answer`; after each change the KB index is rebuilt and swapped in, so the very
 * next question can find (or no longer finds) the entry.
 */
export class MentorAnswersService implements KnowledgeCapture {
  private indexing: Promise<unknown> = Promise.resolve();
  private readonly now: () => Date;

  constructor(private readonly deps: { store: MentorAnswersStore; gaps: KbGapsStore; kb: MentorAnswerIndex; now?: () => Date }) {
    this.now = deps.now ?? (() => new Date());
  }

  async capture(caller: Caller, entry: CaptureRequest): Promise<{ entryId: string; created: boolean }> {
    const { entry: stored, created } = await this.captureEntry(caller, entry);
    return { entryId: stored.id, created };
  }

  /** `capture`, returning the entry as stored (the first one, for a replay). */
  async captureEntry(caller: Caller, entry: CaptureRequest): Promise<{ entry: MentorAnswer; created: boolean }> {
    const person = requirePermission(caller, 'kb.answer');
    if (!mentorAnswerId.safeParse(entry.id).success) throw new DomainError('invalid_input', 'That answer has no valid id, so nothing was added. Open the form again, please.');
    const problem = Object.values(mentorAnswerProblems(entry))[0];
    if (problem) throw new DomainError('invalid_input', problem);
    const at = this.now().toISOString();
    const question = entry.question.trim();
    const result = await this.deps.store.create({
      id: entry.id,
      question,
      answer: entry.answer.trim(),
      mentor: ref(person),
      createdAt: at,
      updatedAt: at,
      updatedBy: ref(person),
      active: true,
      source: { origin: entry.origin ?? (entry.requestId ? 'mentor-request' : 'direct'), question, ...(entry.requestId ? { requestId: entry.requestId } : {}) },
    });
    await this.refreshIndex();
    return result;
  }

  /** The citation an answer by `mentor` changed now gets ("Mentor answer by <name>, <today>"). */
  citationFor(mentor: PersonRef): string {
    return mentorCitationTitle({ mentor, updatedAt: this.now().toISOString() });
  }

  /** Changes the texts if the entry is still as the form showed it (`etag`); else says who changed it. */
  async edit(caller: Caller, id: string, etag: string, texts: MentorAnswerTexts): Promise<MentorAnswerEditOutcome> {
    const person = requirePermission(caller, 'kb.answer');
    const errors = mentorAnswerProblems(texts);
    if (Object.keys(errors).length) return { kind: 'invalid', errors };
    const current = await this.activeEntry(id);
    try {
      const entry = await this.deps.store.replace({ ...current, question: texts.question.trim(), answer: texts.answer.trim(), updatedAt: this.now().toISOString(), updatedBy: ref(person) }, etag);
      await this.refreshIndex();
      return { kind: 'saved', entry };
    } catch (error) {
      if (error instanceof MentorAnswerConflictError) return { kind: 'conflict', current: error.current };
      throw error;
    }
  }

  /** Takes it out of the KB: agents no longer get it. Retiring a retired entry changes nothing. */
  async retire(caller: Caller, id: string): Promise<MentorAnswer> {
    const person = requirePermission(caller, 'kb.answer');
    const current = await this.deps.store.get(id);
    if (!current) throw new DomainError('not_found', 'That mentor answer does not exist any more.');
    if (!current.active) return current;
    try {
      const entry = await this.deps.store.replace({ ...current, active: false, updatedAt: this.now().toISOString(), updatedBy: ref(person) }, current._etag ?? '');
      await this.refreshIndex();
      return entry;
    } catch (error) {
      if (error instanceof MentorAnswerConflictError) throw new DomainError('conflict', `${error.current.updatedBy.name} changed that answer just now. Open the list again and retry.`);
      throw error;
    }
  }

  /** The active entries, the most recently changed first. */
  async list(caller: Caller): Promise<MentorAnswer[]> {
    requirePermission(caller, 'kb.answer');
    return this.deps.store.active();
  }

  /** One active entry, for the edit form. */
  async get(caller: Caller, id: string): Promise<MentorAnswer> {
    requirePermission(caller, 'kb.answer');
    return this.activeEntry(id);
  }

  /** The most frequent unanswered and thumbs-down questions of the last 30 days that no mentor answer covers yet. */
  async gaps(caller: Caller): Promise<KbGap[]> {
    requirePermission(caller, 'kb.answer');
    const [docs, entries] = await Promise.all([this.deps.gaps.read(lastDays(this.now())), this.deps.store.active()]);
    const answered = new Set(entries.flatMap((e) => [normalizeQuestion(e.question), normalizeQuestion(e.source.question)]));
    return rankGaps(docs, answered);
  }

  /** Re-indexes the active entries with the KB; one pass at a time, in order, so the last change always wins. */
  refreshIndex(): Promise<void> {
    const next = this.indexing.catch(() => undefined).then(() => indexMentorAnswers(this.deps.store, this.deps.kb));
    this.indexing = next;
    return next.then(() => undefined);
  }

  private async activeEntry(id: string): Promise<MentorAnswer> {
    const found = await this.deps.store.get(id);
    if (!found) throw new DomainError('not_found', 'That mentor answer does not exist any more.');
    if (!found.active) throw new DomainError('not_found', `${found.updatedBy.name} retired that mentor answer, so it is no longer in the KB.`);
    return found;
  }
}
