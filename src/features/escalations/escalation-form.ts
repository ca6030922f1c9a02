import type { Account } from '../accounts/accounts.schemas';
import { maskAccountId } from '../accounts/accounts.service';
import { readEscalationFields, type EscalationFieldValues } from './escalation-types';
import type { EscalationType } from './escalations.schemas';

/** What the request form sends: the unit it is about and the type's own fields (by field id, as text). */
export interface EscalationFormInput {
  unitId: string;
  fields: Record<string, string>;
}

/** The request form as shown: the account, the type, what was typed and the problems. */
export interface EscalationFormView {
  account: { id: string; name: string; maskedId: string; units: { id: string; label: string }[] };
  type: EscalationType;
  submissionId: string;
  /** The store's today (dates that may not be in the past are checked against it). */
  today: string;
  values: EscalationFormInput;
  errors: Partial<Record<string, string>>;
}

export type ReadEscalationForm = { ok: true; unitId: string; fields: EscalationFieldValues } | { ok: false; errors: Record<string, string> };

/** Reads the whole form against the account: the type's fields and the unit. Pure. */
export function readEscalationForm(type: EscalationType, input: EscalationFormInput, context: { account: Account; today: string }): ReadEscalationForm {
  const errors: Record<string, string> = {};
  const fields = readEscalationFields(type, input.fields, { today: context.today });
  if (!fields.ok) Object.entries(fields.errors).forEach(([id, message]) => (errors[`f_${id}`] = message));
  const unit = context.account.units.find((u) => u.id === input.unitId.trim());
  if (!unit) errors.unitId = 'Pick the unit this request is about.';
  if (!fields.ok || !unit) return { ok: false, errors };
  return { ok: true, unitId: unit.id, fields: fields.values };
}

/** The account as the form shows it. */
export function formAccount(account: Account): EscalationFormView['account'] {
  return {
    id: account.id,
    name: `${account.firstName} ${account.lastName}`,
    maskedId: maskAccountId(account.id),
    units: account.units.map((u) => ({ id: u.id, label: `Unit ${u.id} · ${u.size} ${u.type} · ${u.status}` })),
  };
}

/** Values the form starts with from the account: the primary phone, the auction date. */
export function prefill(type: EscalationType, account: Account): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of type.fields) {
    if (field.prefill === 'primaryPhone') out[field.id] = account.phones.find((p) => p.primary)?.number ?? '';
    if (field.prefill === 'auctionDate') out[field.id] = account.units.find((u) => u.auctionDate)?.auctionDate ?? '';
    if (field.prefill === 'balanceDue') {
      const due = account.units.reduce((sum, u) => sum + u.amountDueCents, 0);
      if (due > 0) out[field.id] = (due / 100).toFixed(2);
    }
  }
  return out;
}
