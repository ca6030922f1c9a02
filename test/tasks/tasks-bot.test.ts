import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Account } from '../../src/features/accounts/accounts.schemas';
import type { Person } from '../../src/features/people/people.schemas';
import { PeopleStore } from '../../src/features/people/people.store';
import type { Task } from '../../src/features/tasks/tasks.schemas';
import { inChannel, startConnector } from '../links/links-helpers';
import { actionsOf, createNoteBot, elementById, type Card } from '../notes/note-harness';

const STORE_USER = (locationId: string): Person => ({ id: `aad-store-${locationId}`, name: `Store ${locationId}`, roles: ['location_user'], locationIds: [locationId], active: true });
const SAME_DAY = { f_rentedOn: '2026-11-20', f_reason: 'Never moved in', f_refundExpected: 'Yes', details: 'Rented Friday, never moved in.' };

describe('follow-up tasks in the bot (real Application, demo data)', () => {
  let t: Awaited<ReturnType<typeof createNoteBot>>;
  beforeAll(async () => {
    t = await createNoteBot();
    // Each store's user is set up before any task exists, as an import would: the bot keeps the active people for 30 s.
    const { resources: locations } = await t.bot.store.containers.locations.items.query<{ id: string }>('SELECT c.id FROM c').fetchAll();
    const people = new PeopleStore(t.bot.store.containers.people);
    for (const { id } of locations) await people.upsert(STORE_USER(id));
  }, 60_000);
  afterAll(() => t.close());

  const tasksOf = async (accountId: string) => (await t.bot.store.containers.tasks.items.query<Task>({ query: 'SELECT * FROM c WHERE c.accountId = @a', parameters: [{ name: '@a', value: accountId }] }).fetchAll()).resources;
  const asStore = (account: Account) => {
    const person = STORE_USER(account.locationId);
    return { id: person.id, name: person.name };
  };

  /** From the customer card: Create task, pick the type, Next: the type's form. */
  async function formFor(account: Account, typeId: string): Promise<Card> {
    const replies = await t.bot.send({ text: undefined, value: { verb: 'account.open', accountId: account.id } });
    const picker = await t.press(replies[0]!.attachments![0]!.content as Card, 'Create task');
    expect(t.text(picker)).toContain('Create a task');
    return t.press(picker, 'Next', { typeId });
  }

  async function createSameDay(account: Account): Promise<{ task: Task; form: Card; created: Card }> {
    const form = await formFor(account, 'vacate-same-day');
    const created = await t.press(form, 'Create task', SAME_DAY);
    const task = (await tasksOf(account.id)).find((x) => x.typeId === 'vacate-same-day' && x.status === 'open')!;
    return { task, form, created };
  }

  it('creates a same day vacate from the customer card: routed to the store, due in its business hours, noted on the account; a replay creates nothing', async () => {
    const account = t.take(1, true);
    const { task, form, created } = await createSameDay(account);
    expect(t.text(created)).toContain('Task created');
    expect(task).toMatchObject({ category: 'Vacate', name: 'Same day vacate', assignee: { kind: 'location', id: account.locationId }, unitIds: [account.units[0]!.id], fields: { reason: 'Never moved in', refundExpected: 'Yes' } });
    expect(Date.parse(task.dueAt)).toBeGreaterThan(Date.now());
    const note = (await t.notesOf(account.id)).find((n) => n.id.startsWith(`${task.id}:created`));
    expect(note?.resolution).toContain('Created the task "Vacate › Same day vacate"');

    const replay = await t.press(form, 'Create task', SAME_DAY);
    expect(t.text(replay)).toContain('already created');
    expect((await tasksOf(account.id)).filter((x) => x.typeId === 'vacate-same-day')).toHaveLength(1);
  });

  it('sends a bad form back with the values kept and the problem under its field', async () => {
    const account = t.take(1, true);
    const form = await formFor(account, 'vacate-schedule');
    const again = await t.press(form, 'Create task', { f_moveOutDate: '2020-01-01', details: 'Moving away.' });
    expect(t.text(again)).toContain('not in the past');
    expect(elementById(again, 'details')?.value).toBe('Moving away.');
    expect(await tasksOf(account.id)).toHaveLength(0);
  });

  it('the store starts and completes it; the requester only sees the status; completing needs an outcome and writes a note', async () => {
    const account = t.take(1, true);
    const { task } = await createSameDay(account);
    const store = asStore(account);
    const ref = { accountId: account.id, taskId: task.id };

    const requesterView = await t.execute('task.view', ref, 'agent');
    const buttons = (requesterView.actions ?? []).map((a) => a.title);
    expect(buttons).toEqual(['Cancel task']);
    const refused = await t.execute('task.start', ref, 'agent');
    expect(t.text(refused)).toContain(`Only ${task.assignee.name} can do that`);

    const workerView = await t.execute('task.view', ref, store);
    expect(actionsOf(workerView).map((a) => a.title)).toContain('Start');
    expect((workerView as unknown as { refresh: { userIds: string[] } }).refresh.userIds).toEqual(expect.arrayContaining(['aad-agent-1', store.id]));
    const started = await t.press(workerView, 'Start', {}, store);
    expect(t.text(started)).toContain('In progress');

    const noOutcome = await t.execute('task.complete', { ...ref, outcome: '  ' }, store);
    expect(t.text(noOutcome)).toContain('Say how the task ended');
    const done = await t.execute('task.complete', { ...ref, outcome: 'Vacated, refund of $79.00 requested.' }, store);
    expect(t.text(done)).toContain('Done');
    expect((await t.notesOf(account.id)).find((n) => n.id.startsWith(`${task.id}:completed`))?.resolution).toContain('Vacated, refund of $79.00 requested.');

    const again = await t.execute('task.complete', { ...ref, outcome: 'Again' }, store);
    expect(t.text(again)).toContain(`This task was already completed by ${store.name}`);
  });

  it('two people completing one task at once: one wins, the other is told who did', async () => {
    const account = t.take(1, true);
    const { task } = await createSameDay(account);
    const store = asStore(account);
    const ref = { accountId: account.id, taskId: task.id };
    const [a, b] = await Promise.all([
      t.execute('task.complete', { ...ref, outcome: 'Done by the store.' }, store),
      t.execute('task.complete', { ...ref, outcome: 'Done by the mentor.' }, 'admin'),
    ]);
    const texts = [t.text(a), t.text(b)];
    expect(texts.filter((x) => x.includes('already completed by'))).toHaveLength(1);
    const stored = (await tasksOf(account.id)).find((x) => x.id === task.id)!;
    expect(stored.history.filter((h) => h.action === 'completed')).toHaveLength(1);
  });

  it('an onboarding task cannot be completed before its required checklist items are ticked', async () => {
    const account = t.take(1, true);
    const form = await formFor(account, 'customer-onboarding');
    await t.press(form, 'Create task', { f_onboardDate: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10), details: 'New property onboarding.' });
    const task = (await tasksOf(account.id)).find((x) => x.typeId === 'customer-onboarding')!;
    const ref = { accountId: account.id, taskId: task.id };
    const blocked = await t.execute('task.complete', { ...ref, outcome: 'All done.' }, 'admin');
    expect(t.text(blocked)).toContain('Tick the required checklist items first');
    for (const item of task.checklist.filter((i) => i.required)) await t.execute('task.check', { ...ref, itemId: item.id, done: true }, 'admin');
    const done = await t.execute('task.complete', { ...ref, outcome: 'All done.' }, 'admin');
    expect(t.text(done)).toContain('Done');
  });

  it('"my tasks" lists the store\'s open tasks; "tasks <account>" lists the account\'s', async () => {
    const account = t.take(1, true);
    const { task } = await createSameDay(account);
    const store = asStore(account);
    const mine = t.visibleText(await t.bot.say('my tasks', store));
    expect(mine).toContain(task.accountName);
    const forAccount = t.visibleText(await t.bot.say(`tasks ${account.id}`));
    expect(forAccount).toContain('Vacate › Same day vacate');
  });

  describe('posted to the store\'s channel', () => {
    let connector: Awaited<ReturnType<typeof startConnector>>;
    afterEach(() => connector?.close());

    it('posts the task card with refresh for its viewers, and updates it in place when it changes', async () => {
      const account = t.take(1, true);
      connector = await startConnector();
      await t.bot.send({ text: `link location ${account.locationId}`, ...inChannel({ id: `19:${account.locationId}-tasks@thread.tacv2` }, { serviceUrl: connector.url }) }, 'admin');
      const { task } = await createSameDay(account);
      const post = connector.calls.find((c) => c.method === 'POST')!;
      const card = (post.body.attachments as { content: { refresh: { userIds: string[] } } }[])[0]!.content;
      expect(card.refresh.userIds).toContain('aad-agent-1');
      expect(task.posts).toHaveLength(1);
      await t.execute('task.start', { accountId: account.id, taskId: task.id }, 'admin');
      const put = connector.calls.find((c) => c.method === 'PUT');
      expect(put?.url).toContain(task.posts[0]!.activityId);
      expect(JSON.stringify(put?.body)).toContain('In progress');
    });

    it('tells the requester in their personal chat when the task is completed', async () => {
      const account = t.take(1, true);
      connector = await startConnector();
      const { task } = await createSameDay(account);
      // The agent's last personal message came through the loopback connector: that is where Deskmate writes back.
      await t.bot.send({ text: 'whoami', serviceUrl: connector.url }, 'agent');
      const store = asStore(account);
      await t.execute('task.complete', { accountId: account.id, taskId: task.id, outcome: 'Vacated.' }, store);
      const personal = connector.calls.filter((c) => c.method === 'POST' && decodeURIComponent(c.url).includes('conv-aad-agent-1'));
      expect(personal).toHaveLength(1);
      expect(personal[0]!.body.summary).toContain('was completed');
      expect(JSON.stringify(personal[0]!.body)).toContain('Vacated.');
    });

    it('reassigned to the mentors, the task card is posted in the mentors\' channel too', async () => {
      const account = t.take(1, true);
      connector = await startConnector();
      await t.bot.send({ text: `link location ${account.locationId}`, ...inChannel({ id: `19:${account.locationId}-store@thread.tacv2` }, { serviceUrl: connector.url }) }, 'admin');
      await t.bot.send({ text: 'link mentors', ...inChannel({ id: '19:mentors@thread.tacv2' }, { serviceUrl: connector.url }) }, 'admin');
      const { task } = await createSameDay(account);
      const reassigned = await t.execute('task.reassign', { accountId: account.id, taskId: task.id, assignee: 'mentors:mentors' }, 'admin');
      expect(t.text(reassigned)).toContain('Reassigned to Mentors');
      const posts = connector.calls.filter((c) => c.method === 'POST').map((c) => decodeURIComponent(c.url));
      expect(posts.some((u) => u.includes('19:mentors@thread.tacv2'))).toBe(true);
      const stored = (await tasksOf(account.id)).find((x) => x.id === task.id)!;
      expect(stored.posts.map((p) => p.linkId)).toEqual([`location:${account.locationId}`, 'mentors']);
      expect(stored.history.at(-1)).toMatchObject({ action: 'reassigned', detail: expect.stringContaining('to Mentors') });
    });
  });
});
