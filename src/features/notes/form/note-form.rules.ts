import { dispositionFromValue, type Disposition } from '../dispositions';
import { RELATIONSHIPS, type Note } from '../notes.schemas';
import { ALL_UNITS, type NoteErrors, type NoteValues } from './note-form.schemas';

export type ReadNoteForm = { ok: true; caller: Note['caller']; disposition: Disposition; unitIds: string[] } | { ok: false; errors: NoteErrors };

const isRelationship = (value: string): value is Note['caller']['relationship'] => (RELATIONSHIPS as readonly string[]).includes(value);

/**
 * Reads the note form against the account's units: who called, reason, resolution, a disposition
 * of the taxonomy and at least one of the account's units ("all units" means every one). Pure.
 */
export function readNoteForm(values: NoteValues, accountUnitIds: readonly string[]): ReadNoteForm {
  const errors: NoteErrors = {};
  const callerName = values.callerName.trim();
  if (!callerName) errors.callerName = 'Who called? Type their name.';
  if (!isRelationship(values.callerRelationship)) errors.callerRelationship = 'Pick how the caller is related to the account holder.';
  if (!values.reason.trim()) errors.reason = 'Say why the customer called or was contacted.';
  if (!values.resolution.trim()) errors.resolution = 'Say what was done on the call, even if nothing was resolved.';
  const disposition = dispositionFromValue(values.disposition);
  if (!disposition) errors.disposition = values.disposition.trim() ? 'That disposition is not in the list. Pick one from the list.' : 'Pick the disposition that fits the call.';
  const chosen = values.units.split(',').map((u) => u.trim()).filter(Boolean);
  const unitIds = chosen.includes(ALL_UNITS) ? [...accountUnitIds] : accountUnitIds.filter((id) => chosen.includes(id));
  if (accountUnitIds.length === 0) errors.units = 'This account has no units, so a note cannot be filed on it here.';
  else if (unitIds.length === 0 || chosen.some((u) => u !== ALL_UNITS && !accountUnitIds.includes(u))) errors.units = 'Pick the unit or units this note is for.';
  if (Object.keys(errors).length || !disposition || !isRelationship(values.callerRelationship)) return { ok: false, errors };
  return { ok: true, caller: { name: callerName, relationship: values.callerRelationship }, disposition, unitIds };
}
