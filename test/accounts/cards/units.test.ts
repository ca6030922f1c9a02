import { describe, expect, it } from 'vitest';
import { customerCard, daysPastDue, formatMoney } from '../../../src/features/accounts/accounts.cards';
import { NOW, account, delinquentUnit, factValue, location, unit, visibleText, walk } from './fixtures';

const cardFor = (units = account().units, now = NOW) =>
  customerCard({ account: account({ units }), location: location(), criticalNotes: [], latestNotes: [], now });

describe('unit details', () => {
  it('formats money from cents', () => {
    expect(formatMoney(11900)).toBe('$119.00');
    expect(formatMoney(5)).toBe('$0.05');
    expect(formatMoney(123456)).toBe('$1,234.56');
    const card = cardFor();
    expect(factValue(card, 'B112', 'Rent')).toBe('$119.00');
    expect(factValue(card, 'C07', 'Amount due')).toBe('$143.25');
    expect(factValue(card, 'B112', 'Amount due')).toBe('$0.00');
  });

  it('shows dates readably', () => {
    const card = cardFor();
    expect(factValue(card, 'B112', 'Next due')).toBe('Mar 15, 2026');
    expect(factValue(card, 'B112', 'Last payment')).toBe('Feb 14, 2026');
    expect(factValue(card, 'B112', 'Paid to')).toBe('Mar 14, 2026');
  });

  it('leaves days past due blank for a current unit', () => {
    expect(factValue(cardFor(), 'B112', 'Days past due')).toBe('');
    expect(daysPastDue(unit(), '2026-03-10')).toBe('');
  });

  it("counts days past due on the location's local date, day 0 being the due date", () => {
    // 06:30 UTC on Mar 1 is Feb 28 in Los Angeles: 27 days after Feb 1, not 28.
    expect(factValue(cardFor(), 'C07', 'Days past due')).toBe('27');
    const later = cardFor(undefined, new Date('2026-03-01T08:30:00Z'));
    expect(factValue(later, 'C07', 'Days past due')).toBe('28');
    expect(daysPastDue(delinquentUnit({ pastDueSince: '2026-02-28' }), '2026-02-28')).toBe('0');
  });

  it('shows overlock, promise to pay and the next collection event', () => {
    const promised = delinquentUnit({ promiseToPay: { date: '2026-03-06', amountCents: 14325, setBy: { id: 'aad-x', name: 'Lee Park' }, setAt: '2026-02-27T17:00:00Z' } });
    const shown = visibleText(cardFor([promised]));
    expect(shown).toContain('Overlocked');
    expect(shown).toContain('Promise to pay: $143.25 by Mar 6, 2026 (set by Lee Park)');
    expect(shown).toContain('Next collection event: **Mar 3, 2026** · Late fee');
  });

  it('highlights an auction within 3 days more strongly than a later one', () => {
    const styleOf = (auctionDate: string) => {
      let style: unknown;
      walk(cardFor([delinquentUnit({ auctionDate })]), (o) => {
        if (o.type === 'Container' && JSON.stringify(o.items).includes('"Auction ')) style = o.style;
      });
      return style;
    };
    expect(styleOf('2026-03-02')).toBe('attention');
    expect(styleOf('2026-03-20')).toBe('warning');
    expect(visibleText(cardFor([delinquentUnit({ auctionDate: '2026-03-01' })]))).toContain('Auction is tomorrow, Mar 1, 2026');
  });

  it('caps the units shown and counts the rest', () => {
    const many = Array.from({ length: 13 }, (_, i) => unit({ id: `A${100 + i}` }));
    const shown = visibleText(customerCard({ account: account({ units: many }), location: location(), criticalNotes: [], latestNotes: [], now: NOW, maxUnits: 4 }));
    expect(shown).toContain('Unit A103');
    expect(shown).not.toContain('Unit A104');
    expect(shown).toContain('…and 9 more units');
    expect(visibleText(cardFor(many))).toContain('…and 3 more units');
  });
});
