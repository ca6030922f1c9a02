import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../src/features/accounts/accounts.schemas';
import type { Note } from '../../src/features/notes/notes.schemas';
import { newestCardWith, openChat, sendMessage, startPlaygroundSession, type PlaygroundSession } from './playground';

/** The good pair of the notes policy, in self-storage words: what the form is filled with. */
const GOOD = {
  reason: 'CT asked for a refund: the move-out was never processed and rent was charged for two more months.',
  resolution: 'Processed the move-out and submitted a refund request for $98.00, approved by TL Anna. Told CT the refund takes 7-10 business days.',
};

describe('Agents Playground: account notes', () => {
  let session: PlaygroundSession;
  let account: Account;
  beforeAll(async () => {
    session = await startPlaygroundSession();
    // Opening the team channel adds the bot there; with demo data that links the channel for every store.
    await openChat(session.page, 'General');
    await session.page.getByText('Demo: this channel is linked').waitFor({ timeout: 30_000 });
    await openChat(session.page, 'Personal Chat');
    await session.page.getByText('Hi, I am Deskmate').waitFor({ timeout: 20_000 });
    const { resources } = await session.deskmate.store.containers.accounts.items.query<Account>('SELECT * FROM c WHERE c.kind = "customer" AND ARRAY_LENGTH(c.units) = 2').fetchAll();
    const all = (await session.deskmate.store.containers.accounts.items.query<Account>('SELECT * FROM c').fetchAll()).resources;
    account = resources.find((a) => a.phones.length > 0 && !all.some((b) => b.id !== a.id && b.phones.some((p) => p.number === a.phones[0]!.number)))!;
  });
  afterAll(() => session?.close());
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await session.screenshot(`notes-${context.task.name.replace(/\W+/g, '-')}`);
  });

  async function openNoteForm(page: Page): Promise<void> {
    await sendMessage(page, account.phones[0]!.number);
    const card = newestCardWith(page, `ID •••${account.id.slice(-3)}`);
    await card.getByRole('button', { name: 'Add note' }).waitFor({ timeout: 20_000 });
    await card.getByRole('button', { name: 'Add note' }).click();
    await page.getByText('Add a note').last().waitFor({ timeout: 20_000 });
  }

  async function fill(page: Page, values: { reason: string; resolution: string }): Promise<void> {
    await page.getByLabel('Reason').last().fill(values.reason);
    await page.getByLabel('Resolution').last().fill(values.resolution);
  }

  async function pickDisposition(page: Page, name: string): Promise<void> {
    const box = page.getByPlaceholder('Type to filter, e.g. Promised to Pay').last();
    await box.click();
    await box.fill(name);
    await page.getByRole('option', { name: `Billing › ${name}` }).first().click();
  }

  async function notes(): Promise<Note[]> {
    const query = { query: 'SELECT * FROM c WHERE c.accountId = @id', parameters: [{ name: '@id', value: account.id }] };
    return (await session.deskmate.store.containers.notes.items.query<Note>(query).fetchAll()).resources;
  }

  it('flags a bad note, keeps what was typed on Edit, and files the good one on all units', async () => {
    const { page } = session;
    await openNoteForm(page);
    await fill(page, { reason: 'Customer was rude and said "you people are thieves" about the charges.', resolution: 'Updated the email. Will call back.' });
    await pickDisposition(page, 'Credit/Refund');
    await page.getByText(`All ${account.units.length} units (one note on each)`).last().click();
    await page.getByRole('button', { name: 'Check and save' }).last().click();
    await page.getByText('Check the note before saving').last().waitFor({ timeout: 20_000 });
    await session.screenshot('notes-checks-fire');
    expect(await page.getByRole('button', { name: 'Save anyway' }).last().isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Edit' }).last().click();
    await page.getByText('Add a note').last().waitFor({ timeout: 20_000 });
    expect(await page.getByLabel('Resolution').last().inputValue()).toBe('Updated the email. Will call back.');
    await fill(page, GOOD);
    await page.getByRole('button', { name: 'Check and save' }).last().click();
    await page.getByText('Note saved').last().waitFor({ timeout: 20_000 });
    await page.getByText(`Saved on ${account.units.length} units:`, { exact: false }).last().waitFor();
    await session.screenshot('notes-saved-all-units');

    const saved = (await notes()).filter((n) => n.reason === GOOD.reason);
    expect(saved.map((n) => n.unitIds[0]).sort()).toEqual(account.units.map((u) => u.id).sort());
    expect(saved[0]!.disposition).toEqual({ category: 'Billing', name: 'Credit/Refund' });
  });

  it('posts an urgent note to the store\'s channel', async () => {
    const { page } = session;
    await openNoteForm(page);
    const reason = `Gate keypad at the store is dead, customer locked out (ref ${Math.random().toString(36).slice(2, 8)}).`;
    await fill(page, { reason, resolution: 'Verified the caller. Asked the store by phone to open the gate; the store manager is on the way and will be there within 30 minutes.' });
    await pickDisposition(page, 'Customer Billing Question');
    await page.getByText(`Unit ${account.units[0]!.id}`, { exact: false }).last().click();
    await page.getByText('Urgent: post it to the store now').last().click();
    await page.getByRole('button', { name: 'Check and save' }).last().click();
    await page.getByText('The urgent note was posted to the store’s channel.').last().waitFor({ timeout: 20_000 });

    await openChat(page, 'General');
    await page.getByText(reason, { exact: false }).last().waitFor({ timeout: 20_000 });
    expect(await page.getByText(`URGENT · ${account.firstName} ${account.lastName}`, { exact: false }).last().isVisible()).toBe(true);
    await session.screenshot('notes-urgent-in-channel');
  });
});
