import { container, text, type CardAction, type CardElement } from '../../../shared/cards';
import type { Note } from '../../notes/notes.schemas';
import { clip, formatDate, formatDateTime, localDate } from './format';

/** How much of a note's text a card shows: `short` characters per field, `full` when expanded (0: no "View more"). */
export interface NoteTextLimits {
  short: number;
  full: number;
}

/** At most this many critical notes are pinned; the rest are counted. */
export const MAX_CRITICAL_NOTES = 5;

/** Critical notes pinned at the top, one line each. */
export function criticalNotesSection(notes: Note[], timeZone: string, lineChars = 160): CardElement[] {
  if (!notes.length) return [];
  const shown = newestFirst(notes).slice(0, MAX_CRITICAL_NOTES);
  const lines = shown.map((n) =>
    text(`**${formatDate(localDate(new Date(n.createdAt), timeZone))}** · ${n.author.name}: ${clip(`${n.reason} → ${n.resolution}`, lineChars)}`, { spacing: 'Small' }),
  );
  const more = notes.length - shown.length;
  return [
    container(
      [
        text(`⚠ Critical notes (${notes.length})`, { weight: 'Bolder', color: 'Attention' }),
        ...lines,
        ...(more > 0 ? [text(`…and ${more} more critical ${more === 1 ? 'note' : 'notes'}.`, { isSubtle: true, spacing: 'Small' })] : []),
      ],
      { style: 'attention', spacing: 'Medium' },
    ),
  ];
}

export function newestFirst(notes: Note[]): Note[] {
  return [...notes].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

function noteHeader(note: Note, timeZone: string): CardElement {
  const author = note.author.title ? `${note.author.name} (${note.author.title})` : note.author.name;
  const flags = [
    ...(note.flags.urgent ? [{ type: 'TextRun', text: ' URGENT', weight: 'Bolder', color: 'Attention' }] : []),
    ...(note.flags.collection ? [{ type: 'TextRun', text: ' COLLECTION', weight: 'Bolder', color: 'Good' }] : []),
    ...(note.flags.critical ? [{ type: 'TextRun', text: ' CRITICAL', weight: 'Bolder', color: 'Attention' }] : []),
  ];
  return {
    type: 'RichTextBlock',
    inlines: [{ type: 'TextRun', text: formatDateTime(note.createdAt, timeZone), weight: 'Bolder' }, { type: 'TextRun', text: ` · ${author}` }, ...flags],
  };
}

/** The 4E fields as markdown lines, each field cut to `max` characters. */
function noteBody(note: Note, max: number): string {
  const fields: [string, string | undefined][] = [
    ['Reason', note.reason],
    ['Resolution', note.resolution],
    ['Additional info', note.additionalInfo],
    ['Follow-up', note.followUp],
  ];
  return fields
    .filter((f): f is [string, string] => Boolean(f[1]?.trim()))
    .map(([label, value]) => `**${label}:** ${clip(value, max)}`)
    .join('\n\n');
}

function toggle(title: string, ids: string[]): CardElement {
  return { type: 'ActionSet', actions: [{ type: 'Action.ToggleVisibility', title, targetElements: ids }] };
}

/** One note: when, who, flags, disposition, caller, then the 4E text with its own "View more", then its buttons. */
export function noteSection(note: Note, index: number, timeZone: string, limits: NoteTextLimits, actions: CardAction[] = []): CardElement {
  const caller = `Caller: ${note.caller.name} (${note.caller.relationship}) · ${note.disposition.category} › ${note.disposition.name} · Unit ${note.unitIds.join(', ')}`;
  const items: CardElement[] = [noteHeader(note, timeZone), text(clip(caller, 200), { isSubtle: true, size: 'Small', spacing: 'None' })];
  if (note.correctsNoteId) items.push(text('Correction of an earlier note', { isSubtle: true, size: 'Small', spacing: 'None', weight: 'Bolder' }));
  const short = noteBody(note, limits.short);
  const full = limits.full > limits.short ? noteBody(note, limits.full) : short;
  if (full === short) {
    items.push(text(short, { spacing: 'Small' }));
  } else {
    const ids = [`note-${index}-short`, `note-${index}-full`];
    items.push(
      container([text(short), toggle('View more', ids)], { id: ids[0], spacing: 'Small' }),
      container([text(full), toggle('View less', ids)], { id: ids[1], isVisible: false, spacing: 'Small' }),
    );
  }
  if (actions.length) items.push({ type: 'ActionSet', spacing: 'Small', actions });
  return container(items, { separator: true, spacing: 'Medium' });
}
