import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../src/features/accounts/accounts.schemas';
import type { Note } from '../../src/features/notes/notes.schemas';
import { newestCardWith, openChat, sendMessage, startPlaygroundSession, type PlaygroundSession } from './playground';

/**
 * Alex (agent) asks the mentors in one Playground; Megan (mentor, TL) decides from `queue` in a
 * second Playground on the same bot (each Playground keeps its own chats, so the channel post lands
 * in Alex's; Megan finds the request in her queue).
 */
describe('Agents Playground: asking the mentors', () => {
  let alex: PlaygroundSession;
  let megan: PlaygroundSession;
  let account: Account;
  beforeAll(async () => {
    alex = await startPlaygroundSession();
    await openChat(alex.page, 'General');
    await alex.page.getByText('Demo: this channel is linked').waitFor({ timeout: 30_000 });
    await openChat(alex.page, 'Personal Chat');
    await alex.page.getByText('Hi, I am Deskmate').waitFor({ timeout: 20_000 });
    megan = await startPlaygroundSession({ user: 'Megan Bowen', deskmate: alex.deskmate });
    await openChat(megan.page, 'Personal Chat');
    await megan.page.getByText('Hi, I am Deskmate').waitFor({ timeout: 20_000 });
    const all = (await alex.deskmate.store.containers.accounts.items.query<Account>('SELECT * FROM c').fetchAll()).resources;
    const ownPhone = (a: Account) => a.phones.length > 0 && !all.some((b) => b.id !== a.id && b.phones.some((p) => p.number === a.phones[0]!.number));
    account = all.find((a) => a.kind === 'customer' && a.units.length === 1 && ownPhone(a))!;
  });
  afterAll(async () => {
    await megan?.close();
    await alex?.close();
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') {
      await alex.screenshot(`escalations-alex-${context.task.name.replace(/\W+/g, '-')}`);
      await megan.screenshot(`escalations-megan-${context.task.name.replace(/\W+/g, '-')}`);
    }
  });

  /** Megan opens the newest request in her queue that mentions `text`, and gets her own view of it. */
  async function openFromQueue(page: Page, text: string): Promise<void> {
    await sendMessage(page, 'queue');
    const queue = newestCardWith(page, 'asked by');
    await queue.getByText(text, { exact: false }).first().waitFor({ timeout: 20_000 });
    const row = page.locator('.ac-container').filter({ hasText: text }).last();
    await row.getByRole('button', { name: 'Open' }).click();
  }

  it('"Ask a mentor" on a question the KB cannot answer; the mentor answers it into the KB; the next agent gets that answer with its citation', async () => {
    await sendMessage(alex.page, 'what is the wifi password for the guest network at the office');
    await alex.page.getByText("I couldn't find a confident answer to that in the knowledge base.").last().waitFor({ timeout: 20_000 });
    await alex.page.getByRole('button', { name: 'Ask a mentor' }).last().click();
    await alex.page.getByText('Your question was recorded and sent to the mentors', { exact: false }).last().waitFor({ timeout: 20_000 });

    await openFromQueue(megan.page, 'wifi password');
    await megan.page.getByRole('button', { name: 'Answer', exact: true }).last().click();
    await megan.page.getByRole('textbox', { name: /^Answer/ }).last().fill('The guest wifi at the office is "Deskmate-Guest"; the password is on the card at the front desk and changes monthly.');
    await megan.page.getByText('Add to KB').last().click();
    await megan.page.getByRole('button', { name: 'Send answer' }).last().click();
    await megan.page.getByText('Added to the KB', { exact: false }).last().waitFor({ timeout: 20_000 });
    await megan.screenshot('escalations-mentor-answered');

    await sendMessage(alex.page, 'whats the guest wifi password at the office');
    const answer = alex.page.getByRole('paragraph').filter({ hasText: 'Deskmate-Guest' }).last();
    await answer.waitFor({ timeout: 20_000 });
    await answer.locator('a.fai-Citation').first().waitFor({ timeout: 10_000 });
    await alex.screenshot('escalations-kb-answer-from-mentor');
  });

  it('a refund approval from the customer card: the mentor approves it, the agent is told, and the note is written', async () => {
    const { page } = alex;
    await sendMessage(page, account.phones[0]!.number);
    const card = newestCardWith(page, `ID •••${account.id.slice(-3)}`);
    await card.getByRole('button', { name: 'Request approval' }).waitFor({ timeout: 20_000 });
    await card.getByRole('button', { name: 'Request approval' }).click();
    await page.getByRole('radio', { name: 'Refund or credit' }).last().check();
    await page.getByRole('button', { name: 'Next' }).last().click();
    await page.getByRole('combobox', { name: /^Refund or credit/ }).last().click();
    await page.getByRole('option', { name: 'Refund', exact: true }).click();
    await page.getByRole('textbox', { name: /^Amount/ }).last().fill('49.98');
    await page.getByRole('textbox', { name: /^Reason/ }).last().fill('Charged twice for November; the duplicate should go back to the card.');
    await page.getByRole('button', { name: 'Send to the mentors' }).last().click();
    await page.getByText('$49.98', { exact: false }).last().waitFor({ timeout: 20_000 });

    await openFromQueue(megan.page, account.lastName);
    await megan.page.getByRole('button', { name: 'Approve', exact: true }).last().click();
    await megan.page.getByRole('textbox', { name: /^Comment/ }).last().fill('Duplicate confirmed in the ledger.');
    await megan.page.getByRole('button', { name: 'Approve', exact: true }).last().click();
    await megan.page.getByText('Approved', { exact: false }).last().waitFor({ timeout: 20_000 });

    // Alex is told in the personal chat, and the account has the note.
    await page.getByText('Duplicate confirmed in the ledger.', { exact: false }).last().waitFor({ timeout: 20_000 });
    await alex.screenshot('escalations-agent-told');
    const notes = (await alex.deskmate.store.containers.notes.items.query<Note>({ query: 'SELECT * FROM c WHERE c.accountId = @a', parameters: [{ name: '@a', value: account.id }] }).fetchAll()).resources;
    expect(notes.some((n) => /49\.98/.test(n.resolution) && /approved/i.test(n.resolution) && n.resolution.includes('Megan Bowen'))).toBe(true);
  });
});
