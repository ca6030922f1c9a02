import { randomUUID } from 'node:crypto';
import { DomainError } from '../../shared/errors';
import { dispositionFromValue } from '../notes/dispositions';
import { requirePermission, type Caller } from '../people/people.service';
import { QuickResponseConflictError, type QuickResponsesStore } from './quick-responses.store';
import type { QuickResponse, QuickResponseSave } from './quick-responses.schemas';

/** The edit form as shown: a new one (fresh id) or an existing one with its etag, and any problems. */
export interface QuickResponseFormView {
  id: string;
  etag?: string;
  values: Pick<QuickResponse, 'title' | 'reason' | 'resolution' | 'followUp' | 'disposition'>;
  errors: Partial<Record<'title' | 'resolution' | 'disposition', string>>;
  notice?: string;
}

export type QuickResponseSaveOutcome = { kind: 'saved'; quickResponse: QuickResponse } | { kind: 'form'; view: QuickResponseFormView };

const EMPTY = { title: '', reason: '', resolution: '', followUp: '', disposition: '' };

/**
 * Quick responses: ready-made note texts. Agents read the active ones (to fill the note form);
 * mentors add, edit and retire them (`quickResponses.manage`, checked here for every change).
 */
export class QuickResponsesService {
  constructor(
    private readonly store: QuickResponsesStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** What agents pick from. */
  async active(caller: Caller): Promise<QuickResponse[]> {
    requirePermission(caller, 'notes.create');
    return (await this.store.all()).filter((q) => q.active);
  }

  /** One to fill a note with; a retired or unknown one is refused. */
  async forNote(caller: Caller, id: string): Promise<QuickResponse> {
    requirePermission(caller, 'notes.create');
    const found = await this.store.get(id);
    if (!found?.active) throw new DomainError('not_found', 'That quick response is no longer offered. Pick another one.');
    return found;
  }

  /** Everything, for the mentors' list. */
  async all(caller: Caller): Promise<QuickResponse[]> {
    requirePermission(caller, 'quickResponses.manage');
    return this.store.all();
  }

  async form(caller: Caller, id?: string): Promise<QuickResponseFormView> {
    requirePermission(caller, 'quickResponses.manage');
    if (!id) return { id: randomUUID(), values: { ...EMPTY }, errors: {} };
    const found = await this.store.get(id);
    if (!found) throw new DomainError('not_found', 'That quick response does not exist any more.');
    const { title, reason, resolution, followUp, disposition } = found;
    return { id, etag: found._etag, values: { title, reason, resolution, followUp, disposition }, errors: {} };
  }

  async save(caller: Caller, submit: QuickResponseSave): Promise<QuickResponseSaveOutcome> {
    requirePermission(caller, 'quickResponses.manage');
    const { id, etag, ...raw } = submit;
    const values = { title: raw.title.trim(), reason: raw.reason.trim(), resolution: raw.resolution.trim(), followUp: raw.followUp.trim(), disposition: raw.disposition.trim() };
    const errors: QuickResponseFormView['errors'] = {};
    if (!values.title) errors.title = 'Give it a title agents will recognise, e.g. "Promise to pay".';
    if (!values.resolution) errors.resolution = 'Write at least the resolution text.';
    if (values.disposition && !dispositionFromValue(values.disposition)) errors.disposition = 'Pick a disposition from the list, or leave it empty.';
    if (Object.keys(errors).length) return { kind: 'form', view: { id, etag, values, errors } };
    const person = caller.person!;
    const previous = etag ? await this.store.get(id) : undefined;
    try {
      const saved = await this.store.save({ id, ...values, active: previous?.active ?? true, updatedBy: { id: person.id, name: person.name }, updatedAt: this.now().toISOString() }, etag);
      return { kind: 'saved', quickResponse: saved };
    } catch (error) {
      if (!(error instanceof QuickResponseConflictError)) throw error;
      const current = error.current;
      const notice = `${current.updatedBy.name} changed this quick response while you were editing. Your text is below; save again to replace theirs.`;
      return { kind: 'form', view: { id, etag: current._etag, values, errors: {}, notice } };
    }
  }

  /** Retires it (agents stop seeing it) or brings it back. */
  async setActive(caller: Caller, id: string, active: boolean): Promise<QuickResponse> {
    requirePermission(caller, 'quickResponses.manage');
    const found = await this.store.get(id);
    if (!found) throw new DomainError('not_found', 'That quick response does not exist any more.');
    if (found.active === active) return found;
    const person = caller.person!;
    try {
      return await this.store.save({ ...found, active, updatedBy: { id: person.id, name: person.name }, updatedAt: this.now().toISOString() }, found._etag);
    } catch (error) {
      if (error instanceof QuickResponseConflictError) throw new DomainError('conflict', `${error.current.updatedBy.name} changed that quick response just now. Open the list again and retry.`);
      throw error;
    }
  }
}
