import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateAccounts } from '../../src/demo/demo-accounts';
import { DEMO_LOCATIONS } from '../../src/demo/demo-locations';
import { generateNotes } from '../../src/demo/demo-notes';
import { demoPeople, PLAYGROUND_USERS } from '../../src/demo/demo-people';
import { DEMO_DEFAULTS, seedDemoData } from '../../src/demo/seed-demo-data';
import { accountSchema, lookupSchema, type Account } from '../../src/features/accounts/accounts.schemas';
import { locationSchema } from '../../src/features/locations/locations.schemas';
import { noteSchema } from '../../src/features/notes/notes.schemas';
import { personSchema } from '../../src/features/people/people.schemas';
import { silentLogger } from '../../src/shared/logger';
import { openStore, type Store } from '../../src/store/cosmos-store';
import { tempDir } from '../helpers/temp-dir';

const TODAY = '2026-11-22';
const TOMORROW = '2026-11-23';

function generate(seed: number) {
  const { accounts, lookups, nameLookups } = generateAccounts({ seed, customers: DEMO_DEFAULTS.customers, leads: DEMO_DEFAULTS.leads, today: TODAY, locations: DEMO_LOCATIONS });
  return { locations: DEMO_LOCATIONS, people: demoPeople(DEMO_LOCATIONS), accounts, lookups, nameLookups, notes: generateNotes({ seed, today: TODAY, accounts }) };
}

const data = generate(DEMO_DEFAULTS.seed);
const customers = data.accounts.filter((a) => a.kind === 'customer');
const leads = data.accounts.filter((a) => a.kind === 'lead');
const units = customers.flatMap((a) => a.units);
const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('demo data generator', () => {
  it('gives the same data for the same seed and day, and different data for another seed', () => {
    expect(generate(DEMO_DEFAULTS.seed)).toEqual(data);
    const other = generate(DEMO_DEFAULTS.seed + 1);
    expect(other.accounts).not.toEqual(data.accounts);
    expect(other.notes).not.toEqual(data.notes);
  });

  it('never uses Math.random', () => {
    const dir = join(__dirname, '../../src/demo');
    for (const file of readdirSync(dir)) expect(readFileSync(join(dir, file), 'utf8'), file).not.toMatch(/Math\.random\s*\(/);
  });

  it('writes only documents that pass their schemas, unchanged by parsing', () => {
    for (const l of data.locations) expect(locationSchema.parse(l)).toEqual(l);
    for (const p of data.people) expect(personSchema.parse(p)).toEqual(p);
    for (const a of data.accounts) expect(accountSchema.parse(a)).toEqual(a);
    for (const l of data.lookups) expect(lookupSchema.parse(l)).toEqual(l);
    for (const n of data.notes) expect(noteSchema.parse(n)).toEqual(n);
  });

  it('has enough customers, leads of every status and locations', () => {
    expect(customers.length).toBeGreaterThanOrEqual(500);
    expect(leads.length).toBeGreaterThanOrEqual(100);
    expect(new Set(leads.map((l) => l.status))).toEqual(new Set(['Active', 'Rented', 'Canceled']));
    expect(leads.every((l) => l.units.length === 0 && !l.collection)).toBe(true);
    expect(data.locations.length).toBeGreaterThanOrEqual(6);
    expect(new Set(data.accounts.map((a) => a.id)).size).toBe(data.accounts.length);
    expect(data.accounts.every((a) => /^\d{7}$/.test(a.id))).toBe(true);
    expect(customers.every((a) => a.units.length >= 1 && a.units.length <= 3)).toBe(true);
    expect(data.accounts.filter((a) => a.language === 'fr' && a.locationId === 'MTL1').length).toBeGreaterThan(20);
  });

  it('uses only fictional phones and example emails, unique except a few shared on purpose', () => {
    const phones = data.accounts.flatMap((a) => a.phones.map((p) => p.number));
    const emails = data.accounts.flatMap((a) => a.emails.map((e) => e.address));
    const staff = new Set(data.locations.flatMap((l) => [l.phone, l.districtManager.phone]));
    const all = [...phones, ...staff];
    expect(all.every((p) => /^\d{3}55501\d{2}$/.test(p))).toBe(true);
    expect(emails.every((e) => /^[a-z0-9._-]+@example\.(com|net|org)$/.test(e))).toBe(true);
    const sharedPhones = phones.length - new Set(phones).size;
    const sharedEmails = emails.length - new Set(emails).size;
    expect(sharedPhones).toBeGreaterThan(0);
    expect(sharedPhones + sharedEmails).toBeLessThanOrEqual(5);
    expect(new Set(all).size).toBe(all.length - sharedPhones);
    for (const a of data.accounts) {
      expect(a.phones.filter((p) => p.primary)).toHaveLength(1);
      expect(a.emails.filter((e) => e.primary)).toHaveLength(1);
      expect(a.searchName).toBe(`${a.firstName} ${a.lastName}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase());
      if (a.identity.idNumber) expect(a.identity.idNumber.endsWith(a.identity.idLast3)).toBe(true);
    }
  });

  it('keeps balances, dates and collection steps consistent', () => {
    const delinquent = units.filter((u) => u.status === 'Delinquent');
    expect(delinquent.length / units.length).toBeGreaterThan(0.18);
    expect(delinquent.length / units.length).toBeLessThan(0.32);
    for (const u of units) {
      expect(u.moveInDate < TODAY).toBe(true);
      expect(u.nextDueDate).toBe(dayAfter(u.paidToDate));
      if (u.lastPaymentDate) expect(u.lastPaymentDate >= u.moveInDate && u.lastPaymentDate <= TODAY).toBe(true);
      if (u.status === 'Current') expect([u.amountDueCents, u.pastDueSince, u.nextDueDate > TODAY]).toEqual([0, undefined, true]);
      else expect(u.amountDueCents > 0 && !!u.pastDueSince && u.pastDueSince < TODAY).toBe(true);
      if (u.auctionDate) expect(u.status === 'Delinquent' && u.auctionDate > TODAY).toBe(true);
      if (u.promiseToPay) expect(u.promiseToPay.setBy.id === PLAYGROUND_USERS.alex || u.promiseToPay.setBy.id === PLAYGROUND_USERS.isaiah).toBe(true);
    }
    expect(delinquent.some((u) => u.overlock)).toBe(true);
    expect(delinquent.some((u) => u.auctionDate === TOMORROW)).toBe(true);
    expect(delinquent.some((u) => u.promiseToPay)).toBe(true);
    for (const a of customers) {
      const late = a.units.some((u) => u.status === 'Delinquent');
      expect(a.status).toBe(late ? 'Delinquent' : 'Current');
      expect(!!a.collection).toBe(late);
      if (a.collection) expect(a.collection.nextEventDate > TODAY).toBe(true);
    }
  });

  it('has a lookup for every phone, email and unit, pointing at existing accounts', () => {
    const byId = new Map<string, Account>(data.accounts.map((a) => [a.id, a]));
    const lookups = new Map(data.lookups.map((l) => [l.id, l]));
    expect(lookups.size).toBe(data.lookups.length);
    for (const l of data.lookups) {
      expect(l.id).toBe(l.key);
      expect(new Set(l.accountIds).size).toBe(l.accountIds.length);
      expect(l.accountIds.every((id) => byId.has(id))).toBe(true);
    }
    for (const a of data.accounts) {
      const keys = [...a.phones.map((p) => `phone:${p.number}`), ...a.emails.map((e) => `email:${e.address.toLowerCase()}`), ...a.units.flatMap((u) => [`unit:${a.locationId}:${u.id}`, `unit:${u.id}`])];
      for (const key of keys) expect(lookups.get(key)?.accountIds, key).toContain(a.id);
    }
    expect(data.lookups.some((l) => l.key.startsWith('unit:') && l.key.split(':').length === 2 && l.accountIds.length > 1)).toBe(true);
  });

  it('writes notes for about a third of customers, by demo people, on existing units', () => {
    const byId = new Map<string, Account>(data.accounts.map((a) => [a.id, a]));
    const authors = new Set(data.people.map((p) => p.id));
    expect(new Set(data.notes.map((n) => n.id)).size).toBe(data.notes.length);
    for (const n of data.notes) {
      const account = byId.get(n.accountId);
      expect(n.id).toMatch(new RegExp(`^${n.accountId}-n\\d+$`));
      expect(n.unitIds.every((id) => account?.units.some((u) => u.id === id))).toBe(true);
      expect(authors.has(n.author.id)).toBe(true);
      expect(n.createdAt < `${TODAY}T00:00:00Z`).toBe(true);
    }
    const share = new Set(data.notes.map((n) => n.accountId)).size / customers.length;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.45);
    const critical = data.notes.filter((n) => n.flags.critical).length / data.notes.length;
    expect(critical).toBeGreaterThan(0.02);
    expect(critical).toBeLessThan(0.1);
    expect(data.notes.some((n) => n.flags.collection)).toBe(true);
  });

  it('sets up the Playground users with their roles and leaves Lynne out', () => {
    const person = (id: string) => data.people.find((p) => p.id === id);
    expect(person(PLAYGROUND_USERS.alex)).toMatchObject({ name: 'Alex Wilber', email: 'alexw@example.com', roles: ['agent'] });
    expect(person(PLAYGROUND_USERS.megan)).toMatchObject({ name: 'Megan Bowen', roles: ['mentor'], title: 'TL', team: 'Customer Service' });
    expect(person(PLAYGROUND_USERS.adele)).toMatchObject({ name: 'Adele Vance', roles: ['admin'] });
    expect(person(PLAYGROUND_USERS.isaiah)).toMatchObject({ name: 'Isaiah Langer', email: 'isaiahl@example.com', roles: ['agent', 'location_user'], locationIds: ['PDX1'] });
    expect(person(PLAYGROUND_USERS.patti)).toMatchObject({ name: 'Patti Fernandez', roles: ['mentor'], title: 'Supervisor' });
    expect(person(PLAYGROUND_USERS.lynne)).toBeUndefined();
    expect(PLAYGROUND_USERS.alex).toBe('00000000-0000-0000-0000-0000000000020');
    expect(new Set(data.people.map((p) => p.id)).size).toBe(data.people.length);
    for (const location of data.locations) {
      expect(person(location.districtManager.id)).toMatchObject({ roles: ['district_manager'], locationIds: expect.arrayContaining([location.id]) });
      const staff = data.people.filter((p) => p.roles.includes('location_user') && p.locationIds.includes(location.id)).map((p) => p.name);
      expect(staff).toHaveLength(location.id === 'PDX1' ? 2 : 1);
      if (location.id === 'PDX1') expect(staff).toContain('Isaiah Langer');
    }
  });
});

describe('seedDemoData on the embedded store', () => {
  const dir = tempDir('deskmate-demo-');
  let store: Store | undefined;
  afterAll(async () => {
    await store?.close();
    dir.remove();
  });

  it('seeds an empty store once, with lookups that lead to their accounts', async () => {
    store = await openStore({ kind: 'embedded', dataFile: join(dir.path, 'cosmos.json'), database: 'demo-test' }, silentLogger(), { persist: false });
    const first = await seedDemoData(store, { today: TODAY });
    expect(first).toEqual({
      seeded: true,
      counts: { locations: data.locations.length, people: data.people.length, accounts: data.accounts.length, lookups: data.lookups.length + data.nameLookups.length, notes: data.notes.length, quickresponses: 5 },
    });

    const phone = customers[0]?.phones[0]?.number ?? '';
    const { resource: lookup } = await store.containers.lookups.item(`phone:${phone}`, `phone:${phone}`).read<{ accountIds: string[] }>();
    const accountId = lookup?.accountIds[0] ?? '';
    const { resource: account } = await store.containers.accounts.item(accountId, accountId).read<Account>();
    expect(account?.phones.map((p) => p.number)).toContain(phone);
    // Its name lookups: one per word start, each in its own `name:<start>` partition.
    const start = account!.searchName.slice(0, 2);
    const { resource: byName } = await store.containers.lookups.item(`name:${start}:${accountId}`, `name:${start}`).read<{ accountId: string; searchName: string }>();
    expect(byName).toMatchObject({ accountId, searchName: account!.searchName });

    const count = async () => (await store!.containers.people.items.readAll().fetchAll()).resources.length;
    const before = await count();
    expect(before).toBe(data.people.length);
    const second = await seedDemoData(store, { today: TODAY });
    expect(second.seeded).toBe(false);
    expect(Object.values(second.counts).every((n) => n === 0)).toBe(true);
    expect(await count()).toBe(before);
  }, 180_000);
});
