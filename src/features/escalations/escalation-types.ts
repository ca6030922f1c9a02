import { z } from 'zod/v4';
import { taskFieldSchema } from '../tasks/catalogue';
import type { EscalationFieldDef, EscalationType } from './escalations.schemas';
import { memoFor } from '../../shared/schema-memo';
import { formatMoney, formatPhone } from '../../shared/money-and-phone';

const CALL_WINDOWS = ['9:00-12:00', '12:00-15:00', '15:00-18:00'] as const;
const why = (label = 'Why', maxLength = 1000): EscalationFieldDef => ({ id: 'why', label, kind: 'multiline', required: true, maxLength });

/**
 * The catalogue of requests: each type's name, hint, what a mentor does with it and its fields.
 * Ids are stable: stored requests refer to them.
 */
export const ESCALATION_TYPES: readonly EscalationType[] = [
  {
    id: 'refund', name: 'Refund or credit', scope: 'account', decides: 'approval',
    use: 'Money back to the customer, or a credit on the account.',
    headline: '{kind} of {amount}',
    fields: [
      { id: 'kind', label: 'Refund or credit', kind: 'choice', required: true, choices: ['Refund', 'Credit'] },
      { id: 'amount', label: 'Amount', kind: 'money', required: true, positive: true },
      why('Reason'),
    ],
  },
  {
    id: 'fee-waiver', name: 'Fee waiver', scope: 'account', decides: 'approval',
    use: 'A fee the customer asks to have taken off.',
    headline: '{fee} waiver ({amount})',
    hint: 'The convenience fee is only waived for AutoPay and for a vacated account.',
    fields: [
      { id: 'fee', label: 'Which fee', kind: 'choice', required: true, choices: ['Late fee', 'Convenience fee', 'Lien fee', 'Auction fee', 'Lock cut fee', 'Administrative fee', 'Other fee'] },
      { id: 'amount', label: 'Amount of the fee', kind: 'money', required: true, positive: true },
      why('Why waive it'),
    ],
  },
  {
    id: 'auction-relief', name: 'Auction relief', scope: 'account', decides: 'approval',
    use: 'The auction is close and the customer cannot pay in full.',
    headline: 'Auction relief ({relief})',
    hint: 'Only a payment in full stops an auction; for a follow-up from the DM, create the DTM - Auction and Lien Status task.',
    fields: [
      { id: 'auctionDate', label: 'Auction date', kind: 'date', required: true, prefill: 'auctionDate' },
      { id: 'relief', label: 'What is asked for', kind: 'choice', required: true, choices: ['Postpone the auction', 'Accept a partial payment', 'Payment arrangement'] },
      { id: 'canPay', label: 'The customer can pay now', kind: 'money', required: false },
      why(),
    ],
  },
  {
    id: 'rent-change', name: 'Rent change', scope: 'account', decides: 'approval',
    use: 'The customer asks for a different monthly rent.',
    headline: 'Rent change to {newRent} a month',
    fields: [
      { id: 'newRent', label: 'New monthly rent', kind: 'money', required: true, positive: true },
      { id: 'effective', label: 'From', kind: 'date', required: true, notPast: true },
      why(),
    ],
  },
  {
    id: 'supervisor-callback', name: 'Supervisor callback', scope: 'account', decides: 'approval',
    use: 'The customer wants a team lead or supervisor to call back.',
    headline: 'Supervisor callback',
    fields: [
      { id: 'phone', label: 'Phone to call', kind: 'phone', required: true, prefill: 'primaryPhone' },
      { id: 'window', label: 'Best time', kind: 'choice', required: false, choices: CALL_WINDOWS },
      why('What it is about'),
    ],
  },
  {
    id: 'kb-question', name: 'KB question', scope: 'kb', decides: 'answer',
    use: 'A policy question the knowledge base could not answer.',
    headline: 'Answer to a KB question',
    fields: [
      { id: 'question', label: 'Question', kind: 'multiline', required: true, maxLength: 2000 },
      { id: 'botAnswer', label: 'What Deskmate answered', kind: 'multiline', required: false, maxLength: 4000 },
      { id: 'context', label: "The agent's context", kind: 'multiline', required: false, maxLength: 2000 },
    ],
  },
];

const byId = new Map(ESCALATION_TYPES.map((type) => [type.id, type]));

/** The type with this id; undefined for an old or forged id. */
export function escalationType(id: string): EscalationType | undefined {
  return byId.get(id);
}

/** The types offered from the customer card. */
export const ACCOUNT_ESCALATION_TYPES: readonly EscalationType[] = ESCALATION_TYPES.filter((t) => t.scope === 'account');
export const KB_QUESTION_TYPE: EscalationType = byId.get('kb-question')!;

export type EscalationFieldValues = Record<string, string | number>;
export type EscalationFieldsResult = { ok: true; values: EscalationFieldValues } | { ok: false; errors: Record<string, string> };

/**
 * A zod schema over a type's raw form inputs (other keys dropped): each field read by the tasks
 * catalogue's field reader (dates, money in cents, phones, choices, lengths), amounts that must be
 * more than zero checked too. Empty optional fields are left out; each failing field has one issue.
 */
export function escalationFieldsSchema(type: EscalationType, context: { today: string }): z.ZodType<EscalationFieldValues> {
  const field = (def: EscalationFieldDef) => {
    const read = taskFieldSchema(def, context, type.id);
    return def.positive ? read.refine((value) => value !== 0, 'The amount must be more than $0.00.') : read;
  };
  // Built once per type and day (the checks depend on today), not per form read.
  return memoFor(type, context.today, () =>
    z.object(Object.fromEntries(type.fields.map((def) => [def.id, field(def)]))).transform((values) => {
      const kept = Object.entries(values).filter((entry): entry is [string, string | number] => entry[1] !== undefined);
      return Object.fromEntries(kept);
    }),
  );
}

/** Reads a type's form: the values, or one friendly message per field that is wrong. */
export function readEscalationFields(type: EscalationType, raw: unknown, context: { today: string }): EscalationFieldsResult {
  const input = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {};
  const parsed = escalationFieldsSchema(type, context).safeParse(input);
  if (parsed.success) return { ok: true, values: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'form')] ??= issue.message;
  return { ok: false, errors };
}


/** A stored field value the way people read it: money as $49.98, phones as (503) 555-0134. */
export function shownValue(def: EscalationFieldDef | undefined, value: string | number | boolean): string {
  if (def?.kind === 'money' && typeof value === 'number') return formatMoney(value);
  if (def?.kind === 'phone' && typeof value === 'string') return formatPhone(value);
  return String(value);
}

/** "Refund of $49.98": the type's headline with the request's values. */
export function headlineOf(type: EscalationType, fields: Record<string, string | number | boolean>): string {
  return type.headline.replace(/\{(\w+)\}/g, (_, id: string) => (fields[id] === undefined ? '' : shownValue(type.fields.find((f) => f.id === id), fields[id]!))).replace(/\s*\(\s*\)/, '');
}
