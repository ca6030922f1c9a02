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
