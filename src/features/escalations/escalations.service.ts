import { randomUUID } from 'node:crypto';
import { DomainError } from '../../shared/errors';
import type { Logger } from '../../shared/logger';
import type { AccountsService } from '../accounts/accounts.service';
import type { LocationsService } from '../locations/locations.service';
import type { NotesService } from '../notes/notes.service';
import type { Person } from '../people/people.schemas';
import { can, requirePermission, type Caller } from '../people/people.service';
import { businessDay } from '../tasks/catalogue';
import { formAccount, prefill, readEscalationForm, type EscalationFormInput, type EscalationFormView } from './escalation-form';
import { applyEscalationChange, isDecided, titled, type EscalationChange } from './escalation-lifecycle';
import { escalationDecisionNote } from './escalation-note';
import { ACCOUNT_ESCALATION_TYPES, escalationType, KB_QUESTION_TYPE, readEscalationFields } from './escalation-types';
import { KB_PARTITION, type Decision, type Escalation, type EscalationPost, type EscalationType } from './escalations.schemas';
import { EscalationConflictError, rewriteEscalation, type EscalationPage, type EscalationsStore } from './escalations.store';

/** Adds a mentor's answer to the knowledge base (the KB feature's mentor answers; same shape). */
export interface KnowledgeCapture {
  capture(caller: Caller, entry: { id: string; question: string; answer: string; requestId?: string }): Promise<{ entryId: string; created: boolean }>;
}

export type PostResult = { posted: true; linkId: string; activityId?: string } | { posted: false; reason: string };

/** Where request cards go: the mentors' channel, every earlier copy, and the requester's personal chat. */
export interface EscalationPoster {
  postToMentors(escalation: Escalation): Promise<PostResult>;
  /** Updates every posted copy in place. Never throws. */
  update(escalation: Escalation): Promise<void>;
  /** Posts the requester's own card to their personal chat (`user:<aadObjectId>`), as a notification. */
  tellRequester(escalation: Escalation): Promise<PostResult>;
}

export interface EscalationsDeps {
  store: EscalationsStore;
  accounts: Pick<AccountsService, 'get'>;
  locations: Pick<LocationsService, 'get'>;
  notes: Pick<NotesService, 'append'>;
  people: { active(): Promise<readonly Person[]> };
  poster?: EscalationPoster;
  /** Without it, "Add to KB" says it is not set up yet and skips. */
  knowledge?: KnowledgeCapture;
  /** The mentors' time zone: "today" for requests without a store (default America/Los_Angeles). */
  timeZone?: string;
  logger?: Logger;
  now?: () => Date;
}

export interface EscalationRef {
  accountId: string;
  escalationId: string;
}

export type CreateOutcome = { kind: 'form'; view: EscalationFormView } | { kind: 'created'; escalation: Escalation; replayed: boolean; posted?: PostResult };

/** What a change did: the request as stored now and what happened besides. */
export interface ChangeOutcome {
  escalation: Escalation;
  result: 'changed' | 'replayed' | 'already_decided';
  /** Whether the requester's personal chat got the news (undefined when not tried). */
  told?: PostResult;
  /** False when the decision's account note could not be written. */
  noted?: boolean;
}

const MAX_VIEWERS = 60;

/** Requests to the mentors: the form, creation (posted to the mentors), decisions, need-info, the queue. */
export class EscalationsService {
  constructor(private readonly deps: EscalationsDeps) {}

  /** Sets where request cards are posted (the poster renders with this service, so it comes after). */
  usePoster(poster: EscalationPoster): void {
    this.deps.poster = poster;
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  types(caller: Caller): readonly EscalationType[] {
    requirePermission(caller, 'escalations.request');
    return ACCOUNT_ESCALATION_TYPES;
  }

  async openForm(caller: Caller, accountId: string, typeId: string, input?: Partial<EscalationFormInput>): Promise<EscalationFormView> {
    requirePermission(caller, 'escalations.request');
    const type = accountType(typeId);
    const { account } = await this.deps.accounts.get(accountId);
    if (!account.units.length) throw new DomainError('invalid_input', 'This account has no units, so there is nothing to ask the mentors about here. Ask in the mentors\u2019 chat.');
    const today = await this.today(account.locationId);
    const values = { unitId: account.units.length === 1 ? account.units[0]!.id : '', fields: prefill(type, account), ...input };
    return { account: formAccount(account), type, submissionId: randomUUID(), today, values, errors: {} };
  }

  async create(caller: Caller, accountId: string, typeId: string, submissionId: string, input: EscalationFormInput): Promise<CreateOutcome> {
    const person = requirePermission(caller, 'escalations.request');
    const type = accountType(typeId);
    const { account } = await this.deps.accounts.get(accountId);
    const read = readEscalationForm(type, input, { account, today: await this.today(account.locationId) });
    if (!read.ok) {
      const form = await this.openForm(caller, accountId, typeId, input);
      return { kind: 'form', view: { ...form, submissionId, errors: read.errors } };
    }
    const summary = formAccount(account);
    const escalation = this.newEscalation(person, submissionId, account.id, type, read.fields, { id: account.id, name: summary.name, maskedId: summary.maskedId, locationId: account.locationId, unitId: read.unitId });
    return this.store(escalation);
  }

  /** "Ask a mentor" on a KB answer: a KB question, one per `requestId` (a replay finds the first). */
  async askMentor(caller: Caller, request: { requestId: string; question: string; botAnswer?: string; context?: string }): Promise<Extract<CreateOutcome, { kind: 'created' }>> {
    const person = requirePermission(caller, 'escalations.request');
    const read = readEscalationFields(KB_QUESTION_TYPE, { question: request.question, botAnswer: request.botAnswer, context: request.context }, { today: businessDay(this.now(), { timeZone: this.timeZone() }) });
    if (!read.ok) throw new DomainError('invalid_input', Object.values(read.errors)[0] ?? 'That question could not be sent.');
    return this.store(this.newEscalation(person, `kb-${request.requestId}`, KB_PARTITION, KB_QUESTION_TYPE, read.values));
  }

  /** One request, for anyone who may make requests (what they see depends on who they are). */
  async view(caller: Caller, ref: EscalationRef): Promise<Escalation> {
    requirePermission(caller, 'escalations.request');
    return this.escalation(ref);
  }

  /**
   * Makes one change with the request's etag: when someone else changed it first, the change is tried
   * again on the new state, so "already approved by X" comes from the rules, not from a lost update.
   * A decision writes the account note, adds a KB answer to the KB when asked (`addToKb`), updates
   * every copy of the card and tells the requester in their personal chat.
   */
  async change(caller: Caller, ref: EscalationRef, change: EscalationChange, options: { addToKb?: boolean } = {}): Promise<ChangeOutcome> {
    const person = requirePermission(caller, change.kind === 'giveInfo' ? 'escalations.request' : 'escalations.decide');
    const actor = { person, mayDecide: can(caller, 'escalations.decide') };
    let escalation = await this.escalation(ref);
    for (let attempt = 1; ; attempt += 1) {
      const result = applyEscalationChange(escalation, change, actor, this.now());
      if (result.kind !== 'changed') return { escalation: result.escalation, result: result.kind };
      let saved: Escalation;
      try {
        saved = await this.deps.store.replace(result.escalation, escalation._etag!);
      } catch (error) {
        if (!(error instanceof EscalationConflictError) || attempt >= 3) throw error;
        escalation = error.current;
        continue;
      }
      return this.afterChange(caller, saved, change, options);
    }
  }

  /** Requests waiting for a mentor, oldest first (mentors). */
  queue(caller: Caller, continuation?: string): Promise<EscalationPage> {
    requirePermission(caller, 'escalations.decide');
    return this.deps.store.open({ pageSize: 5, continuation });
  }

  /** Who gets their own view of the card (Teams refresh `userIds`, at most 60): the requester, then the mentors. */
  async viewers(escalation: Escalation): Promise<string[]> {
    const mentors = (await this.deps.people.active()).filter((p) => can({ displayName: p.name, person: p }, 'escalations.decide')).map((p) => p.id);
    return [...new Set([escalation.requester.id, ...mentors])].slice(0, MAX_VIEWERS);
  }

  /** The note, the copies and the requester's news at once: none of them waits for another. */
  private async afterChange(caller: Caller, saved: Escalation, change: EscalationChange, options: { addToKb?: boolean }): Promise<ChangeOutcome> {
    let current = saved;
    if (change.kind === 'decide' && current.status === 'answered' && options.addToKb) current = await this.captureAnswer(caller, current);
    const poster = this.deps.poster;
    const [noted, , told] = await Promise.all([
      change.kind === 'decide' ? this.writeNote(current) : undefined,
      poster?.update(current),
      change.kind === 'giveInfo' ? undefined : poster?.tellRequester(current),
    ]);
    // The requester's card is kept up to date only while the request can still change: a decided one never does.
    if (told?.posted && told.activityId && !isDecided(current)) current = await this.addPost(current, { linkId: told.linkId, activityId: told.activityId });
    return { escalation: current, result: 'changed', ...(told ? { told } : {}), ...(noted === undefined ? {} : { noted }) };
  }

  private async captureAnswer(caller: Caller, escalation: Escalation): Promise<Escalation> {
    let kb: NonNullable<Decision['kb']>;
    if (!this.deps.knowledge) kb = { skipped: 'Adding mentor answers to the KB is not set up yet, so the answer was not added.' };
    else {
      try {
        const requestId = escalation.id.startsWith('kb-') ? escalation.id.slice(3) : undefined;
        const entry = { id: escalation.id, question: String(escalation.fields.question ?? ''), answer: escalation.decision!.comment, ...(requestId ? { requestId } : {}) };
        kb = await this.deps.knowledge.capture(caller, entry);
      } catch (error) {
        this.deps.logger?.warn({ escalationId: escalation.id, problem: error instanceof Error ? error.message : String(error) }, 'escalations: the answer could not be added to the KB');
        kb = { skipped: error instanceof DomainError ? error.message.slice(0, 300) : 'The KB did not take the answer; add it by hand.' };
      }
    }
    const at = this.now().toISOString();
    const by = titled(caller.person!);
    return rewriteEscalation(this.deps.store, escalation, (current) => (current.decision && !current.decision.kb
      ? { ...current, decision: { ...current.decision, kb }, history: [...current.history, { at, by, action: 'kb_captured', detail: 'entryId' in kb ? `KB entry ${kb.entryId}${kb.created ? '' : ' (already there)'}` : `not added: ${kb.skipped}` }] }
      : undefined));
  }

  private async writeNote(escalation: Escalation): Promise<boolean | undefined> {
    const note = escalationDecisionNote(escalation);
    if (!note) return undefined;
    try {
      await this.deps.notes.append(note);
      return true;
    } catch (error) {
      this.deps.logger?.error({ escalationId: escalation.id, problem: error instanceof Error ? error.message : String(error) }, 'escalations: the decision note could not be written');
      return false;
    }
  }

  private newEscalation(person: Person, id: string, accountId: string, type: EscalationType, fields: Record<string, string | number>, account?: Escalation['account']): Escalation {
    const at = this.now().toISOString();
    const requester = titled(person);
    return {
      id, accountId, docType: 'escalation', typeId: type.id, typeName: type.name, ...(account ? { account } : {}), fields, requester, status: 'open',
      createdAt: at, updatedAt: at, waitingSince: at, slaFrom: at, announcements: 0, history: [{ at, by: requester, action: 'requested', submissionId: id }], posts: [],
    };
  }

  private async store(escalation: Escalation): Promise<Extract<CreateOutcome, { kind: 'created' }>> {
    const { escalation: stored, created } = await this.deps.store.create(escalation);
    if (!created) return { kind: 'created', escalation: stored, replayed: true };
    const posted = this.deps.poster ? await this.deps.poster.postToMentors(stored) : ({ posted: false, reason: 'not_linked' } as const);
    const final = posted.posted && posted.activityId ? await this.addPost(stored, { linkId: posted.linkId, activityId: posted.activityId }) : stored;
    return { kind: 'created', escalation: final, replayed: false, posted };
  }

  /** Records one more posted copy (kept even if the request changed meanwhile). */
  private addPost(escalation: Escalation, post: EscalationPost): Promise<Escalation> {
    return rewriteEscalation(this.deps.store, escalation, (current) => (current.posts.some((p) => p.linkId === post.linkId && p.activityId === post.activityId) ? undefined : { ...current, posts: [...current.posts, post] }));
  }

  private async escalation(ref: EscalationRef): Promise<Escalation> {
    const escalation = await this.deps.store.get(ref.accountId, ref.escalationId);
    if (!escalation) throw new DomainError('not_found', 'That request does not exist any more.');
    return escalation;
  }

  private timeZone(): string {
    return this.deps.timeZone ?? 'America/Los_Angeles';
  }

  private async today(locationId: string): Promise<string> {
    const location = await this.deps.locations.get(locationId);
    return businessDay(this.now(), { timeZone: location?.timeZone ?? this.timeZone() });
  }
}

function accountType(typeId: string): EscalationType {
  const type = escalationType(typeId);
  if (!type || type.scope !== 'account') throw new DomainError('invalid_input', 'That kind of request is not in the list any more. Pick it again.');
  return type;
}
