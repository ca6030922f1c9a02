/** The customer card's account for the load: 20 notes over its 3 units, as agents write them. */
import type { Account } from '../../src/features/accounts/accounts.schemas';
import { noteSchema, type Note } from '../../src/features/notes/notes.schemas';
import { DEMO_AGENTS, DEMO_MENTORS } from '../../src/demo/demo-people';

const CARD_NOTE_TEXTS: [string, string, { category: string; name: string }][] = [
  ['CT called about a late fee on the last statement.', 'Explained the fee schedule and the due date. CT paid the balance by phone and understood the fee stays.', { category: 'Billing', name: 'Customer Billing Question' }],
  ['CT asked how to get a new gate code.', 'Verified CT with the last 3 of the ID and reset the gate code. CT tested it at the keypad while on the call and it worked.', { category: 'Customer Service', name: 'Update Verbal Password/4-digit PIN' }],
  ['CT wanted to update the email on file.', 'Changed email from old.address@example.com to new.address@example.com and sent a confirmation to the new email.', { category: 'Customer Service', name: 'Update Account Information' }],
  ['CT asked about moving to a bigger unit at the same store.', 'Quoted the balance due from Payment Details and told CT the new unit number comes in the confirmation email.', { category: 'Customer Service', name: 'Account Transfer' }],
];

/** `count` notes on the account, newest last, over its three units; the first one is critical. */
export function cardNotesOf(account: Account, count: number, today: string): Note[] {
  const start = Date.parse(`${today}T15:00:00.000Z`) - count * 2 * 86_400_000;
  return Array.from({ length: count }, (_, k) => {
    const [reason, resolution, disposition] = CARD_NOTE_TEXTS[k % CARD_NOTE_TEXTS.length]!;
    const author = k % 5 === 4 ? DEMO_MENTORS[k % DEMO_MENTORS.length]! : DEMO_AGENTS[k % DEMO_AGENTS.length]!;
    return noteSchema.parse({
      id: `${account.id}-bench-n${k + 1}`,
      accountId: account.id,
      unitIds: [account.units[k % account.units.length]!.id],
      author,
      createdAt: new Date(start + k * 2 * 86_400_000).toISOString(),
      caller: { name: `${account.firstName} ${account.lastName}`, relationship: 'Account holder' },
      reason: k === 0 ? 'Asked us to note how the account must be handled.' : reason,
      resolution: k === 0 ? 'Only the account holder may discuss this account; give no information to anyone else.' : resolution,
      disposition: k === 0 ? { category: 'Customer Service', name: 'Update Account Information' } : disposition,
      flags: { urgent: false, collection: false, critical: k === 0 },
    });
  });
}
