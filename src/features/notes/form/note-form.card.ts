import { adaptiveCard, heading, notice, text, type AdaptiveCard, type CardAction, type CardElement } from '../../../shared/cards';
import { executeAction, fieldError, textInput } from '../../../shared/form-parts';
import { dispositionValue, PICKABLE_DISPOSITIONS } from '../dispositions';
import { RELATIONSHIPS } from '../notes.schemas';
import type { NoteFormView } from './note-compose.service';
import { ALL_UNITS, NOTE_LIMITS, NOTE_VERBS, type NoteValues } from './note-form.schemas';

/** "Add note" for the customer card: the note form replaces the card (Action.Execute). */
export function addNoteAction(accountId: string): CardAction {
  return { type: 'Action.Execute', title: 'Add note', verb: NOTE_VERBS.open, data: { accountId } };
}

/** "Correct" on one note of the customer card: the form, filled from that note. */
export function correctNoteAction(accountId: string, noteId: string): CardAction {
  return { type: 'Action.Execute', title: 'Correct', verb: NOTE_VERBS.correct, data: { accountId, noteId } };
}

/** What every button of the form sends besides the inputs. */
function formData(view: NoteFormView): Record<string, string> {
  return { accountId: view.accountId, submissionId: view.submissionId, ...(view.corrects ? { correctsNoteId: view.corrects.id } : {}) };
}

const DISPOSITION_CHOICES = PICKABLE_DISPOSITIONS.map((d) => ({ title: dispositionValue(d), value: dispositionValue(d) }));

function multiline(id: keyof typeof NOTE_LIMITS, label: string, value: string, placeholder: string): CardElement {
  return { ...textInput(id, label, { value, maxLength: NOTE_LIMITS[id], placeholder }), isMultiline: true };
}

function toggle(id: keyof NoteValues, title: string, on: boolean): CardElement {
  return { type: 'Input.Toggle', id, title, value: on ? 'true' : 'false', valueOn: 'true', valueOff: 'false', wrap: true };
}

function unitsInput(view: NoteFormView): CardElement[] {
  const { units, values } = view;
  if (units.length === 1) return [text(`For ${units[0]!.label}`, { spacing: 'Medium' }), { type: 'Input.Text', id: 'units', value: units[0]!.id, isVisible: false }];
  const choices = [{ title: `All ${units.length} units (one note on each)`, value: ALL_UNITS }, ...units.map((u) => ({ title: u.label, value: u.id }))];
  return [{ type: 'Input.ChoiceSet', id: 'units', label: 'For which units', isMultiSelect: true, style: 'expanded', choices, value: values.units }];
}

/** A quick response to fill the texts from, and its "Fill in" button (keeps everything else typed). */
function quickResponsePicker(view: NoteFormView): CardElement[] {
  if (!view.quickResponses.length) return [];
  const choices = view.quickResponses.map((q) => ({ title: q.title, value: q.id }));
  const fill = executeAction('Fill in', NOTE_VERBS.fill, formData(view));
  return [
    {
      type: 'ColumnSet',
      columns: [
        { type: 'Column', width: 'stretch', items: [{ type: 'Input.ChoiceSet', id: 'quickResponse', label: 'Quick response', style: 'compact', placeholder: 'Start from a ready-made text', choices }] },
        { type: 'Column', width: 'auto', verticalContentAlignment: 'Bottom', items: [{ type: 'ActionSet', actions: [fill] }] },
      ],
    },
  ];
}

/**
 * The note form in the 4E layout (customer information, reason, resolution, additional info,
 * follow-up), the disposition as a filtered list (type to narrow it down; works without Data.Query),
 * the units, and the flags. What was typed comes back in `view.values`; problems under their fields.
 */
export function noteFormCard(view: NoteFormView, cancel: CardAction): AdaptiveCard {
  const { values, errors } = view;
  const body: CardElement[] = [
    ...heading(view.corrects ? 'Correct a note' : 'Add a note', `${view.name} · ID ${view.maskedId}`),
    ...(view.corrects ? [notice(`This corrects the note of ${view.corrects.createdAt.slice(0, 10)} by ${view.corrects.author}. That note stays as it is; the new one says it corrects it.`, 'accent')] : []),
    ...(Object.keys(errors).length ? [notice('Some fields need a look before the note can be saved.', 'warning')] : []),
    ...(view.notice ? [notice(view.notice, 'accent')] : []),
    ...quickResponsePicker(view),
    text('Customer information', { weight: 'Bolder', spacing: 'Medium' }),
    textInput('callerName', 'Who called', { value: values.callerName, maxLength: NOTE_LIMITS.callerName, placeholder: 'Their name' }),
    ...fieldError(errors.callerName),
    { type: 'Input.ChoiceSet', id: 'callerRelationship', label: 'Relationship to the account holder', style: 'compact', choices: RELATIONSHIPS.map((r) => ({ title: r, value: r })), value: values.callerRelationship },
    ...fieldError(errors.callerRelationship),
    multiline('reason', 'Reason', values.reason, 'Why the customer called, or why we called them'),
    ...fieldError(errors.reason),
    multiline('resolution', 'Resolution', values.resolution, 'What was done: actions, amounts, time frames, changes (from and to)'),
    ...fieldError(errors.resolution),
    multiline('additionalInfo', 'Additional info', values.additionalInfo, 'Anything the next agent should know'),
    multiline('followUp', 'Follow-up', values.followUp, 'Callbacks or tasks promised, with when; N/A if none'),
    { type: 'Input.ChoiceSet', id: 'disposition', label: 'Disposition', style: 'filtered', placeholder: 'Type to filter, e.g. Promised to Pay', choices: DISPOSITION_CHOICES, value: values.disposition },
    ...fieldError(errors.disposition),
    ...unitsInput(view),
    ...fieldError(errors.units),
    toggle('urgent', 'Urgent: post it to the store now', values.urgent),
    toggle('collection', 'Collection note', values.collection),
    toggle('critical', 'Critical: pin it on the card for as long as they have the account', values.critical),
    toggle('quoteRequested', 'The customer asked for their own words to be quoted', values.quoteRequested),
  ];
  const save = executeAction('Check and save', NOTE_VERBS.submit, formData(view), 'positive');
  return adaptiveCard(body, [save, cancel]);
}
