import type { Note } from '../../notes/notes.schemas';
import type { Person } from '../../people/people.schemas';
import type { Account } from '../accounts.schemas';
import { formatDate, formatMoney } from '../cards/format';
import type { UnitPromise } from './promise.schemas';

/** Disposition of the notes a promise to pay writes. */
export const PROMISE_DISPOSITION = { category: 'Billing', name: 'Promised to Pay' } as const;

/**
 * The id of the note for one unit of a submission: the submission id itself for one unit, with the
 * unit added when the promise covers several (one note per unit), so a replay meets the same ids.
 */
export function promiseNoteId(submissionId: string, unitId: string, unitCount: number): string {
  return unitCount === 1 ? submissionId : `${submissionId}:${unitId}`;
}

/** One 4E note per unit of the promise, written by the agent who set it. */
export function promiseNotes(account: Account, promises: readonly UnitPromise[], author: Person, createdAt: string, submissionId: string): Note[] {
  return promises.map((p) => {
    const unit = account.units.find((u) => u.id === p.unitId);
    const due = unit ? `${formatMoney(unit.amountDueCents)} due${unit.pastDueSince ? ` since ${formatDate(unit.pastDueSince)}` : ''}` : 'balance due';
    return {
      id: promiseNoteId(submissionId, p.unitId, promises.length),
      accountId: account.id,
      unitIds: [p.unitId],
      author: { id: author.id, name: author.name, ...(author.title ? { title: author.title } : {}) },
      createdAt,
      caller: { name: `${account.firstName} ${account.lastName}`, relationship: 'Account holder' },
      reason: `Called about the past-due balance on unit ${p.unitId} (${due}).`,
      resolution: `Customer promised to pay ${formatMoney(p.amountCents)} by ${formatDate(p.date)}; promise recorded on the unit. Collection events for the unit pause until then.`,
      followUp: `If the payment has not posted by ${formatDate(p.date)}, call back and move to the next collection step.`,
      disposition: { ...PROMISE_DISPOSITION },
      flags: { urgent: false, collection: true, critical: false },
    };
  });
}
