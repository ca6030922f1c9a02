import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PLAYGROUND_USERS } from '../../src/demo/demo-people';
import type { Person } from '../../src/features/people/people.schemas';
import { newestCardWith, openChat, sendMessage, startPlaygroundSession, type PlaygroundSession } from './playground';

/** An admin sets up a colleague from Teams: the people card, Add a person, a mistake, then saved. */
describe('Agents Playground: an admin manages people', () => {
  let session: PlaygroundSession;
  beforeAll(async () => {
    session = await startPlaygroundSession({ user: 'Adele Vance' });
  });
  afterAll(() => session?.close());
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await session.screenshot(`people-${context.task.name.replace(/\W+/g, '-')}`);
  });

  it('Adele adds Lynne as an agent; a wrong store id is shown under the field and nothing typed is lost', async () => {
    const { page } = session;
    await openChat(page, 'Personal Chat');
    await sendMessage(page, 'people');
    await page.getByText('Find by name or user id').last().waitFor({ timeout: 20_000 });
    expect(await newestCardWith(page, 'Find by name or user id').getByText('Megan Bowen').isVisible()).toBe(true);

    await newestCardWith(page, 'Find by name or user id').getByRole('button', { name: 'Add a person' }).click();
    await page.getByText('Entra user object id').last().waitFor({ timeout: 20_000 });
    await page.getByLabel('Entra user object id').last().fill(PLAYGROUND_USERS.lynne);
    await page.getByLabel('Name', { exact: true }).last().fill('Lynne Robbins');
    await page.getByLabel('Stores they serve').last().fill('PDX9');
    await newestCardWith(page, 'Entra user object id').getByRole('button', { name: 'Save' }).click();
    await page.getByText('Not a store id: PDX9').last().waitFor({ timeout: 20_000 });
    expect(await page.getByLabel('Name', { exact: true }).last().inputValue()).toBe('Lynne Robbins');
    await session.screenshot('people-form-problem');

    await page.getByLabel('Stores they serve').last().fill('PDX1');
    await newestCardWith(page, 'Entra user object id').getByRole('button', { name: 'Save' }).click();
    await page.getByText('Added Lynne Robbins.').last().waitFor({ timeout: 20_000 });
    await session.screenshot('people-added');
    const { resource } = await session.deskmate.store.containers.people.item(PLAYGROUND_USERS.lynne, PLAYGROUND_USERS.lynne).read<Person>();
    expect(resource).toMatchObject({ name: 'Lynne Robbins', roles: ['agent'], locationIds: ['PDX1'], active: true });
  });
});
