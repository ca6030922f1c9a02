import type { Account, Unit } from '../features/accounts/accounts.schemas';
import type { Note } from '../features/notes/notes.schemas';
import { addDays, daysBetween, timestampOn } from './demo-accounts';
import { FIRST_NAMES_EN, FIRST_NAMES_FR } from './demo-names';
import { DEMO_AGENTS, DEMO_MENTORS } from './demo-people';
import { createRandom, deriveSeed, type Random } from './random';

export interface GenerateNotesOptions {
  seed: number;
  today: string;
  accounts: Account[];
}

/** A note before it gets its id and author: what the agent wrote, and on which day. */
type Draft = Omit<Note, 'id' | 'accountId' | 'author' | 'createdAt'> & { day: string; author?: Note['author']; at?: string };
type Template = (rng: Random, account: Account, today: string) => Draft | undefined;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const money = (cents: number) => `$${(cents / 100).toFixed(2)}`;
const day = (iso: string) => `${MONTHS[Number(iso.slice(5, 7)) - 1] ?? ''} ${Number(iso.slice(8, 10))}`;
const noFlags = { urgent: false, collection: false, critical: false };
const collection = { urgent: false, collection: true, critical: false };
const holder = (a: Account) => ({ name: `${a.firstName} ${a.lastName}`, relationship: 'Account holder' as const });
const late = (a: Account) => a.units.filter((u) => u.pastDueSince);
/** A day between `from` and yesterday (never after today). */
const dayAfter = (rng: Random, from: string, today: string) => addDays(today, -rng.int(1, Math.max(1, daysBetween(from, today))));

const REASONS_LATE = ['a paycheck came late this month', 'the card on file expired and autopay failed', 'they were travelling and missed the reminder', 'an unexpected car repair took the rent money'];

function caller(rng: Random, account: Account): Note['caller'] {
  if (rng.chance(0.75)) return holder(account);
  const relationship = rng.pick(['Spouse', 'Partner', 'Son', 'Daughter', 'Parent', 'Authorized user'] as const);
  return { name: `${rng.pick(account.language === 'fr' ? FIRST_NAMES_FR : FIRST_NAMES_EN)} ${account.lastName}`, relationship };
}

/** The note an agent wrote when setting the promise to pay already on the unit. */
function promiseNote(rng: Random, account: Account, unit: Unit): Draft | undefined {
  const promise = unit.promiseToPay;
  if (!promise || !unit.pastDueSince) return undefined;
  return {
    day: promise.setAt.slice(0, 10), at: promise.setAt, author: { ...promise.setBy, title: 'Agent' },
    unitIds: [unit.id], caller: caller(rng, account), disposition: { category: 'Billing', name: 'Promised to Pay' }, flags: collection,
    reason: `Called about the past-due balance on unit ${unit.id}; rent has been unpaid since ${day(unit.pastDueSince)}.`,
    resolution: `Went over the balance of ${money(unit.amountDueCents)}${unit.overlock ? ' and explained the overlock stays on until it is paid' : ''}. Promised to pay ${money(promise.amountCents)} by ${day(promise.date)}; promise recorded on the unit.`,
    additionalInfo: `Said ${rng.pick(REASONS_LATE)}.`,
    followUp: `If the payment has not posted by ${day(promise.date)}, call back and move to the next collection step.`,
  };
}

const TEMPLATES: Record<string, Template> = {
  paymentPlan: (rng, a, today) => {
    const unit = late(a)[0];
    if (!unit?.pastDueSince) return undefined;
    const parts = rng.int(2, 3);
    const first = addDays(today, rng.int(2, 9));
    return {
      day: dayAfter(rng, unit.pastDueSince, today), unitIds: [unit.id], caller: caller(rng, a), disposition: { category: 'Billing', name: 'Payment Plan' }, flags: collection,
      reason: `Asked whether the past-due balance on unit ${unit.id} could be paid in parts.`,
      resolution: `Balance is ${money(unit.amountDueCents)}. Set up ${parts} payments of about ${money(Math.ceil(unit.amountDueCents / parts / 100) * 100)}, the first on ${day(first)}, then every two weeks. Late fees stay on the balance.`,
      followUp: `Check on ${day(addDays(first, 1))} that the first payment posted.`,
    };
  },
  auction: (rng, a, today) => {
    const unit = late(a).find((u) => u.auctionDate);
    if (!unit?.auctionDate || !unit.pastDueSince) return undefined;
    const soon = daysBetween(today, unit.auctionDate) <= 3;
    return {
      day: addDays(today, -rng.int(1, 3)), unitIds: [unit.id], caller: holder(a), disposition: { category: 'Billing', name: 'Customer Billing Question' }, flags: { ...collection, urgent: soon },
      reason: `Received the lien notice for unit ${unit.id} and asked what happens next.`,
      resolution: `Explained the unit is set for auction on ${day(unit.auctionDate)} and that paying the full ${money(unit.amountDueCents)} before then cancels it; a partial payment does not. The overlock comes off once the balance is paid.`,
      additionalInfo: soon ? 'Customer was upset about how close the date is; stayed calm and repeated the options.' : undefined,
      followUp: `Customer plans to pay at the store before ${day(unit.auctionDate)}.`,
    };
  },
  gate: (rng, a, today) => {
    const unit = rng.pick(a.units);
    const blocked = unit.status === 'Delinquent';
    return {
      day: dayAfter(rng, unit.moveInDate, today), unitIds: [unit.id], caller: caller(rng, a), disposition: { category: 'Customer Service', name: 'System Status/Test' }, flags: { ...noFlags, urgent: rng.chance(0.3), collection: blocked },
      reason: rng.pick(['Could not get through the gate; the keypad showed "access denied".', 'Gate code stopped working after the customer changed their phone number.', 'Keypad at the entrance beeps twice and the gate stays shut.']),
      resolution: blocked
        ? `Gate access is suspended while the account is past due. Explained access comes back within 15 minutes of paying the ${money(unit.amountDueCents)} balance.`
        : rng.pick([
          'Verified the caller with the last 3 digits of the ID on file. The code had been reset after a keypad update; the store issued a new one and the caller got in within 10 minutes.',
          'Verified identity. The code was tied to the old phone number; asked the store to re-link it. Store confirmed the fix within 30 minutes and the customer got in.',
          'Verified identity and walked the caller through entering the code followed by #. Gate opened on the second try.',
        ]),
    };
  },
  refund: (rng, a, today) => {
    const unit = rng.pick(a.units);
    return {
      day: dayAfter(rng, unit.moveInDate, today), unitIds: [unit.id], caller: holder(a), disposition: { category: 'Billing', name: 'Credit/Refund' }, flags: noFlags,
      reason: rng.pick([`Charged twice for one month's rent on unit ${unit.id}.`, `Autopay took rent for unit ${unit.id} after the customer had already paid at the store.`]),
      resolution: rng.chance(0.5)
        ? `Confirmed the duplicate payment of ${money(unit.rentCents)} and sent a refund to the card it came from; it takes 5 to 7 business days to show.`
        : `Confirmed the extra ${money(unit.rentCents)} payment. Customer chose to keep it as a credit toward next month instead of a refund; credit applied.`,
      followUp: 'If the customer calls back before then, confirm the refund status with billing.',
    };
  },
  vacate: (rng, a, today) => {
    const unit = a.units.find((u) => u.status === 'Current');
    if (!unit) return undefined;
    return {
      day: addDays(today, -rng.int(1, 10)), unitIds: [unit.id], caller: caller(rng, a), disposition: { category: 'Retention - Cancellation', name: 'Moved House' }, flags: noFlags,
      reason: `Wants to move out of unit ${unit.id}.`,
      resolution: `Scheduled the move-out for ${day(addDays(today, rng.int(3, 20)))}. Rent is paid to ${day(unit.paidToDate)} and is not prorated. Reminded them to remove their lock and leave the unit empty and swept.`,
    };
  },
  contact: (rng, a, today) => ({
    day: dayAfter(rng, a.createdAt.slice(0, 10), today), unitIds: a.units.map((u) => u.id), caller: holder(a), disposition: { category: 'Customer Service', name: 'Update Account Information' }, flags: noFlags,
    reason: rng.pick(['Wanted to update the phone number on the account.', 'Moved and needed the mailing details and phone updated.', 'Asked to add a second email for receipts.']),
    resolution: rng.pick([
      'Verified identity with the last 3 digits of the ID, added the new number and made it primary. Payment reminders now go by text.',
      'Verified identity, updated the contact details and re-sent the last receipt so the customer could check the new email works.',
    ]),
  }),
};

const CRITICAL = [
  'Only the account holder may discuss this account. A former partner has called asking for access; give them no information.',
  'Customer is hard of hearing; speak slowly and confirm amounts and dates by email after each call.',
  'Customer is on active military duty; check with a supervisor before any lien or auction step.',
];

function critical(rng: Random, a: Account, today: string): Draft {
  const french = a.language === 'fr';
  return {
    day: dayAfter(rng, a.createdAt.slice(0, 10), today), unitIds: a.units.map((u) => u.id), caller: holder(a), disposition: french ? { category: 'Customer Experience (CE)', name: 'Bilingual Requested' } : { category: 'Customer Service', name: 'Update Account Information' }, flags: { ...noFlags, critical: true },
    reason: french ? 'Asked that the account be handled in French.' : 'Asked us to note how the account must be handled.',
    resolution: french ? 'Customer prefers French; send letters in French and offer a French-speaking agent on calls.' : rng.pick(CRITICAL),
  };
}

/** A few 4E notes for about a third of the customers, plus one for every promise to pay on file. */
export function generateNotes(options: GenerateNotesOptions): Note[] {
  const { today } = options;
  const rng = createRandom(deriveSeed(options.seed, 'notes'));
  const notes: Note[] = [];
  for (const account of options.accounts) {
    if (account.kind !== 'customer' || account.units.length === 0) continue;
    const drafts = account.units.map((u) => promiseNote(rng, account, u)).filter((d): d is Draft => !!d);
    if (rng.chance(0.33)) {
      const pool = late(account).length > 0 ? ['paymentPlan', 'paymentPlan', 'auction', 'gate', 'contact'] : ['gate', 'refund', 'vacate', 'contact'];
      if (account.language === 'fr' && rng.chance(0.4)) drafts.push(critical(rng, account, today));
      const room = Math.max(0, 4 - drafts.length);
      for (let k = room > 0 ? rng.int(1, room) : 0; k > 0; k -= 1) {
        const draft = rng.chance(0.04) ? critical(rng, account, today) : TEMPLATES[rng.pick(pool)]?.(rng, account, today);
        if (draft) drafts.push(draft);
      }
    }
    const dated = drafts.map((d) => ({ ...d, at: d.at ?? timestampOn(d.day, rng), author: d.author ?? { ...(rng.chance(0.85) ? rng.pick(DEMO_AGENTS) : rng.pick(DEMO_MENTORS)) } }));
    dated.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
    dated.forEach(({ day: _day, at, additionalInfo, followUp, ...rest }, k) => {
      notes.push({ id: `${account.id}-n${k + 1}`, accountId: account.id, createdAt: at, ...rest, ...(additionalInfo ? { additionalInfo } : {}), ...(followUp ? { followUp } : {}) });
    });
  }
  return notes;
}
