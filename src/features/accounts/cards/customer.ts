import { adaptiveCard, cardBytes, text, type AdaptiveCard, type CardAction, type CardElement } from '../../../shared/cards';
import type { Location } from '../../locations/locations.schemas';
import type { Note } from '../../notes/notes.schemas';
import type { Account } from '../accounts.schemas';
import { ACCOUNT_VERBS, CARD_BYTE_LIMIT, type CustomerCardAction } from './constants';
import { localDate, safeTimeZone } from './format';
import { contactSection, headerSection, locationSection } from './header';
import { criticalNotesSection, newestFirst, noteSection, type NoteTextLimits } from './notes';
import { unitsSection } from './units';

export interface CustomerCardInput {
  account: Account;
  location?: Location;
  /** Notes flagged critical, pinned at the top. */
  criticalNotes: Note[];
  /** One page of the latest notes; shown newest first. */
  latestNotes: Note[];
  /** Continuation token for the next page of notes; "Show more notes" appears only with one. */
  moreNotesToken?: string;
  /** True when `latestNotes` is an older page (after "Show more notes"), not the newest one. */
  olderNotes?: boolean;
  now: Date;
  /** Units shown before "and N more units"; 10 by default. */
  maxUnits?: number;
  /** Buttons under each note from other features (Correct). */
  noteActions?: (note: Note) => CardAction[];
  /** Buttons about the caller and their contact details (Verify caller, Update contact), under the contacts. */
  contactActions?: CustomerCardAction[];
  /** Buttons from other features (add note, create task, ...); at most 5 are shown, before "Refresh". */
  extraActions?: CustomerCardAction[];
}

/** Leaves room for the activity around the card. */
const BYTE_BUDGET = CARD_BYTE_LIMIT - 2_000;
/** From roomiest to tightest: the first that fits the byte budget is used. */
const NOTE_LIMITS: NoteTextLimits[] = [
  { short: 300, full: 4_000 },
  { short: 300, full: 1_200 },
  { short: 300, full: 600 },
  { short: 300, full: 0 },
  { short: 160, full: 0 },
  { short: 80, full: 0 },
];
const MAX_EXTRA_ACTIONS = 5;

function notesSection(input: CustomerCardInput, timeZone: string, limits: NoteTextLimits): CardElement[] {
  const { account, latestNotes, moreNotesToken, olderNotes } = input;
  const out: CardElement[] = [text(olderNotes ? 'Older notes' : 'Latest notes', { weight: 'Bolder', separator: true, spacing: 'Medium' })];
  if (!latestNotes.length) out.push(text(olderNotes ? 'No older notes.' : 'No notes yet.', { isSubtle: true, spacing: 'None' }));
  out.push(...newestFirst(latestNotes).map((note, i) => noteSection(note, i, timeZone, limits, input.noteActions?.(note) ?? [])));
  const clipped = limits.full === 0 && latestNotes.some((n) => [n.reason, n.resolution, n.additionalInfo ?? '', n.followUp ?? ''].some((f) => f.length > limits.short));
  if (clipped) out.push(text('Long notes are shortened to keep this card within the Teams size limit.', { isSubtle: true, size: 'Small' }));
  if (moreNotesToken) {
    const more = { type: 'Action.Execute', title: 'Show more notes', verb: ACCOUNT_VERBS.moreNotes, data: { accountId: account.id, continuation: moreNotesToken } };
    out.push({ type: 'ActionSet', actions: [more] });
  }
  if (olderNotes) {
    const newest = { type: 'Action.Execute', title: 'Back to the latest notes', verb: ACCOUNT_VERBS.refresh, data: { accountId: account.id } };
    out.push({ type: 'ActionSet', actions: [newest] });
  }
  return out;
}

function render(input: CustomerCardInput, limits: NoteTextLimits): AdaptiveCard {
  const { account, location, now } = input;
  const timeZone = safeTimeZone(location?.timeZone);
  const today = localDate(now, timeZone);
  const body: CardElement[] = [
    ...headerSection(account),
    ...criticalNotesSection(input.criticalNotes, timeZone, Math.min(160, limits.short)),
    ...contactSection(account),
    ...(input.contactActions?.length ? [{ type: 'ActionSet', spacing: 'Small', actions: input.contactActions }] : []),
    ...locationSection(location, now),
    ...unitsSection(account, today, input.maxUnits ?? 10),
    ...notesSection(input, timeZone, limits),
  ];
  const refresh: CardAction = { type: 'Action.Execute', title: 'Refresh', verb: ACCOUNT_VERBS.refresh, data: { accountId: account.id } };
  const card = adaptiveCard(body, [...(input.extraActions ?? []).slice(0, MAX_EXTRA_ACTIONS), refresh]);
  return { ...card, msteams: { width: 'Full' } };
}

/**
 * The customer card: header with the masked id, critical notes, contacts, location, units with their
 * money and collection state, and the latest notes. Long note text is cut (with "View more") as far as
 * needed to keep the card under the Teams size limit.
 */
export function customerCard(input: CustomerCardInput): AdaptiveCard {
  let card = render(input, NOTE_LIMITS[0]!);
  for (const limits of NOTE_LIMITS.slice(1)) {
    if (cardBytes(card) < BYTE_BUDGET) break;
    card = render(input, limits);
  }
  return card;
}
