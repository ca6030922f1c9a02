import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openChat, sendMessage, startPlaygroundSession, type PlaygroundSession } from './playground';

describe('Agents Playground: first contact', () => {
  let session: PlaygroundSession;
  beforeAll(async () => {
    session = await startPlaygroundSession();
  });
  afterAll(() => session?.close());
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await session.screenshot(`help-${context.task.name.replace(/\W+/g, '-')}`);
  });

  it('welcomes the user, lists the commands on "help", and the card buttons work', async () => {
    const { page } = session;
    await openChat(page, 'Personal Chat');
    await page.getByText('Hi, I am Deskmate').waitFor({ timeout: 20_000 });

    await sendMessage(page, 'help');
    const help = page.getByText('What Deskmate can do', { exact: true });
    await help.waitFor({ timeout: 20_000 });
    expect(await page.getByText('Signed in as Alex Wilber (Agent).').isVisible()).toBe(true);
    expect(await page.getByText('Shows your name and Deskmate roles, or what to ask an admin for.').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Who am I?' }).last().click();
    await page.getByText('Your Deskmate profile').waitFor({ timeout: 20_000 });
    expect(await page.getByText('Agent', { exact: true }).last().isVisible()).toBe(true);
    await session.screenshot('help-whoami');
  });
});
