import { text, type CardAction, type CardElement } from './cards';

/** Card parts shared by the card forms (verify caller, promise to pay, notes). Pure functions. */

/**
 * An `Action.Execute` (the card updates in place) with an `Action.Submit` fallback carrying the same
 * data and the verb, for clients without Universal Actions.
 */
export function executeAction(title: string, verb: string, data: Record<string, unknown>, style?: 'positive'): CardAction {
  return {
    type: 'Action.Execute',
    title,
    verb,
    data,
    ...(style ? { style } : {}),
    fallback: { type: 'Action.Submit', title, data: { ...data, verb } },
  };
}

/** A plain `Action.Submit` carrying the verb: for buttons that only show something. */
export function submitAction(title: string, verb: string, data: Record<string, unknown>): CardAction {
  return { type: 'Action.Submit', title, data: { ...data, verb } };
}

/** The problem with a field, shown right under it; nothing when there is none. */
export function fieldError(message: string | undefined): CardElement[] {
  return message ? [text(message, { color: 'Attention', size: 'Small', spacing: 'None' })] : [];
}

/** A text input, with what was typed kept as its value. */
export function textInput(id: string, label: string, options: { value?: string; maxLength: number; placeholder?: string; style?: 'Tel' | 'Email' | 'Text' }): CardElement {
  return {
    type: 'Input.Text',
    id,
    label,
    maxLength: options.maxLength,
    ...(options.placeholder ? { placeholder: options.placeholder } : {}),
    ...(options.style ? { style: options.style } : {}),
    ...(options.value !== undefined ? { value: options.value } : {}),
  };
}

/** A form field as a catalogue defines it (task and request types): what `typedFieldInput` renders. */
export interface TypedFieldDef {
  id: string;
  label: string;
  kind: 'text' | 'multiline' | 'date' | 'time' | 'choice' | 'phone' | 'money';
  required: boolean;
  choices?: readonly string[];
  maxLength?: number;
  placeholder?: string;
  /** A date that may not be before `today`. */
  notPast?: boolean;
}

/** The input for one catalogue field, id `f_<field id>`, with what was typed kept as its value. */
export function typedFieldInput(field: TypedFieldDef, value: string, today: string): CardElement {
  const base = { id: `f_${field.id}`, label: field.label, isRequired: field.required, ...(value ? { value } : {}) };
  switch (field.kind) {
    case 'date':
      return { type: 'Input.Date', ...base, ...(field.notPast ? { min: today } : {}) };
    case 'time':
      return { type: 'Input.Time', ...base };
    case 'choice':
      return { type: 'Input.ChoiceSet', ...base, style: 'compact', choices: (field.choices ?? []).map((c) => ({ title: c, value: c })) };
    default: {
      const placeholder = field.placeholder ?? (field.kind === 'money' ? 'Amount in dollars, e.g. 49.98' : undefined);
      return { type: 'Input.Text', ...base, isMultiline: field.kind === 'multiline', maxLength: field.maxLength ?? (field.kind === 'multiline' ? 2000 : 200), ...(placeholder ? { placeholder } : {}), ...(field.kind === 'phone' ? { style: 'Tel' } : {}) };
    }
  }
}
