import { describe, expect, it } from 'vitest';
import { customerCard } from '../../../src/features/accounts/accounts.cards';
import { ACCOUNT_ID, ID_LAST3, ID_NUMBER, NOW, account, actionsOf, location, note, visibleText, walk } from './fixtures';

const base = () => ({ account: account(), location: location(), criticalNotes: [], latestNotes: [note()], now: NOW });

describe('customerCard header and privacy', () => {
  it('shows the name, type, status and the id masked to its last 3 digits', () => {
    const card = customerCard(base());
    const shown = visibleText(card);
    expect(shown).toContain('Marisol Okafor');
    expect(shown).toContain('Customer');
    expect(shown).toContain('Delinquent');
    expect(shown).toContain('ID •••482');
    expect(shown).not.toContain(ACCOUNT_ID);
  });

  it('keeps the full id only in button data, never in text', () => {
    const card = customerCard({ ...base(), moreNotesToken: 'tok-1' });
    const json = JSON.stringify(card);
    const occurrences = json.split(ACCOUNT_ID).length - 1;
    const carriers = actionsOf(card, 'Action.Execute').filter((a) => (a.data as { accountId?: string }).accountId === ACCOUNT_ID);
    expect(carriers.length).toBe(2);
    expect(occurrences).toBe(carriers.length);
  });

  it('never shows identity numbers or internal fields', () => {
    const json = JSON.stringify(customerCard(base()));
    expect(json).not.toContain(ID_NUMBER);
    expect(json).not.toContain(ID_LAST3);
    for (const field of ['identity', 'searchName', 'preferences', 'updatedAt', 'aad-agent-1', 'idNumber']) expect(json).not.toContain(field);
  });

  it('labels a lead in green with its lead status', () => {
    const card = customerCard({ ...base(), account: account({ kind: 'lead', status: 'Active', units: [], collection: undefined }) });
    const runs: Record<string, unknown>[] = [];
    walk(card, (o) => o.type === 'TextRun' && runs.push(o));
    expect(runs.find((r) => r.text === 'Lead')?.color).toBe('Good');
    expect(runs.some((r) => r.text === 'Active')).toBe(true);
    expect(visibleText(card)).toContain('No rented units.');
  });
});

describe('customerCard contacts and location', () => {
  it('formats the primary phone and has no toggle when there are no other contacts', () => {
    const card = customerCard(base());
    expect(visibleText(card)).toContain('(503) 555-0134');
    expect(visibleText(card)).toContain('marisol.okafor@example.com');
    expect(actionsOf(card, 'Action.ToggleVisibility').filter((a) => String(a.title).startsWith('Other contacts'))).toHaveLength(0);
  });

  it('puts other phones and emails in a hidden container behind a toggle', () => {
    const acct = account({
      phones: [{ number: '9715550199', label: 'work', primary: false }, { number: '5035550134', label: 'mobile', primary: true }],
      emails: [{ address: 'marisol.okafor@example.com', primary: true }, { address: 'mo@example.org', primary: false }],
    });
    const card = customerCard({ ...base(), account: acct });
    const [toggle] = actionsOf(card, 'Action.ToggleVisibility').filter((a) => String(a.title).startsWith('Other contacts'));
    expect(toggle?.title).toBe('Other contacts (2)');
    const targetId = (toggle?.targetElements as string[])[0];
    let hidden: Record<string, unknown> | undefined;
    walk(card, (o) => o.id === targetId && (hidden = o));
    expect(hidden?.isVisible).toBe(false);
    expect(JSON.stringify(hidden)).toContain('(971) 555-0199');
    expect(JSON.stringify(hidden)).toContain('mo@example.org');
  });

  it('shows local time, address, hours and gate system of the location', () => {
    const shown = visibleText(customerCard(base()));
    expect(shown).toContain('Portland Central');
    expect(shown).toMatch(/local time Sat 10:30 PM P[SD]T/);
    expect(shown).toContain('1200 SE Division St, Portland, OR 97202');
    expect(shown).toContain('Mon-Fri 9:30 AM–6 PM; Sat 9 AM–5 PM');
    expect(shown).toContain('Daily 6 AM–10 PM');
    expect(shown).toContain('OpenTech');
  });

  it('says so when the location is missing', () => {
    const { location: _l, ...input } = base();
    expect(visibleText(customerCard(input))).toContain('Location not found');
  });
});
