import { accountSchema, unitSchema, type Account, type Unit } from '../../../src/features/accounts/accounts.schemas';
import { locationSchema, type Location } from '../../../src/features/locations/locations.schemas';
import { noteSchema, type Note } from '../../../src/features/notes/notes.schemas';
import { ACCOUNT_VERBS } from '../../../src/features/accounts/accounts.cards';
import type { AdaptiveCard } from '../../../src/shared/cards';

export const ACCOUNT_ID = '40719482';
export const ID_NUMBER = 'D7731946';
export const ID_LAST3 = '946';

const agent = { id: 'aad-agent-1', name: 'Priya Natarajan' };

export function unit(overrides: Partial<Unit> = {}): Unit {
  return unitSchema.parse({
    id: 'B112',
    size: '10x10',
    type: 'Climate Controlled',
    status: 'Current',
    rentCents: 11900,
    moveInDate: '2024-06-15',
    nextDueDate: '2026-03-15',
    lastPaymentDate: '2026-02-14',
    paidToDate: '2026-03-14',
    amountDueCents: 0,
    ...overrides,
  });
}

export function delinquentUnit(overrides: Partial<Unit> = {}): Unit {
  return unit({
    id: 'C07',
    size: '5x10',
    type: 'Standard',
    status: 'Delinquent',
    rentCents: 6450,
    nextDueDate: '2026-03-01',
    lastPaymentDate: '2025-12-30',
    paidToDate: '2026-01-31',
    pastDueSince: '2026-02-01',
    amountDueCents: 14325,
    overlock: true,
    ...overrides,
  });
}

export function account(overrides: Partial<Account> = {}): Account {
  return accountSchema.parse({
    id: ACCOUNT_ID,
    kind: 'customer',
    status: 'Delinquent',
    firstName: 'Marisol',
    lastName: 'Okafor',
    searchName: 'marisol okafor',
    phones: [{ number: '5035550134', label: 'mobile', primary: true }],
    emails: [{ address: 'marisol.okafor@example.com', primary: true }],
    locationId: 'PDX1',
    language: 'en',
    preferences: { marketing: false, paymentReminders: true, accountNotifications: true },
    identity: { idNumber: ID_NUMBER, idLast3: ID_LAST3 },
    units: [unit(), delinquentUnit()],
    collection: { nextEventDate: '2026-03-03', nextEventType: 'Late fee' },
    createdAt: '2024-06-15T17:00:00Z',
    updatedAt: '2026-02-28T18:00:00Z',
    ...overrides,
  });
}

export function location(overrides: Partial<Location> = {}): Location {
  return locationSchema.parse({
    id: 'PDX1',
    name: 'Portland Central',
    address: { street: '1200 SE Division St', city: 'Portland', state: 'OR', zip: '97202' },
    phone: '5035550100',
    email: 'pdx1@example.com',
    website: 'https://example.com/pdx1',
    timeZone: 'America/Los_Angeles',
    officeHours: [{ days: 'Mon-Fri', open: '09:30', close: '18:00' }, { days: 'Sat', open: '09:00', close: '17:00' }],
    accessHours: [{ days: 'Daily', open: '06:00', close: '22:00' }],
    gateSystem: 'OpenTech',
    districtManager: { id: 'aad-dm-1', name: 'Tom Reyes', phone: '5035550111', email: 'dm@example.com' },
    ...overrides,
  });
}

export function note(overrides: Partial<Note> = {}): Note {
  return noteSchema.parse({
    id: 'note-1',
    accountId: ACCOUNT_ID,
    unitIds: ['C07'],
    author: { ...agent, title: 'Agent' },
    createdAt: '2026-02-20T19:04:00Z',
    caller: { name: 'Marisol Okafor', relationship: 'Account holder' },
    reason: 'Customer called about the late fee on unit C07.',
    resolution: 'Explained the fee schedule; customer will pay on Friday.',
    disposition: { category: 'Collections', name: 'Promise to pay' },
    flags: { urgent: false, collection: true, critical: false },
    ...overrides,
  });
}

/** Now: 06:30 UTC on Mar 1, which is still 10:30 PM on Feb 28 in Portland. */
export const NOW = new Date('2026-03-01T06:30:00Z');

/** Every element (and action) in the card, depth first, in document order. */
export function walk(node: unknown, visit: (obj: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((v) => walk(v, visit));
  }
}

export function actionsOf(card: AdaptiveCard, type?: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  walk(card, (o) => {
    if (typeof o.type === 'string' && o.type.startsWith('Action.') && (!type || o.type === type)) out.push(o);
  });
  return out;
}

/** All text a person can see: text blocks, text runs, fact titles and values, button titles. */
export function visibleText(card: AdaptiveCard): string {
  const out: string[] = [];
  walk(card, (o) => {
    for (const key of ['text', 'title', 'value']) if (typeof o[key] === 'string') out.push(o[key] as string);
  });
  return out.join('\n');
}

export function factValue(card: AdaptiveCard, unitId: string, title: string): string | undefined {
  let found: string | undefined;
  walk(card, (o) => {
    if (o.type !== 'Container' || !JSON.stringify(o.items ?? []).includes(`"Unit ${unitId}"`)) return;
    walk(o.items, (f) => {
      if (f.title === title && typeof f.value === 'string' && found === undefined) found = f.value;
    });
  });
  return found;
}

export const VERBS = new Set<string>(Object.values(ACCOUNT_VERBS));
