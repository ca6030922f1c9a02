import { describe, expect, it } from 'vitest';
import { ACCOUNT_VERBS, accountListCard, compactAccountCard, noAccountCard, type AccountMatch } from '../../../src/features/accounts/accounts.cards';
import { cardBytes } from '../../../src/shared/cards';
import { ACCOUNT_ID, ID_NUMBER, VERBS, account, actionsOf, location, visibleText, walk } from './fixtures';

const matches: AccountMatch[] = [
  { id: ACCOUNT_ID, name: 'Marisol Okafor', maskedId: 'ID •••482', kind: 'customer', status: 'Delinquent', locationId: 'PDX1', locationName: 'Portland Central' },
  { id: '55123077', name: 'Marisol Okafor-Bell', maskedId: '•••077', kind: 'lead', status: 'Active', locationId: 'SEA2' },
];

describe('accountListCard', () => {
  it('lists each match with name, masked id, location and status, each opening its account', () => {
    const card = accountListCard({ query: 'okafor', matches, page: 1 });
    const shown = visibleText(card);
    expect(shown).toContain('2 matches');
    expect(shown).toContain('**Marisol Okafor** · ID •••482');
    expect(shown).toContain('**Marisol Okafor-Bell** · ID •••077');
    expect(shown).toContain('Customer · Portland Central');
    expect(shown).toContain('Lead · SEA2');
    expect(shown).toContain('Delinquent');
    const rows: Record<string, unknown>[] = [];
    walk(card, (o) => o.type === 'ColumnSet' && rows.push(o));
    expect(rows.map((r) => (r.selectAction as { data: unknown }).data)).toEqual([
      { verb: ACCOUNT_VERBS.open, accountId: ACCOUNT_ID },
      { verb: ACCOUNT_VERBS.open, accountId: '55123077' },
    ]);
    expect(shown).not.toContain(ACCOUNT_ID);
  });

  it('offers "Show more" for the next page only when there is a continuation', () => {
    expect(actionsOf(accountListCard({ query: 'okafor', matches, page: 1 })).filter((a) => a.title === 'Show more')).toHaveLength(0);
    const card = accountListCard({ query: 'okafor', matches, continuation: 'c-2', page: 1 });
    const [more] = actionsOf(card).filter((a) => a.title === 'Show more');
    expect(more).toMatchObject({ type: 'Action.Submit', data: { verb: ACCOUNT_VERBS.page, query: 'okafor', continuation: 'c-2', page: 2 } });
    expect(visibleText(accountListCard({ query: 'okafor', matches, page: 3 }))).toContain('page 3');
  });

  it('uses only account verbs', () => {
    const card = accountListCard({ query: 'okafor', matches, continuation: 'c-2', page: 1 });
    for (const a of actionsOf(card, 'Action.Submit')) expect(VERBS.has((a.data as { verb: string }).verb)).toBe(true);
  });

  it('falls back to the no-account card when the first page is empty', () => {
    expect(visibleText(accountListCard({ query: 'zzz', matches: [], page: 1 }))).toContain('No account found for "zzz"');
    expect(visibleText(accountListCard({ query: 'zzz', matches: [], page: 2 }))).toContain('No more matches');
  });
});

describe('noAccountCard', () => {
  it('names the query, gives search tips and the usage', () => {
    const shown = visibleText(noAccountCard('Okafur'));
    expect(shown).toContain('No account found for "Okafur"');
    expect(shown).toMatch(/spelling/);
    expect(shown).toMatch(/phone number or email/);
    expect(shown).toMatch(/archived/);
    expect(shown).toMatch(/location/);
    expect(shown).toContain('account <phone, email, name, unit or account id>');
  });
});

describe('compactAccountCard', () => {
  it('is small and shows name, masked id, status, location and primary phone', () => {
    const card = compactAccountCard(account(), location());
    const shown = visibleText(card);
    expect(shown).toContain('Marisol Okafor');
    expect(shown).toContain('Customer · Delinquent · ID •••482');
    expect(shown).toContain('Portland Central');
    expect(shown).toContain('(503) 555-0134');
    const json = JSON.stringify(card);
    expect(json).not.toContain(ACCOUNT_ID);
    expect(json).not.toContain(ID_NUMBER);
    expect(cardBytes(card)).toBeLessThan(1_000);
    expect(visibleText(compactAccountCard(account()))).toContain('Location not found');
  });
});
