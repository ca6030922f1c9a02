import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../src/features/accounts/accounts.schemas';
import type { Note } from '../../src/features/notes/notes.schemas';
import type { Task } from '../../src/features/tasks/tasks.schemas';
import { newestCardWith, openChat, sendMessage, startPlaygroundSession, type PlaygroundSession } from './playground';

/**
 * Alex (agent) creates tasks from the customer card in one Playground; Isaiah, who also covers the
 * Portland store (PDX1), works the store's task from a second Playground on the same bot.
 */
describe('Agents Playground: follow-up tasks', () => {
  let alex: PlaygroundSession;
  let isaiah: PlaygroundSession | undefined;
  let account: Account;
  beforeAll(async () => {
    alex = await startPlaygroundSession();
    await openChat(alex.page, 'General');
    await alex.page.getByText('Demo: this channel is linked').waitFor({ timeout: 30_000 });
    await openChat(alex.page, 'Personal Chat');
    await alex.page.getByText('Hi, I am Deskmate').waitFor({ timeout: 20_000 });
    const all = (await alex.deskmate.store.containers.accounts.items.query<Account>('SELECT * FROM c').fetchAll()).resources;
    const ownPhone = (a: Account) => a.phones.length > 0 && !all.some((b) => b.id !== a.id && b.phones.some((p) => p.number === a.phones[0]!.number));
    account = all.find((a) => a.kind === 'customer' && a.locationId === 'PDX1' && a.units.length === 1 && ownPhone(a))!;
  });
  afterAll(async () => {
    await isaiah?.close();
    await alex?.close();
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') {
      await alex.screenshot(`tasks-${context.task.name.replace(/\W+/g, '-')}`);
      await isaiah?.screenshot(`tasks-isaiah-${context.task.name.replace(/\W+/g, '-')}`);
    }
  });

  const header = () => `ID •••${account.id.slice(-3)}`;
  const tasks = async () => (await alex.deskmate.store.containers.tasks.items.query<Task>({ query: 'SELECT * FROM c WHERE c.accountId = @a', parameters: [{ name: '@a', value: account.id }] }).fetchAll()).resources;

  async function createTask(page: Page, type: string, fill: (page: Page) => Promise<void>): Promise<void> {
    await sendMessage(page, account.phones[0]!.number);
    const card = newestCardWith(page, header());
    await card.getByRole('button', { name: 'Create task' }).waitFor({ timeout: 20_000 });
    await card.getByRole('button', { name: 'Create task' }).click();
    await page.getByText('Create a task').last().waitFor({ timeout: 20_000 });
    const box = page.getByPlaceholder('Type to filter, e.g. vacate').last();
    await box.click();
    await box.fill(type);
    await page.getByRole('option', { name: type }).first().click();
    await page.getByRole('button', { name: 'Next' }).last().click();
    await page.getByLabel('Why it is needed').last().waitFor({ timeout: 20_000 });
    await fill(page);
    await page.getByRole('button', { name: 'Create task' }).last().click();
    await page.getByText('Task created').last().waitFor({ timeout: 20_000 });
  }

  async function choose(page: Page, label: string, option: string): Promise<void> {
    const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await page.getByRole('combobox', { name: new RegExp(`^${escaped}`) }).last().click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  async function pickDay(page: Page, label: string, day: Date): Promise<void> {
    await page.getByLabel(label).last().click();
    const month = day.toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
    await page.getByRole('button', { name: `${day.getUTCDate()}, ${month}, ${day.getUTCFullYear()}`, exact: true }).click();
  }

  it('creates a same day vacate, a DTM lock replacement and an auction follow-up from the customer card; they arrive in the store\'s channel', async () => {
    const { page } = alex;
    const today = new Date();
    await createTask(page, 'Vacate › Same day vacate', async (p) => {
      await pickDay(p, 'Rented on', today);
      await choose(p, 'Reason', 'Never moved in');
      await choose(p, 'Refund expected?', 'Yes');
      await p.getByLabel('Why it is needed').last().fill('Rented this morning, never moved in, does not need the space.');
    });
    await createTask(page, 'Lock Related › DTM Lock Replacement', async (p) => {
      await pickDay(p, 'Paid on', today);
      await p.getByLabel('Why it is needed').last().fill('Paid in full before the auction; the overlock has to come off.');
    });
    await createTask(page, 'DTM - Auction and Lien Status › Follow-up before auction', async (p) => {
      await pickDay(p, 'Auction date', new Date(Date.now() + 86_400_000));
      await p.getByLabel('Amount due').last().fill('245.00');
      await choose(p, 'The customer can pay', 'partially');
      await p.getByLabel('Why it is needed').last().fill('Auction tomorrow, customer cannot pay in full and asked for help.');
    });
    await alex.screenshot('tasks-created');

    const stored = await tasks();
    expect(stored.map((t) => t.typeId).sort()).toEqual(['dtm-auction-follow-up', 'lock-dtm-replacement', 'vacate-same-day']);
    expect(stored.find((t) => t.typeId === 'lock-dtm-replacement')?.assignee.kind).toBe('dm');
    await openChat(page, 'General');
    for (const name of ['Same day vacate', 'DTM Lock Replacement', 'Follow-up before auction']) await page.getByText(name, { exact: false }).last().waitFor({ timeout: 20_000 });
    await alex.screenshot('tasks-in-channel');
    await openChat(page, 'Personal Chat');
  });

  it('Isaiah, at the store, starts and completes the same day vacate; Alex sees it done and the account note', async () => {
    isaiah = await startPlaygroundSession({ user: 'Isaiah Langer', deskmate: alex.deskmate });
    const { page } = isaiah;
    await openChat(page, 'Personal Chat');
    await sendMessage(page, 'my tasks');
    const list = newestCardWith(page, 'My tasks');
    await list.getByText('Vacate › Same day vacate', { exact: false }).waitFor({ timeout: 20_000 });
    const row = page.locator('.ac-container').filter({ hasText: 'Vacate › Same day vacate' }).filter({ hasText: account.firstName }).last();
    await row.getByRole('button', { name: 'Open' }).click();
    await page.getByRole('button', { name: 'Start' }).last().click();
    await page.getByText('In progress').last().waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Complete', exact: true }).last().click();
    await page.getByLabel('Outcome').last().fill('Vacated today; refund of the first month requested.');
    await page.getByRole('button', { name: 'Complete the task' }).last().click();
    await page.getByText('Completed. The outcome is in the account notes.').last().waitFor({ timeout: 20_000 });
    await isaiah.screenshot('tasks-completed-by-store');

    const vacate = (await tasks()).find((t) => t.typeId === 'vacate-same-day')!;
    expect(vacate).toMatchObject({ status: 'done', outcome: 'Vacated today; refund of the first month requested.' });
    expect(vacate.history.map((h) => h.action)).toEqual(['created', 'started', 'completed']);
    const notes = (await alex.deskmate.store.containers.notes.items.query<Note>({ query: 'SELECT * FROM c WHERE c.accountId = @a', parameters: [{ name: '@a', value: account.id }] }).fetchAll()).resources;
    expect(notes.some((n) => n.id.startsWith(`${vacate.id}:completed`) && n.resolution.includes('refund of the first month'))).toBe(true);

    // Alex, who asked for it: the task card shows it done, and the customer card has the note.
    await alex.page.getByRole('button', { name: 'Open the task' }).first().click();
    await alex.page.getByText('Vacated today; refund of the first month requested.').last().waitFor({ timeout: 20_000 });
    await sendMessage(alex.page, account.phones[0]!.number);
    await newestCardWith(alex.page, header()).getByText('Completed by Isaiah Langer', { exact: false }).waitFor({ timeout: 20_000 });
    await alex.screenshot('tasks-requester-view');
  });
});
