import { describe, expect, it } from 'vitest';
import { ACCOUNT_VERBS, CARD_BYTE_LIMIT, assertCardFits, customerCard, type CustomerCardAction } from '../../../src/features/accounts/accounts.cards';
import { adaptiveCard, cardBytes, text } from '../../../src/shared/cards';
import { ID_NUMBER, NOW, VERBS, account, actionsOf, delinquentUnit, location, note, unit } from './fixtures';

/** Ten units with everything set, 20 notes and 5 critical notes at the schema's maximum lengths. */
function worstCase(extra: Partial<Parameters<typeof customerCard>[0]> = {}) {
  const units = Array.from({ length: 14 }, (_, i) =>
    delinquentUnit({
      id: `CC${String(i).padStart(3, '0')}`,
      auctionDate: '2026-03-02',
      promiseToPay: { date: '2026-03-05', amountCents: 999999, setBy: { id: 'aad-tl', name: 'Bartholomew Featherstonehaugh' }, setAt: '2026-02-27T17:00:00Z' },
    }),
  );
  const words = (n: number, tag: string) => `${tag} ${'word '.repeat(n)}`.slice(0, n);
  const long = (i: number, critical: boolean) =>
    note({
      id: `n${i}`,
      createdAt: `2026-02-${String(1 + (i % 27)).padStart(2, '0')}T17:00:00Z`,
      author: { id: 'aad-a', name: 'Alexandria Montgomery-Worthington', title: 'Senior supervisor' },
      caller: { name: 'C'.repeat(120), relationship: 'Authorized user' },
      reason: words(2000, 'reason'),
      resolution: words(4000, 'resolution'),
      additionalInfo: words(2000, 'info'),
      followUp: words(1000, 'follow'),
      unitIds: units.map((u) => u.id),
      flags: { urgent: true, collection: true, critical },
    });
  const acct = account({
    units,
    phones: Array.from({ length: 6 }, (_, i) => ({ number: `50355501${String(i).padStart(2, '0')}`, label: 'other' as const, primary: i === 0 })),
    emails: Array.from({ length: 6 }, (_, i) => ({ address: `someone.with.a.long.address.${i}@example.com`, primary: i === 0 })),
  });
  return customerCard({
    account: acct,
    location: location(),
    criticalNotes: Array.from({ length: 5 }, (_, i) => long(100 + i, true)),
    latestNotes: Array.from({ length: 20 }, (_, i) => long(i, false)),
    moreNotesToken: 'x'.repeat(500),
    now: NOW,
    ...extra,
  });
}

describe('card size', () => {
  it('keeps the worst case under 40 KB', () => {
    const card = worstCase();
    expect(cardBytes(card)).toBeLessThan(40_000);
    expect(() => assertCardFits(card)).not.toThrow();
    expect(JSON.stringify(card)).toContain('Long notes are shortened');
  });

  it('still offers View more on a normal long note', () => {
    const card = customerCard({ account: account(), location: location(), criticalNotes: [], latestNotes: [note({ resolution: 'r '.repeat(1000) })], now: NOW });
    expect(actionsOf(card, 'Action.ToggleVisibility').some((a) => a.title === 'View more')).toBe(true);
  });

  it('assertCardFits rejects an oversized card', () => {
    const big = adaptiveCard([text('x'.repeat(CARD_BYTE_LIMIT))]);
    expect(() => assertCardFits(big)).toThrow(/over the 40000 byte limit/);
  });
});

describe('card actions', () => {
  it('gives every button of its own (Action.Execute) a verb from ACCOUNT_VERBS', () => {
    const own = actionsOf(worstCase(), 'Action.Execute');
    expect(own.map((a) => a.title).sort()).toEqual(['Refresh', 'Show more notes']);
    for (const a of own) expect(VERBS.has((a as { verb?: string }).verb ?? '')).toBe(true);
  });

  it('has a Refresh button and shows extra actions from other features before it', () => {
    const addNote: CustomerCardAction = { type: 'Action.Execute', title: 'Add note', verb: 'note.start', data: { accountId: account().id } };
    const card = customerCard({ account: account({ units: [unit()] }), criticalNotes: [], latestNotes: [], now: NOW, extraActions: [addNote] });
    expect(card.actions?.map((a) => a.title)).toEqual(['Add note', 'Refresh']);
    expect(card.actions?.[1]).toMatchObject({ type: 'Action.Execute', verb: ACCOUNT_VERBS.refresh, data: { accountId: account().id } });
  });

  it('never carries identity numbers, even in the worst case', () => {
    expect(JSON.stringify(worstCase())).not.toContain(ID_NUMBER);
  });
});
