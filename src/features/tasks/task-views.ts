import type { Location } from '../locations/locations.schemas';
import type { Note } from '../notes/notes.schemas';
import type { Person } from '../people/people.schemas';
import { ASSIGNEE_CHOICES, businessDay, dueAt } from './catalogue';
import type { TaskFormInput } from './task-form.rules';
import type { Task, TaskAssignee, TaskType } from './tasks.schemas';
import { dateTimeFormat } from '../../shared/intl';

/** The task form as shown: the account, the type, the computed defaults, what was typed and the problems. */
export interface TaskFormView {
  account: { id: string; name: string; maskedId: string; units: { id: string; label: string }[] };
  type: TaskType;
  submissionId: string;
  /** The location's today (dates may not be before it). */
  today: string;
  assignees: { value: string; title: string }[];
  values: TaskFormInput;
  errors: Partial<Record<string, string>>;
}

/** The choices of "Assign to": `kind:id` values. */
export function assigneeChoices(location: Location): TaskFormView['assignees'] {
  return ASSIGNEE_CHOICES(location).map((a: TaskAssignee) => ({ value: `${a.kind}:${a.id}`, title: a.kind === 'dm' ? `${a.name} (district manager)` : a.name }));
}

/** The default due date and time, in the location's time zone, and its today. */
export function dueDefaults(type: TaskType, location: Location, now: Date): { date: string; time: string; today: string } {
  const due = dueAt(now, type.dueInBusinessHours, location);
  const parts = dateTimeFormat('en-CA', { timeZone: location.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(due);
  return { date: businessDay(due, location), time: parts, today: businessDay(now, location) };
}

/** The account note a task writes when it is created or completed. */
export function taskNote(task: Task, unitId: string, author: Person, what: 'created' | 'completed', now: Date): Note {
  const created = what === 'created';
  return {
    id: `${task.id}:${what}${task.unitIds.length > 1 ? `:${unitId}` : ''}`,
    accountId: task.accountId,
    unitIds: [unitId],
    author: { id: author.id, name: author.name, ...(author.title ? { title: author.title } : {}) },
    createdAt: now.toISOString(),
    caller: { name: task.accountName, relationship: 'Account holder' },
    reason: created ? `Task needed: ${task.category} › ${task.name}.${task.details ? ` ${task.details}` : ''}` : `Task ${task.category} › ${task.name} was completed.`,
    resolution: created
      ? `Created the task "${task.category} › ${task.name}" for ${task.assignee.name}, due ${task.dueAt.slice(0, 16).replace('T', ' ')} UTC.`
      : `Completed by ${author.name}. Outcome: ${task.outcome ?? ''}`,
    followUp: created ? `${task.assignee.name} works the task; the requester is told when it is done.` : 'N/A',
    disposition: { category: 'Deskmate', name: created ? 'Task Created' : 'Task Completed' },
    flags: { urgent: false, collection: false, critical: false },
  };
}
