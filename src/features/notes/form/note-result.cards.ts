import { adaptiveCard, container, heading, notice, text, type AdaptiveCard, type CardAction, type CardElement } from '../../../shared/cards';
import { executeAction } from '../../../shared/form-parts';
import type { NoteFinding } from '../checks/note-check.types';
import type { Note } from '../notes.schemas';
import type { NoteAccountView, NoteReviewView, NoteSavedView } from './note-compose.service';
import { NOTE_VERBS } from './note-form.schemas';

/** A note in the 4E layout, one field a line, "N/A" where nothing was written. */
export function fourELines(note: Pick<Note, 'caller' | 'reason' | 'resolution' | 'additionalInfo' | 'followUp'>): string {
  return [
    `**Customer information:** ${note.caller.name} (${note.caller.relationship})`,
    `**Reason:** ${note.reason}`,
    `**Resolution:** ${note.resolution}`,
    `**Additional info:** ${note.additionalInfo?.trim() || 'N/A'}`,
    `**Follow-up:** ${note.followUp?.trim() || 'N/A'}`,
  ].join('\n\n');
}

function findingLine(finding: NoteFinding): CardElement {
  const mark = finding.severity === 'block' ? '⛔' : '⚠';
  const lines = [text(`${mark} ${finding.message}`, finding.severity === 'block' ? { color: 'Attention', weight: 'Bolder' } : {})];
  const quoted = finding.excerpt && /^["“']/.test(finding.excerpt) ? finding.excerpt : `“${finding.excerpt}”`;
  if (finding.excerpt) lines.push(text(quoted, { isSubtle: true, size: 'Small', spacing: 'None' }));
  return container(lines, { spacing: 'Small' });
}

/**
 * What the checks found, before saving: "Edit" brings the form back with everything typed; "Save
 * anyway" saves as typed, and is not offered while something blocks saving (card numbers, IDs...).
 */
export function noteReviewCard(view: NoteReviewView): AdaptiveCard {
  const blocking = view.findings.some((f) => f.severity === 'block');
  const data = { accountId: view.accountId, submissionId: view.submissionId, ...(view.correctsNoteId ? { correctsNoteId: view.correctsNoteId } : {}), ...view.values };
  const body: CardElement[] = [
    ...heading('Check the note before saving', `${view.name} · ID ${view.maskedId}`),
    notice(
      blocking
        ? 'This note cannot be saved with the items marked ⛔. Edit brings your note back with them masked; check that it still reads right.'
        : 'The notes policy flags these. Fix them, or save anyway if they are right.',
      blocking ? 'attention' : 'warning',
    ),
    ...view.findings.map(findingLine),
  ];
  const actions = [executeAction('Edit', NOTE_VERBS.edit, data), ...(blocking ? [] : [executeAction('Save anyway', NOTE_VERBS.saveAnyway, data)])];
  return adaptiveCard(body, actions);
}

function urgentLine(urgent: NoteSavedView['urgent']): CardElement[] {
  if (!urgent) return [];
  if (urgent.sent) return [text('The urgent note was posted to the store’s channel.', { color: 'Good', spacing: 'Small' })];
  const why = urgent.reason === 'not_linked' ? 'no chat is linked for this store yet (an admin can run "link location")' : 'Teams did not take the message';
  return [notice(`The note is saved, but the urgent message did not go out: ${why}. Call the store instead.`, 'attention')];
}

/** The saved note(s), in the 4E layout, and whether the urgent message went out. */
export function noteSavedCard(view: NoteSavedView, openAccount: CardAction): AdaptiveCard {
  const note = view.notes[0]!;
  const units = view.notes.map((n) => n.unitIds.join(', ')).join(', ');
  const body: CardElement[] = [
    ...heading('Note saved', `${view.name} · ID ${view.maskedId}`),
    notice(view.replayed ? 'This note was already saved; nothing new was written.' : `Saved on ${view.notes.length === 1 ? 'unit' : `${view.notes.length} units:`} ${units}.`, 'good'),
    ...urgentLine(view.urgent),
    text(`${note.disposition.category} › ${note.disposition.name}`, { isSubtle: true, size: 'Small', spacing: 'Medium' }),
    text(fourELines(note), { spacing: 'Small' }),
  ];
  return adaptiveCard(body, [openAccount]);
}

/** The message a store's channel gets for an urgent note: URGENT first, the note, and the account. */
export function urgentNoteCard(note: Note, account: NoteAccountView, openAccount: CardAction): AdaptiveCard {
  const body: CardElement[] = [
    text(`URGENT · ${account.name} · ID ${account.maskedId}`, { weight: 'Bolder', size: 'Large', color: 'Attention' }),
    text(`Unit ${note.unitIds.join(', ')} · ${note.disposition.category} › ${note.disposition.name} · filed by ${note.author.name}`, { isSubtle: true, spacing: 'None' }),
    text(fourELines(note), { spacing: 'Medium' }),
  ];
  return adaptiveCard(body, [openAccount]);
}
