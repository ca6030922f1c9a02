import { randomUUID } from 'node:crypto';
import { DomainError } from '../../shared/errors';
import type { Account } from '../accounts/accounts.schemas';
import { maskAccountId, type AccountsService } from '../accounts/accounts.service';
import type { Location } from '../locations/locations.schemas';
import type { LocationsService } from '../locations/locations.service';
import type { Note } from '../notes/notes.schemas';
import type { NotesService } from '../notes/notes.service';
import type { Person } from '../people/people.schemas';
import { requirePermission, type Caller } from '../people/people.service';
import { canWork, defaultAssignee, taskType, TASK_TYPES } from './catalogue';
import { applyTaskChange, type TaskChange } from './task-lifecycle';
import { taskLinkId } from './task-poster';
import { readTaskForm, type TaskFormInput } from './task-form.rules';
import { TaskConflictError, type TaskPage, type TasksStore } from './tasks.store';
import type { Task, TaskType } from './tasks.schemas';
import { assigneeChoices, dueDefaults, taskNote, type TaskFormView } from './task-views';

export interface TaskPoster {
  /** Posts the task card where the assignee's tasks go; the activity id lets it be updated later. */
  post(task: Task): Promise<{ posted: true; linkId: string; activityId?: string } | { posted: false; reason: string }>;
  /** Updates every posted copy of the task card. */
  update(task: Task): Promise<void>;
  /** Tells the requester (personal chat) that the task was completed or canceled; false when it could not. */
  tellRequester(task: Task): Promise<boolean>;
}

export interface TasksDeps {
  store: TasksStore;
  accounts: Pick<AccountsService, 'get'>;
  locations: Pick<LocationsService, 'get'>;
  notes: Pick<NotesService, 'append'>;
  people: { active(): Promise<readonly Person[]> };
  poster?: TaskPoster;
  now?: () => Date;
}

export type CreateOutcome = { kind: 'form'; view: TaskFormView } | { kind: 'created'; task: Task; replayed: boolean; posted?: { posted: boolean; reason?: string } };

/** Follow-up tasks: the type picker and form, creation (note + post), the lifecycle, and the lists. */
export class TasksService {
  constructor(private readonly deps: TasksDeps) {}

  /** Sets where task cards are posted (the poster renders cards with this service, so it comes after). */
  usePoster(poster: TaskPoster): void {
    this.deps.poster = poster;
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** The catalogue, for the type picker. */
  types(caller: Caller): readonly TaskType[] {
    requirePermission(caller, 'tasks.create');
    return TASK_TYPES;
  }

  async openForm(caller: Caller, accountId: string, typeId: string, input?: Partial<TaskFormInput>): Promise<TaskFormView> {
    requirePermission(caller, 'tasks.create');
    const type = knownType(typeId);
    const { account, location } = await this.accountAndLocation(accountId);
    const due = dueDefaults(type, location, this.now());
    const assignee = defaultAssignee(type, location);
    return {
      account: accountSummary(account),
      type,
      submissionId: randomUUID(),
      today: due.today,
      assignees: assigneeChoices(location),
      values: { units: account.units.length === 1 ? account.units[0]!.id : '', assignee: `${assignee.kind}:${assignee.id}`, dueDate: due.date, dueTime: due.time, details: '', fields: prefill(type, account), ...input },
      errors: {},
    };
  }

  async create(caller: Caller, accountId: string, typeId: string, submissionId: string, input: TaskFormInput): Promise<CreateOutcome> {
    const person = requirePermission(caller, 'tasks.create');
    const type = knownType(typeId);
    const { account, location } = await this.accountAndLocation(accountId);
    const now = this.now();
    const read = readTaskForm(type, input, { account, location, now });
    if (!read.ok) {
      const form = await this.openForm(caller, accountId, typeId, input);
      return { kind: 'form', view: { ...form, submissionId, errors: read.errors } };
    }
    const at = now.toISOString();
    const requester = { id: person.id, name: person.name };
    const task: Task = {
      id: submissionId, accountId: account.id, accountName: `${account.firstName} ${account.lastName}`, locationId: location.id,
      unitIds: read.unitIds, typeId: type.id, category: type.category, name: type.name, fields: read.fields, details: read.details,
      assignee: read.assignee, requester, status: 'open', dueAt: read.dueAt, createdAt: at, updatedAt: at,
      checklist: (type.checklist ?? []).map((i) => ({ ...i, done: false })),
      history: [{ at, by: requester, action: 'created', detail: `for ${read.assignee.name}` }], posts: [],
    };
    const { task: stored, created } = await this.deps.store.create(task);
    if (!created) return { kind: 'created', task: stored, replayed: true };
    await this.writeNotes(stored, person, 'created');
    const posted = this.deps.poster ? await this.deps.poster.post(stored) : { posted: false as const, reason: 'not_linked' };
    let final = stored;
    if (posted.posted && posted.activityId) final = await this.deps.store.replace({ ...stored, posts: [{ linkId: posted.linkId, activityId: posted.activityId }] }, stored._etag!);
    return { kind: 'created', task: final, replayed: false, posted: posted.posted ? { posted: true } : { posted: false, reason: posted.reason } };
  }

  /** One task as `caller` may see it: the task and whether they may work it. */
  async view(caller: Caller, accountId: string, taskId: string): Promise<{ task: Task; mayWork: boolean; person: Person }> {
    const person = requirePermission(caller, 'tasks.work');
    const task = await this.task(accountId, taskId);
    return { task, person, mayWork: canWork(person, task.assignee, await this.deps.locations.get(task.locationId)) };
  }

  /**
   * Makes one change (start, complete, reassign, cancel, tick) with the task's etag: when someone
   * else changed it first, the change is tried again on the new state once, so "already completed by
   * X" comes from the rules, not from a lost update.
   */
  async change(caller: Caller, accountId: string, taskId: string, change: TaskChange): Promise<Task> {
    const person = requirePermission(caller, 'tasks.work');
    let task = await this.task(accountId, taskId);
    for (let attempt = 1; ; attempt += 1) {
      const location = await this.deps.locations.get(task.locationId);
      const next = applyTaskChange(task, change, { person, mayWork: canWork(person, task.assignee, location) }, this.now());
      if (next === task) return task;
      try {
        let saved = await this.deps.store.replace(next, task._etag!);
        if (saved.status === 'done') await this.writeNotes(saved, person, 'completed');
        await this.deps.poster?.update(saved);
        if (change.kind === 'reassign') saved = await this.postToNewAssignee(saved);
        if ((saved.status === 'done' || saved.status === 'canceled') && saved.requester.id !== person.id) await this.deps.poster?.tellRequester(saved);
        return saved;
      } catch (error) {
        if (!(error instanceof TaskConflictError) || attempt >= 2) throw error;
        task = error.current;
      }
    }
  }

  /** Who should get their own view of the task card (Teams refresh `userIds`, at most 60). */
  async viewers(task: Task): Promise<string[]> {
    const location = await this.deps.locations.get(task.locationId);
    const workers = (await this.deps.people.active()).filter((p) => canWork(p, task.assignee, location)).map((p) => p.id);
    return [...new Set([task.requester.id, ...workers])].slice(0, 60);
  }

  async forAccount(caller: Caller, accountId: string, continuation?: string): Promise<TaskPage & { account: { id: string; name: string } }> {
    requirePermission(caller, 'tasks.work');
    const { account } = await this.deps.accounts.get(accountId);
    const page = await this.deps.store.forAccount(account.id, { pageSize: 5, continuation });
    return { ...page, account: { id: account.id, name: `${account.firstName} ${account.lastName}` } };
  }

  /** Open tasks the caller may work: their locations', their DM stores', their team's, the mentors'. */
  async mine(caller: Caller, continuation?: string): Promise<TaskPage> {
    const person = requirePermission(caller, 'tasks.work');
    const keys = [
      ...person.locationIds.flatMap((id) => [{ kind: 'location' as const, id }]),
      ...(person.roles.includes('district_manager') ? [{ kind: 'dm' as const, id: person.id }] : []),
      ...(person.roles.includes('mentor') || person.roles.includes('admin') ? [{ kind: 'mentors' as const, id: 'mentors' }] : []),
      ...(person.team ? [{ kind: 'team' as const, id: person.team }] : []),
    ];
    return this.deps.store.openFor(keys, { pageSize: 5, continuation });
  }

  /** After a reassign to another chat (store → mentors, say), the new assignee gets the card there too. */
  private async postToNewAssignee(task: Task): Promise<Task> {
    if (!this.deps.poster || task.posts.some((p) => p.linkId === taskLinkId(task))) return task;
    const posted = await this.deps.poster.post(task);
    if (!posted.posted || !posted.activityId || task.posts.some((p) => p.linkId === posted.linkId && p.activityId === posted.activityId)) return task;
    try {
      return await this.deps.store.replace({ ...task, posts: [...task.posts, { linkId: posted.linkId, activityId: posted.activityId }] }, task._etag!);
    } catch (error) {
      if (error instanceof TaskConflictError) return error.current;
      throw error;
    }
  }

  private async task(accountId: string, taskId: string): Promise<Task> {
    const task = await this.deps.store.get(accountId, taskId);
    if (!task) throw new DomainError('not_found', 'That task does not exist any more.');
    return task;
  }

  private async writeNotes(task: Task, person: Person, what: 'created' | 'completed'): Promise<void> {
    const notes: Note[] = task.unitIds.map((unitId) => taskNote(task, unitId, person, what, this.now()));
    for (const note of notes) await this.deps.notes.append(note);
  }

  private async accountAndLocation(accountId: string): Promise<{ account: Account; location: Location }> {
    const { account } = await this.deps.accounts.get(accountId);
    const location = await this.deps.locations.get(account.locationId);
    if (!location) throw new DomainError('not_found', `The account's store (${account.locationId}) is not set up, so a task cannot be routed.`);
    if (!account.units.length) throw new DomainError('invalid_input', 'This account has no units, so there is nothing to create a task for.');
    return { account, location };
  }
}

function knownType(typeId: string): TaskType {
  const type = taskType(typeId);
  if (!type) throw new DomainError('invalid_input', 'That task type is not in the catalogue any more. Pick the type again.');
  return type;
}

function accountSummary(account: Account): TaskFormView['account'] {
  return { id: account.id, name: `${account.firstName} ${account.lastName}`, maskedId: maskAccountId(account.id), units: account.units.map((u) => ({ id: u.id, label: `Unit ${u.id} · ${u.size} ${u.type} · ${u.status}` })) };
}

function prefill(type: TaskType, account: Account): Record<string, string> {
  const out: Record<string, string> = {};
  const late = account.units.filter((u) => u.amountDueCents > 0);
  for (const field of type.fields) {
    if (field.prefill === 'primaryPhone') out[field.id] = account.phones.find((p) => p.primary)?.number ?? '';
    if (field.prefill === 'balanceDue' && late.length) out[field.id] = (late.reduce((s, u) => s + u.amountDueCents, 0) / 100).toFixed(2);
    if (field.prefill === 'auctionDate') out[field.id] = account.units.find((u) => u.auctionDate)?.auctionDate ?? '';
  }
  return out;
}
