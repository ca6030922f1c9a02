import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../src/features/accounts/accounts.schemas';
import type { Location } from '../../src/features/locations/locations.schemas';
import type { Note } from '../../src/features/notes/notes.schemas';
import { newestCardWith, openChat, sendMessage, startPlaygroundSession, type PlaygroundSession } from './playground';

/** How the customer card's header shows an account: the name, then the id masked to its last 3 digits. */
const header = (account: Account) => `ID •••${account.id.slice(-3)}`;

describe('Agents Playground: the customer card', () => {
  let session: PlaygroundSession;
  let accounts: Account[];
  beforeAll(async () => {
    session = await startPlaygroundSession();
    await openChat(session.page, 'Personal Chat');
    await session.page.getByText('Hi, I am Deskmate').waitFor({ timeout: 20_000 });
    accounts = (await session.deskmate.store.containers.accounts.items.query<Account>('SELECT * FROM c WHERE c.kind = "customer"').fetchAll()).resources;
  });
  afterAll(() => session?.close());
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await session.screenshot(`accounts-${context.task.name.replace(/\W+/g, '-')}`);
  });

  /** True when no other account has this account's first phone (a shared phone lists both). */
  const ownPhone = (a: Account) => a.phones.length > 0 && !accounts.some((b) => b.id !== a.id && b.phones.some((p) => p.number === a.phones[0]!.number));

  /** The number of times the account's masked id is on the page: one per customer card shown. */
  const cardsOf = (account: Account) => session.page.getByText(header(account)).count();

  async function expectNewCard(account: Account, typed: string): Promise<void> {
    const before = await cardsOf(account);
    await sendMessage(session.page, typed);
    await expect.poll(() => cardsOf(account), { timeout: 20_000 }).toBe(before + 1);
  }

  it('lists the accounts that share a last name, each with its status, and opens the one picked', async () => {
    const { page } = session;
    const everyone = (await session.deskmate.store.containers.accounts.items.query<Account>('SELECT * FROM c').fetchAll()).resources;
    const byLastName = new Map<string, Account[]>();
    for (const a of everyone) byLastName.set(a.lastName, [...(byLastName.get(a.lastName) ?? []), a]);
    const [lastName, same] = [...byLastName].find(([name, list]) => list.length >= 3 && list.length <= 6 && /^[A-Za-z]+$/.test(name))!;

    await sendMessage(page, `account ${lastName}`);
    const list = newestCardWith(page, `For "${lastName}"`);
    await expect.poll(() => list.getByText(`${same.length} matches`).count(), { timeout: 20_000 }).toBe(1);
    const stores = (await session.deskmate.store.containers.locations.items.query<Location>('SELECT * FROM c').fetchAll()).resources;
    for (const a of same) {
      const row = list.getByText(`${a.firstName} ${a.lastName} · ID •••${a.id.slice(-3)}`);
      expect(await row.count(), a.id).toBe(1);
      // The store by its name, as agents know it.
      expect(await list.getByText(stores.find((l) => l.id === a.locationId)!.name, { exact: false }).count(), a.id).toBeGreaterThan(0);
    }
    expect(await list.getByText(same[0]!.status, { exact: true }).count()).toBeGreaterThan(0);
    await session.screenshot('accounts-name-list');

    const picked = same[1]!;
    const before = await cardsOf(picked);
    await list.getByText(`${picked.firstName} ${picked.lastName} · ID •••${picked.id.slice(-3)}`).click();
    await expect.poll(() => cardsOf(picked), { timeout: 20_000 }).toBe(before + 1);
  });

  it('finds an account by phone, email, unit at its store and name, and verifies the caller', async () => {
    const { page } = session;
    const names = (a: Account) => accounts.filter((b) => b.lastName === a.lastName).length;
    const account = accounts.find((a) => a.units.length === 1 && a.emails.length > 0 && ownPhone(a) && names(a) === 1)!;
    const phone = account.phones[0]!.number;

    await expectNewCard(account, `(${phone.slice(0, 3)}) ${phone.slice(3, 6)}-${phone.slice(6)}`);
    expect(await page.getByText(`Unit ${account.units[0]!.id}`, { exact: false }).first().isVisible()).toBe(true);
    await expectNewCard(account, account.emails[0]!.address.toUpperCase());
    await expectNewCard(account, `${account.units[0]!.id} at ${account.locationId}`);
    await expectNewCard(account, `account ${account.lastName} ${account.firstName}`);
    await session.screenshot('accounts-card');

    await newestCardWith(page, header(account)).getByRole('button', { name: 'Verify caller' }).click();
    await page.getByText('Verify caller', { exact: true }).last().waitFor({ timeout: 20_000 });
    await page.getByPlaceholder('(503) 555-0134').last().fill(`+1 ${phone}`);
    await page.getByRole('button', { name: 'Check' }).last().click();
    await page.getByText('Caller verified').last().waitFor({ timeout: 20_000 });
    await session.screenshot('accounts-verified');

    const notes = await notesOf(account.id);
    const verification = notes.find((n) => n.resolution.toLowerCase().includes('phone'));
    expect(verification).toBeDefined();
    expect(JSON.stringify(verification)).not.toContain(phone);
  });

  it('changes an email from the card, and the card shows the note that says from and to', async () => {
    const { page } = session;
    const account = accounts.find((a) => a.emails.length === 1 && ownPhone(a) && a.units.length > 0)!;
    const oldEmail = account.emails[0]!.address;
    const newEmail = `e2e.${account.id}@example.org`;
    await expectNewCard(account, account.phones[0]!.number);

    await newestCardWith(page, header(account)).getByRole('button', { name: 'Update contact' }).click();
    await page.getByText('The new email below').last().waitFor({ timeout: 20_000 });
    await page.getByPlaceholder('name@example.com').last().fill(newEmail);
    await page.getByText('The new email below').last().click();
    await page.getByText(oldEmail, { exact: true }).last().waitFor();
    await page.getByRole('button', { name: 'Save changes' }).last().click();
    await page.getByText(`Primary email changed from ${oldEmail} to ${newEmail}`, { exact: false }).last().waitFor({ timeout: 20_000 });

    await page.getByRole('button', { name: 'Open the account' }).last().click();
    await page.getByText('Latest notes').last().waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByText(newEmail, { exact: false }).count(), { timeout: 20_000 }).toBeGreaterThan(1);
    await session.screenshot('accounts-email-changed');

    const { resource } = await session.deskmate.store.containers.accounts.item(account.id, account.id).read<Account>();
    expect(resource!.emails.find((e) => e.primary)?.address).toBe(newEmail);
    expect((await notesOf(account.id)).some((n) => n.resolution.includes(`from ${oldEmail} to ${newEmail}`))).toBe(true);
  });

  it('sets a promise to pay on a delinquent unit', async () => {
    const { page } = session;
    const account = accounts.find((a) => a.units.length === 1 && a.units[0]!.status === 'Delinquent' && !a.units[0]!.promiseToPay && ownPhone(a))!;
    await expectNewCard(account, account.phones[0]!.number);

    await newestCardWith(page, header(account)).getByRole('button', { name: 'Set promise to pay' }).click();
    await page.getByText('Set a promise to pay').last().waitFor({ timeout: 20_000 });
    const promised = new Date(Date.now() + 3 * 86_400_000);
    const date = promised.toISOString().slice(0, 10);
    // The Playground's date picker takes no typing: pick the day on its calendar, as a user does.
    await page.getByPlaceholder('Select a date...').last().click();
    const month = promised.toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
    await page.getByRole('button', { name: `${promised.getUTCDate()}, ${month}, ${promised.getUTCFullYear()}`, exact: true }).click();
    await page.getByPlaceholder('125.00').last().fill('40');
    await page.getByRole('button', { name: 'Set promise' }).last().click();
    await page.getByText('Promise to pay set').last().waitFor({ timeout: 20_000 });
    await page.getByText('$40.00', { exact: false }).last().waitFor();
    await session.screenshot('accounts-promise');

    const { resource } = await session.deskmate.store.containers.accounts.item(account.id, account.id).read<Account>();
    expect(resource!.units[0]!.promiseToPay).toMatchObject({ date, amountCents: 4000 });
  });

  async function notesOf(accountId: string): Promise<Note[]> {
    const query = { query: 'SELECT * FROM c WHERE c.accountId = @id', parameters: [{ name: '@id', value: accountId }] };
    return (await session.deskmate.store.containers.notes.items.query<Note>(query).fetchAll()).resources;
  }
});
