import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../src/features/people/people.schemas';
import type { Task } from '../../src/features/tasks/tasks.schemas';
import { createNoteBot, inputsOf, type Card } from '../notes/note-harness';

const NEW_ID = '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f';
const STORE_HIRE_ID = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';

/** `people`: admins add people, set roles and stores, switch them off; Deskmate then treats them so. */
describe('people and roles, managed from Teams by admins (real Application, demo data)', () => {
  let t: Awaited<ReturnType<typeof createNoteBot>>;
  beforeAll(async () => {
    t = await createNoteBot();
  }, 60_000);
  afterAll(() => t.close());

  const card = (replies: Awaited<ReturnType<typeof t.bot.say>>) => replies[0]!.attachments![0]!.content as Card;
  const stored = async (id: string) => (await t.bot.store.containers.people.item(id, id).read<Person>()).resource;
  const newcomer = { id: NEW_ID, name: 'Nestor Wilke' };

  it('an admin adds a person, who can then work as an agent; a bad form keeps what was typed', async () => {
    expect(t.visibleText(await t.bot.say('whoami', newcomer))).toContain('Not set up in Deskmate');
    const list = card(await t.bot.say('people', 'admin'));
    expect(t.text(list)).toContain('People');
    const form = await t.press(list, 'Add a person', {}, 'admin');

    const bad = await t.press(form, 'Save', { objectId: 'nestor@contoso.com', name: 'Nestor Wilke', roles: 'agent,location_user', locationIds: 'PDX1, NOPE9' }, 'admin');
    expect(t.text(bad)).toContain('Enter their Entra user object id');
    expect(t.text(bad)).toContain('Not a store id: NOPE9');
    expect(inputsOf(bad)).toMatchObject({ objectId: 'nestor@contoso.com', name: 'Nestor Wilke', roles: 'agent,location_user', locationIds: 'PDX1, NOPE9' });
    expect(await stored('nestor@contoso.com')).toBeUndefined();

    const saved = await t.press(bad, 'Save', { objectId: NEW_ID.toUpperCase(), locationIds: 'pdx1' }, 'admin');
    expect(t.text(saved)).toContain('Added Nestor Wilke');
    expect(await stored(NEW_ID)).toMatchObject({ name: 'Nestor Wilke', roles: ['agent', 'location_user'], locationIds: ['PDX1'], active: true });
    const whoami = t.visibleText(await t.bot.say('whoami', newcomer));
    expect(whoami).toContain('Agent, Location user');
    expect(whoami).toContain('PDX1');

    const again = await t.press(bad, 'Save', { objectId: NEW_ID, locationIds: 'PDX1' }, 'admin');
    expect(t.text(again)).toContain('Nestor Wilke is already set up with this id');
  });

  it('an admin switches someone off and changes roles; a change made meanwhile by another admin is not lost silently', async () => {
    const list = card(await t.bot.say('people', 'admin'));
    const found = await t.press(list, 'Find', { find: 'nestor' }, 'admin');
    expect(t.text(found)).toContain('1 match "nestor"');
    const form = await t.press(found, 'Edit', {}, 'admin');
    const current = (await stored(NEW_ID))!;
    await t.bot.store.containers.people.item(NEW_ID, NEW_ID).replace({ ...current, title: 'Senior agent' });

    const conflict = await t.press(form, 'Save', { roles: 'mentor', active: 'false' }, 'admin');
    expect(t.text(conflict)).toContain('Someone changed this person while you were editing');
    expect(inputsOf(conflict)).toMatchObject({ roles: 'mentor', active: 'false' });
    expect((await stored(NEW_ID))?.roles).toEqual(['agent', 'location_user']);

    const saved = await t.press(conflict, 'Save', {}, 'admin');
    expect(t.text(saved)).toContain('Saved Nestor Wilke');
    expect(await stored(NEW_ID)).toMatchObject({ roles: ['mentor'], active: false });
    expect(t.visibleText(await t.bot.say('queue', newcomer))).toMatch(/switched off|not set up/i);
  });

  it('an admin cannot take away their own admin role; nobody but admins gets the list or saves', async () => {
    const list = card(await t.bot.say('people', 'admin'));
    const mine = await t.press(await t.press(list, 'Find', { find: 'Ada Admin' }, 'admin'), 'Edit', {}, 'admin');
    const refused = await t.press(mine, 'Save', { roles: 'agent' }, 'admin');
    expect(t.text(refused)).toContain('You cannot take away your own admin role');
    expect((await stored('aad-admin-1'))?.roles).toEqual(['admin']);

    expect(t.visibleText(await t.bot.say('people', 'mentor'))).toContain('Your role does not allow this');
    const forged = await t.execute('people.save', { id: 'aad-mentor-1', name: 'Morgan Mentor', roles: 'admin', active: 'true' }, 'mentor');
    expect(t.text(forged)).toContain('Your role does not allow this');
    expect((await stored('aad-mentor-1'))?.roles).toEqual(['mentor']);
  });

  it('someone an admin adds to a store is on the refresh list of its task cards at once, although the bot keeps the active people for 30 s', async () => {
    const account = t.take(1, true);
    const customerCard = card(await t.bot.send({ text: undefined, value: { verb: 'account.open', accountId: account.id } }));
    const picker = await t.press(customerCard, 'Create task');
    const form = await t.press(picker, 'Next', { typeId: 'vacate-same-day' });
    await t.press(form, 'Create task', { f_rentedOn: '2026-11-20', f_reason: 'Never moved in', f_refundExpected: 'Yes', details: 'Never moved in.' });
    const { resources: [task] } = await t.bot.store.containers.tasks.items.query<Task>({ query: 'SELECT * FROM c WHERE c.accountId = @a', parameters: [{ name: '@a', value: account.id }] }).fetchAll();
    const ref = { accountId: account.id, taskId: task!.id };
    const refreshFor = async () => ((await t.execute('task.view', ref)) as unknown as { refresh: { userIds: string[] } }).refresh.userIds;
    expect(await refreshFor()).not.toContain(STORE_HIRE_ID);

    const addForm = await t.press(card(await t.bot.say('people', 'admin')), 'Add a person', {}, 'admin');
    const saved = await t.press(addForm, 'Save', { objectId: STORE_HIRE_ID, name: 'Sam Storefront', roles: 'location_user', locationIds: account.locationId }, 'admin');
    expect(t.text(saved)).toContain('Added Sam Storefront');
    expect(await refreshFor()).toContain(STORE_HIRE_ID);
  });
});
