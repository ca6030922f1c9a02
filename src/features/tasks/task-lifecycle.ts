import { DomainError } from '../../shared/errors';
import type { PersonRef } from '../../shared/schema-parts';
import type { Person } from '../people/people.schemas';
import type { Task, TaskAssignee, TaskHistoryEntry } from './tasks.schemas';

/**
 * What can happen to a task, as pure functions: each takes the task as stored, who does it and when,
 * and returns the task as it should be stored next, or throws a DomainError the person can act on.
 * Who may do what: whoever may work the assignee's tasks (`mayWork`) starts, completes, ticks the
 * checklist and reassigns; they, the requester and mentors may cancel.
 */
export type TaskChange =
  | { kind: 'start' }
  | { kind: 'complete'; outcome: string }
  | { kind: 'reassign'; to: TaskAssignee }
  | { kind: 'cancel'; reason: string }
  | { kind: 'check'; itemId: string; done: boolean };

export interface Actor {
  person: Person;
  /** True when this person may work tasks of the task's assignee. */
  mayWork: boolean;
}

const ref = (person: Person): PersonRef => ({ id: person.id, name: person.name });
const isClosed = (task: Task) => task.status === 'done' || task.status === 'canceled';
const isMentor = (person: Person) => person.roles.includes('mentor') || person.roles.includes('admin');

function closedMessage(task: Task): string {
  const last = [...task.history].reverse().find((h) => h.action === 'completed' || h.action === 'canceled');
  const who = last ? ` by ${last.by.name}` : '';
  return task.status === 'done' ? `This task was already completed${who}.` : `This task was already canceled${who}.`;
}

/** Whether `actor` may make `change` to `task` at all (buttons are shown from this; the server checks it again). */
export function mayChange(task: Task, actor: Actor, change: TaskChange['kind']): boolean {
  if (isClosed(task)) return false;
  if (change === 'cancel') return actor.mayWork || actor.person.id === task.requester.id || isMentor(actor.person);
  if (change === 'start') return actor.mayWork && task.status === 'open';
  return actor.mayWork;
}

/** Applies one change; throws DomainError('conflict' | 'forbidden' | 'invalid_input') when it cannot be made. */
export function applyTaskChange(task: Task, change: TaskChange, actor: Actor, now: Date): Task {
  if (isClosed(task)) throw new DomainError('conflict', closedMessage(task));
  if (!mayChange(task, actor, change.kind)) {
    if (change.kind === 'start' && task.status === 'in_progress') throw new DomainError('conflict', 'This task is already in progress.');
    throw new DomainError('forbidden', `Only ${task.assignee.name} can do that with this task${change.kind === 'cancel' ? ', or the person who asked for it' : ''}.`);
  }
  const at = now.toISOString();
  const entry = (action: TaskHistoryEntry['action'], detail?: string): TaskHistoryEntry => ({ at, by: ref(actor.person), action, ...(detail ? { detail } : {}) });
  const next: Task = { ...task, updatedAt: at };
  switch (change.kind) {
    case 'start':
      return { ...next, status: 'in_progress', history: [...task.history, entry('started')] };
    case 'complete': {
      const outcome = change.outcome.trim();
      if (!outcome) throw new DomainError('invalid_input', 'Say how the task ended before completing it.');
      const missing = task.checklist.filter((i) => i.required && !i.done);
      if (missing.length) throw new DomainError('invalid_input', `Tick the required checklist items first: ${missing.map((i) => i.text).join('; ')}.`);
      return { ...next, status: 'done', outcome, history: [...task.history, entry('completed', outcome)] };
    }
    case 'reassign': {
      if (change.to.kind === task.assignee.kind && change.to.id === task.assignee.id) throw new DomainError('invalid_input', `The task is already with ${task.assignee.name}.`);
      return { ...next, assignee: change.to, status: 'open', history: [...task.history, entry('reassigned', `from ${task.assignee.name} to ${change.to.name}`)] };
    }
    case 'cancel': {
      const reason = change.reason.trim();
      if (!reason) throw new DomainError('invalid_input', 'Say why the task is canceled.');
      return { ...next, status: 'canceled', cancelReason: reason, history: [...task.history, entry('canceled', reason)] };
    }
    case 'check': {
      const item = task.checklist.find((i) => i.id === change.itemId);
      if (!item) throw new DomainError('invalid_input', 'That checklist item is not on this task any more.');
      if (item.done === change.done) return task;
      const checklist = task.checklist.map((i) => (i.id === item.id ? (change.done ? { ...i, done: true, doneBy: ref(actor.person), doneAt: at } : { id: i.id, text: i.text, required: i.required, ...(i.group ? { group: i.group } : {}), done: false }) : i));
      return { ...next, checklist, history: [...task.history, entry(change.done ? 'checked' : 'unchecked', item.text)] };
    }
  }
}
