import { container, facts, text, type CardElement } from '../../../shared/cards';
import type { Account, Unit } from '../accounts.schemas';
import { daysBetween, formatDate, formatMoney } from './format';

/** Auctions this close (in days) get the strongest highlight. */
export const AUCTION_SOON_DAYS = 3;

/**
 * Days past due on `today` (the location's local date): blank for a current unit, otherwise the days
 * since `pastDueSince`, where that due date itself is day 0.
 */
export function daysPastDue(unit: Unit, today: string): string {
  if (unit.status === 'Current') return '';
  if (!unit.pastDueSince) return 'unknown';
  return String(Math.max(0, daysBetween(unit.pastDueSince, today)));
}

function auctionNotice(auctionDate: string, today: string): CardElement {
  const days = daysBetween(today, auctionDate);
  const when = days < 0 ? 'was on' : days === 0 ? 'is TODAY,' : days === 1 ? 'is tomorrow,' : `in ${days} days,`;
  const soon = days >= 0 && days <= AUCTION_SOON_DAYS;
  return container([text(`Auction ${when} ${formatDate(auctionDate)}`, { weight: 'Bolder', color: soon ? 'Attention' : 'Warning' })], {
    style: soon ? 'attention' : 'warning',
    spacing: 'Small',
  });
}

/** One unit: description, status, money, dates and any overlock, auction or promise to pay. */
export function unitSection(unit: Unit, today: string): CardElement {
  const title: CardElement = {
    type: 'RichTextBlock',
    inlines: [
      { type: 'TextRun', text: `Unit ${unit.id}`, weight: 'Bolder' },
      { type: 'TextRun', text: ` · ${unit.size} ${unit.type} · ` },
      { type: 'TextRun', text: unit.status, weight: 'Bolder', color: unit.status === 'Current' ? 'Good' : 'Attention' },
    ],
  };
  const items: CardElement[] = [
    title,
    facts([
      ['Rent', formatMoney(unit.rentCents)],
      ['Next due', formatDate(unit.nextDueDate)],
      ['Last payment', unit.lastPaymentDate ? formatDate(unit.lastPaymentDate) : 'none'],
      ['Paid to', formatDate(unit.paidToDate)],
      ['Days past due', daysPastDue(unit, today)],
      ['Amount due', formatMoney(unit.amountDueCents)],
    ]),
  ];
  if (unit.overlock) items.push(text('Overlocked', { weight: 'Bolder', color: 'Warning', spacing: 'Small' }));
  if (unit.auctionDate) items.push(auctionNotice(unit.auctionDate, today));
  if (unit.promiseToPay) {
    const p = unit.promiseToPay;
    items.push(text(`Promise to pay: ${formatMoney(p.amountCents)} by ${formatDate(p.date)} (set by ${p.setBy.name})`, { spacing: 'Small' }));
  }
  return container(items, { style: 'emphasis', spacing: 'Small' });
}

/** The units (at most `maxUnits`, then "and N more units") and the next collection event. */
export function unitsSection(account: Account, today: string, maxUnits: number): CardElement[] {
  const shown = account.units.slice(0, Math.max(0, maxUnits));
  const hidden = account.units.length - shown.length;
  const out: CardElement[] = [text(account.units.length === 1 ? 'Unit' : `Units (${account.units.length})`, { weight: 'Bolder', separator: true, spacing: 'Medium' })];
  if (!account.units.length) out.push(text('No rented units.', { isSubtle: true, spacing: 'None' }));
  out.push(...shown.map((unit) => unitSection(unit, today)));
  if (hidden > 0) out.push(text(`…and ${hidden} more ${hidden === 1 ? 'unit' : 'units'}, not shown here.`, { isSubtle: true, spacing: 'Small' }));
  if (account.collection) {
    const c = account.collection;
    const paused = account.units.some((u) => u.promiseToPay) ? ' (a promise to pay pauses collection events)' : '';
    out.push(text(`Next collection event: **${formatDate(c.nextEventDate)}** · ${c.nextEventType}${paused}`, { spacing: 'Small' }));
  }
  return out;
}
