import { z } from 'zod/v4';
import { RELATIONSHIPS } from '../notes.schemas';

/** Card verbs of the note form; the cards and the routes use the same constants. */
export const NOTE_VERBS = {
  /** "Add note" on the customer card: a fresh form. */
  open: 'note.open',
  /** The form's "Check and save": validates, runs the note checks, saves when they find nothing. */
  submit: 'note.submit',
  /** The review card's "Save anyway" (only when no finding blocks). */
  saveAnyway: 'note.saveAnyway',
  /** The review card's "Edit": the form again with what was typed. */
  edit: 'note.edit',
  /** The form's "Fill in": the chosen quick response's texts replace the reason, resolution and follow-up. */
  fill: 'note.fill',
  /** "Correct" on a note of the customer card: the form, filled from that note, saving a new note that corrects it. */
  correct: 'note.correct',
} as const;
/** Every verb under this prefix that is not one of the above is answered as out of date. */
export const NOTE_VERB_PREFIX = /^note\./;

/** The unit choice that means "add the note to every unit of the account". */
export const ALL_UNITS = '*all';

/** Longest text each field takes (the stored note's limits). */
export const NOTE_LIMITS = { callerName: 120, reason: 2000, resolution: 4000, additionalInfo: 2000, followUp: 1000 } as const;

const accountId = z.string().regex(/^\d{6,10}$/);
/** Teams sends inputs as text (an empty one as "", null or not at all); a number is read as its text. */
const field = (max: number) => z.union([z.string().max(max), z.number().finite().transform(String)]).nullish().transform((v) => v ?? '');
/** A toggle comes back as "true"/"false" (or a boolean from some clients). */
const toggle = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).nullish().transform((v) => v ?? false);

export const noteOpenSchema = z.object({ accountId });
const noteId = z.string().regex(/^[\w:-]{1,200}$/);
export const noteCorrectSchema = z.object({ accountId, noteId });

/** What the form sends: the account, the id made with the form, and every input as typed. */
export const noteSubmitSchema = z.object({
  accountId,
  submissionId: z.uuid(),
  /** The note this one corrects (from the card: checked against the account's notes before use). */
  correctsNoteId: noteId.optional(),
  callerName: field(NOTE_LIMITS.callerName),
  callerRelationship: field(40),
  reason: field(NOTE_LIMITS.reason),
  resolution: field(NOTE_LIMITS.resolution),
  additionalInfo: field(NOTE_LIMITS.additionalInfo),
  followUp: field(NOTE_LIMITS.followUp),
  disposition: field(200),
  units: field(400),
  urgent: toggle,
  collection: toggle,
  critical: toggle,
  quoteRequested: toggle,
  /** The quick response picked in the form (only "Fill in" reads it). */
  quickResponse: z.string().max(64).nullish().transform((v) => v ?? ''),
});
export type NoteSubmit = z.infer<typeof noteSubmitSchema>;

/** What was typed, kept as typed, to show again. */
export type NoteValues = Omit<NoteSubmit, 'accountId' | 'submissionId' | 'quickResponse' | 'correctsNoteId'>;

/** The problem with each field, in words for the agent. */
export type NoteErrors = Partial<Record<'callerName' | 'callerRelationship' | 'reason' | 'resolution' | 'disposition' | 'units', string>>;

export const EMPTY_VALUES: NoteValues = {
  callerName: '',
  callerRelationship: RELATIONSHIPS[0],
  reason: '',
  resolution: '',
  additionalInfo: '',
  followUp: '',
  disposition: '',
  units: '',
  urgent: false,
  collection: false,
  critical: false,
  quoteRequested: false,
};
