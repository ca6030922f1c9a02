import { z } from 'zod/v4';
import { memoFor } from '../../../shared/schema-memo';
import type { TaskFieldDef, TaskType } from '../tasks.schemas';
import { TEXT_FORMATS } from './task-types';

/** A task form's values once read: dates YYYY-MM-DD, times HH:MM, phones 10 digits, money in cents. */
export type TaskFieldValues = Record<string, string | number>;
/** What the checks need to know: `today` is the location's date, YYYY-MM-DD. */
export interface TaskFieldContext {
  today: string;
}
export type TaskFieldsResult = { ok: true; values: TaskFieldValues } | { ok: false; errors: Record<string, string> };

/** Longest text kept when a field names no `maxLength`. */
export const DEFAULT_MAX_LENGTH = { text: 200, multiline: 2000 } as const;
/** A sanity limit on amounts, in dollars. */
export const MAX_DOLLARS = 1_000_000;

/** One field read: its value or what is wrong with it. */
export type TaskFieldRead = { value: string | number } | { error: string };

const MISSING: Record<TaskFieldDef['kind'], string> = {
  text: 'Fill this in.',
  multiline: 'Fill this in.',
  date: 'Pick a date.',
  time: 'Enter a time.',
  choice: 'Choose one of the options.',
  phone: 'Enter a phone number.',
  money: 'Enter an amount.',
};

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function readDate(text: string, def: TaskFieldDef, context: TaskFieldContext): TaskFieldRead {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return { error: 'Enter the date as YYYY-MM-DD.' };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { error: 'That date does not exist.' };
  if (def.notPast && text < context.today) return { error: 'Pick a date that is not in the past.' };
  return { value: text };
}

function readTime(text: string): TaskFieldRead {
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(text);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return { error: 'Enter the time as HH:MM, like 14:30.' };
  return { value: `${m[1]!.padStart(2, '0')}:${m[2]}` };
}

function readChoice(text: string, def: TaskFieldDef): TaskFieldRead {
  const choice = def.choices?.find((c) => c.toLowerCase() === text.toLowerCase());
  return choice === undefined ? { error: 'Choose one of the listed options.' } : { value: choice };
}

/** 10 digits, or 11 with the country code 1, with only spaces, dots, dashes and brackets around them. */
function readPhone(text: string): TaskFieldRead {
  const digits = /^\+?[\d\s().-]+$/.test(text) ? text.replace(/\D/g, '') : '';
  const ten = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits.length === 10 && !text.startsWith('+') ? digits : '';
  // North American area codes and exchanges never start with 0 or 1.
  if (!/^[2-9]\d{2}[2-9]\d{6}$/.test(ten)) return { error: 'Enter a 10-digit phone number, like (503) 555-0134.' };
  return { value: ten };
}

function readMoney(text: string): TaskFieldRead {
  const compact = text.replace(/\s/g, '');
  if (/^(-\$?|\$-|\()\d/.test(compact)) return { error: 'The amount cannot be negative.' };
  const m = /^\$?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d{1,2}))?$/.exec(compact);
  if (!m || (m[1] === undefined && m[2] === undefined)) return { error: 'Enter an amount in dollars, like 125.00.' };
  const dollars = Number((m[1] ?? '0').replace(/,/g, ''));
  if (dollars > MAX_DOLLARS) return { error: `That amount is too large: at most $${MAX_DOLLARS.toLocaleString('en-US')}.` };
  return { value: dollars * 100 + Number((m[2] ?? '').padEnd(2, '0')) };
}

function readText(text: string, def: TaskFieldDef, typeId: string): TaskFieldRead {
  const max = def.maxLength ?? (def.kind === 'multiline' ? DEFAULT_MAX_LENGTH.multiline : DEFAULT_MAX_LENGTH.text);
  if (text.length > max) return { error: `Keep this to ${max} characters or fewer (it has ${text.length}).` };
  const format = TEXT_FORMATS[`${typeId}.${def.id}`];
  if (!format) return { value: text };
  const tidy = format.normalise ? format.normalise(text) : text;
  return format.pattern.test(tidy) ? { value: tidy } : { error: format.message };
}

/** Reads one raw card input (text, a number, empty, null or missing) by the field's kind. */
export function readTaskField(def: TaskFieldDef, raw: unknown, context: TaskFieldContext, typeId = ''): TaskFieldRead | undefined {
  if (raw !== undefined && raw !== null && typeof raw !== 'string' && typeof raw !== 'number') return { error: 'This value could not be read; enter it again.' };
  const text = raw === undefined || raw === null ? '' : String(raw).trim();
  if (!text) return def.required ? { error: MISSING[def.kind] } : undefined;
  switch (def.kind) {
    case 'date': return readDate(text, def, context);
    case 'time': return readTime(text);
    case 'choice': return readChoice(text, def);
    case 'phone': return readPhone(text);
    case 'money': return readMoney(text);
    default: return readText(text, def, typeId);
  }
}

/** A zod schema for one field: the typed value, undefined when an optional field is left empty. */
export function taskFieldSchema(def: TaskFieldDef, context: TaskFieldContext, typeId = ''): z.ZodType<string | number | undefined> {
  return z.unknown().transform((raw, ctx) => {
    const read = readTaskField(def, raw, context, typeId);
    if (read && 'error' in read) {
      ctx.issues.push({ code: 'custom', message: read.error, input: raw });
      return z.NEVER;
    }
    return read?.value;
  });
}

/**
 * A zod schema over a task type's raw form inputs (the card's data; other keys are dropped), giving
 * the typed values. Empty optional fields are left out. Each failing field has one issue at its id.
 */
export function taskFieldsSchema(type: Pick<TaskType, 'id' | 'fields'>, context: TaskFieldContext): z.ZodType<TaskFieldValues> {
  // Built once per type and day (the checks depend on today), not per form read.
  return memoFor(type, context.today, () => {
    const shape = Object.fromEntries(type.fields.map((def) => [def.id, taskFieldSchema(def, context, type.id)]));
    return z.object(shape).transform((values) => {
      const kept = Object.entries(values).filter((entry): entry is [string, string | number] => entry[1] !== undefined);
      return Object.fromEntries(kept);
    });
  });
}

/** Reads a task form: the values, or one friendly message per field that is wrong. */
export function readTaskFields(type: Pick<TaskType, 'id' | 'fields'>, raw: unknown, context: TaskFieldContext): TaskFieldsResult {
  const input = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {};
  const parsed = taskFieldsSchema(type, context).safeParse(input);
  if (parsed.success) return { ok: true, values: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const id = String(issue.path[0] ?? 'form');
    errors[id] ??= issue.message;
  }
  return { ok: false, errors };
}
