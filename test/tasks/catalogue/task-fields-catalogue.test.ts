import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_LENGTH, TASK_TYPES, readTaskFields, taskFieldsSchema } from '../../../src/features/tasks/catalogue';
import type { TaskFieldDef } from '../../../src/features/tasks/tasks.schemas';

const context = { today: '2025-03-08' };

/** A good raw input for a field, as a card sends it, and the value it must read as. */
function good(field: TaskFieldDef): [string, string | number] {
  switch (field.kind) {
    case 'date': return ['2025-03-08', '2025-03-08'];
    case 'time': return ['9:05', '09:05'];
    case 'choice': return [field.choices![0]!, field.choices![0]!];
    case 'phone': return ['+1 (503) 555-0134', '5035550134'];
    case 'money': return ['$1,234.50', 123450];
    default: return [`  ${field.placeholder ?? 'Some words'}  `, field.placeholder ?? 'Some words'];
  }
}

/** Bad raw inputs for a field, each of which must be refused with a message at that field only. */
function bad(field: TaskFieldDef): string[] {
  const max = field.maxLength ?? DEFAULT_MAX_LENGTH[field.kind === 'multiline' ? 'multiline' : 'text'];
  const byKind: Record<TaskFieldDef['kind'], string[]> = {
    date: ['2025-02-30', '03/09/2025', 'tomorrow', ...(field.notPast ? ['2025-03-07'] : [])],
    time: ['25:00', '12:60', 'noon'],
    choice: ['Not one of them'],
    phone: ['555-0134', '503555013', 'call me', '+44 20 7946 0958'],
    money: ['-5', 'ten dollars', '12.345', '1,23'],
    text: ['x'.repeat(max + 1)],
    multiline: ['x'.repeat(max + 1)],
  };
  return [...byKind[field.kind], ...(field.required ? ['', '   '] : [])];
}

const goodInput = (fields: readonly TaskFieldDef[]) => Object.fromEntries(fields.map((f) => [f.id, good(f)[0]]));

describe.each(TASK_TYPES.map((t) => [t.id, t] as const))('the %s form', (_id, type) => {
  it('reads a good input into typed values, dropping keys that are not fields', () => {
    const result = readTaskFields(type, { ...goodInput(type.fields), verb: 'task.create', submissionId: 'abc' }, context);
    expect(result).toEqual({ ok: true, values: Object.fromEntries(type.fields.map((f) => [f.id, good(f)[1]])) });
  });

  it('leaves out the optional fields when they are empty, missing or null', () => {
    const required = type.fields.filter((f) => f.required);
    const optional = type.fields.filter((f) => !f.required);
    const raw = { ...goodInput(required), ...Object.fromEntries(optional.map((f, i) => [f.id, ['', null, '  '][i % 3]])) };
    const result = readTaskFields(type, raw, context);
    expect(result.ok).toBe(true);
    if (result.ok) expect(Object.keys(result.values).sort()).toEqual(required.map((f) => f.id).sort());
  });

  it('refuses each bad field on its own, with one message at that field', () => {
    for (const field of type.fields) {
      for (const value of bad(field)) {
        const result = readTaskFields(type, { ...goodInput(type.fields), [field.id]: value }, context);
        expect(result.ok, `${field.id} = ${JSON.stringify(value)}`).toBe(false);
        if (!result.ok) {
          expect(Object.keys(result.errors)).toEqual([field.id]);
          expect(result.errors[field.id]).toMatch(/^[A-Z].*\.$/);
        }
      }
    }
  });

  it('names every required field when nothing is sent', () => {
    const required = type.fields.filter((f) => f.required).map((f) => f.id);
    const result = readTaskFields(type, undefined, context);
    if (required.length === 0) expect(result).toEqual({ ok: true, values: {} });
    else expect(result.ok === false && Object.keys(result.errors).sort()).toEqual(required.sort());
  });

  it('is also usable as a zod schema', () => {
    const schema = taskFieldsSchema(type, context);
    expect(schema.safeParse(goodInput(type.fields)).success).toBe(true);
    const first = type.fields[0]!;
    const parsed = schema.safeParse({ ...goodInput(type.fields), [first.id]: bad(first)[0] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path)).toEqual([[first.id]]);
  });
});
