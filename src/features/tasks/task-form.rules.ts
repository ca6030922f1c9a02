import type { Account } from '../accounts/accounts.schemas';
import type { Location } from '../locations/locations.schemas';
import { ASSIGNEE_CHOICES, businessDay, readTaskFields } from './catalogue';
import type { TaskAssignee, TaskType } from './tasks.schemas';
import { dateTimeFormat } from '../../shared/intl';

/** What the task form sends besides the type's own fields (`fields`, by field id). */
export interface TaskFormInput {
  /** Comma-separated unit ids, or "*all". */
  units: string;
  /** "kind:id" of the assignee choice. */
  assignee: string;
  dueDate: string;
  dueTime: string;
  details: string;
  fields: Record<string, string>;
}

export const ALL_TASK_UNITS = '*all';

export type ReadTaskForm =
  | { ok: true; unitIds: string[]; assignee: TaskAssignee; dueAt: string; details: string; fields: Record<string, string | number> }
  | { ok: false; errors: Record<string, string> };

/** Reads the whole task form against the account and its store: the type's fields, units, assignee, due time. Pure. */
export function readTaskForm(type: TaskType, input: TaskFormInput, context: { account: Account; location: Location; now: Date }): ReadTaskForm {
  const { account, location, now } = context;
  const today = businessDay(now, location);
  const errors: Record<string, string> = {};
  const fields = readTaskFields(type, input.fields, { today });
  if (!fields.ok) Object.entries(fields.errors).forEach(([id, message]) => (errors[`f_${id}`] = message));
  const chosen = input.units.split(',').map((u) => u.trim()).filter(Boolean);
  const all = account.units.map((u) => u.id);
  const unitIds = chosen.includes(ALL_TASK_UNITS) ? all : all.filter((id) => chosen.includes(id));
  if (!unitIds.length || chosen.some((u) => u !== ALL_TASK_UNITS && !all.includes(u))) errors.units = 'Pick the unit or units this task is for.';
  const assignee = ASSIGNEE_CHOICES(location).find((a) => `${a.kind}:${a.id}` === input.assignee);
  if (!assignee) errors.assignee = 'Pick who the task goes to.';
  const dueAt = localToUtc(input.dueDate, input.dueTime, location.timeZone);
  if (!dueAt) errors.due = 'Give a due date (YYYY-MM-DD) and time (HH:MM).';
  else if (input.dueDate < today) errors.due = 'The due date cannot be in the past.';
  const details = input.details.trim();
  if (details.length > 2000) errors.details = 'Keep the details under 2,000 characters.';
  if (Object.keys(errors).length || !fields.ok || !assignee || !dueAt) return { ok: false, errors };
  return { ok: true, unitIds, assignee, dueAt, details, fields: fields.values };
}

/** A wall-clock date and time in `timeZone` as a UTC ISO string; undefined when malformed. */
export function localToUtc(date: string, time: string, timeZone: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return undefined;
  const guess = new Date(`${date}T${time}:00Z`);
  if (Number.isNaN(guess.getTime()) || guess.toISOString().slice(0, 10) !== date) return undefined;
  // The zone's offset at that moment: format the guess in the zone and compare (two passes cover DST edges).
  let utc = guess.getTime();
  for (let pass = 0; pass < 2; pass += 1) {
    const shown = dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(utc));
    const [d, t] = shown.split(', ');
    const asUtc = new Date(`${d}T${t}:00Z`).getTime();
    utc += guess.getTime() - asUtc;
  }
  return new Date(utc).toISOString();
}
