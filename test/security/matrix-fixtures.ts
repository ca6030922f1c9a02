import { randomUUID } from 'node:crypto';
import type { Account } from '../../src/features/accounts/accounts.schemas';
import type { Escalation } from '../../src/features/escalations/escalations.schemas';
import type { Note } from '../../src/features/notes/notes.schemas';
import type { Task } from '../../src/features/tasks/tasks.schemas';
import { GOOD_NOTE } from '../notes/note-harness';
import { actionsOf, fresh, pressed, type SecurityBot } from './security-harness';

/** A same day vacate, rented yesterday, as an agent fills it in (tasks-bot.test.ts). */
export const SAME_DAY = { f_rentedOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), f_reason: 'Never moved in', f_refundExpected: 'Yes', details: 'Rented Friday, never moved in.' };
/** A refund request, as an agent fills it in (escalations-bot.test.ts). */
export const REFUND = { f_kind: 'Refund', f_amount: '49.98', f_why: 'Charged two months after the move-out.' };

type Data = Record<string, unknown>;

/** Real demo accounts and payloads taken from the cards the bot renders, for every row of the matrix. */
export interface Fixtures {
  /** A PDX1 customer with one unit and a phone no other account has. */
  account: Account;
  /** A customer at another location (SEA1), with a phone no other account has. */
  elsewhere: Account;
  /** A customer with a past-due unit (promise to pay). */
  late: Account;
  /** A phone two or more accounts share (a lookup that lists accounts). */
  sharedPhone: string;
  /** One of `account`'s notes (Correct). */
  note: { accountId: string; noteId: string };
  moreNotes: Data;
  page: Data;
  contactSave: Data;
  verifySubmit: Data;
  promiseSubmit: Data;
  noteSubmit: Data;
  taskCreate: Data;
  task: { accountId: string; taskId: string };
  tasksMore: Data;
  escalationCreate: Data;
  /** Open requests by the agent: to decide, to ask about, and one waiting for the agent's answer. */
  decide: { accountId: string; escalationId: string };
  ask: { accountId: string; escalationId: string };
  reply: { accountId: string; escalationId: string };
  queueMore: Data;
  quickSave: Data;
  quickId: string;
  personSave: Data;
  capture: Data;
  entryId: string;
  entrySave: Data;
}

async function all<T>(h: SecurityBot, container: keyof SecurityBot['store']['containers'], query: string, parameters: { name: string; value: string }[] = []): Promise<T[]> {
  return (await h.store.containers[container].items.query<T>({ query, parameters }).fetchAll()).resources;
}

/** Presses an Action.Execute button as `user` and returns the card that replaces it. */
async function execute(h: SecurityBot, verb: string, data: Data, user: Parameters<SecurityBot['call']>[1]): Promise<unknown> {
  const reply = await h.call({ kind: 'execute', verb, data }, user);
  const body = reply.raw[0] as { value?: unknown } | undefined;
  if (!body?.value) throw new Error(`${verb}: no card came back (${reply.text})`);
  return body.value;
}

/** The data of the first button with this verb, anywhere in these cards or messages. */
function buttonData(cards: unknown, verb: string): Data {
  const action = actionsOf(cards).find((a) => (a.verb ?? a.data?.verb) === verb);
  if (!action?.data) throw new Error(`no ${verb} button: ${actionsOf(cards).map((a) => a.title).join(', ')}`);
  return action.data;
}

/**
 * Builds everything the rows send, through the bot as real users would (admins and mentors open
 * the forms; the agent files the tasks and requests), so every payload is one a real card carries.
 */
export async function buildFixtures(h: SecurityBot): Promise<Fixtures> {
  const customers = await all<Account>(h, 'accounts', 'SELECT * FROM c WHERE c.kind = "customer"');
  const lookups = await all<{ key: string; accountIds: string[] }>(h, 'lookups', 'SELECT c.key, c.accountIds FROM c WHERE IS_DEFINED(c.accountIds)');
  const owners = new Map(lookups.map((l) => [l.key, l.accountIds.length]));
  const uniquePhone = (a: Account) => a.phones.length > 0 && owners.get(`phone:${a.phones[0]!.number}`) === 1;
  const notes = await all<Note>(h, 'notes', 'SELECT * FROM c');
  const noteCount = (id: string) => notes.filter((n) => n.accountId === id).length;

  const account = customers.find((a) => a.locationId === 'PDX1' && a.units.length === 1 && uniquePhone(a) && noteCount(a.id) >= 4);
  const elsewhere = customers.find((a) => a.locationId === 'SEA1' && a.units.length === 1 && uniquePhone(a));
  const late = customers.find((a) => a.id !== account?.id && a.units.some((u) => u.amountDueCents > 0));
  const shared = lookups.find((l) => l.key.startsWith('phone:') && l.accountIds.length >= 2);
  if (!account || !elsewhere || !late || !shared) throw new Error('the demo data lacks an account the matrix needs');
  const note = notes.find((n) => n.accountId === account.id)!;

  // Two more notes (verifications) so the customer card pages its notes: "Show more notes".
  const verifyForm = await execute(h, 'account.verify.open', { accountId: account.id }, 'admin');
  const verifySubmit = pressed(verifyForm, 'Check', { phone: account.phones[0]!.number }).data;
  for (let i = 0; i < 2; i += 1) await execute(h, 'account.verify.submit', fresh(verifySubmit), 'admin');
  const moreNotes = buttonData(await execute(h, 'account.refresh', { accountId: account.id }, 'admin'), 'account.moreNotes');

  const list = await h.call({ kind: 'text', text: `account ${customers.find((a) => customers.filter((b) => b.lastName === a.lastName).length > 10)!.lastName}` }, 'admin');
  const page = buttonData(list.raw, 'account.page');

  const contactSave = pressed(await execute(h, 'contact.open', { accountId: account.id }, 'admin'), 'Save changes').data;
  const dueBy = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const promiseSubmit = pressed(await execute(h, 'account.promise.open', { accountId: late.id }, 'admin'), 'Set promise', { date: dueBy, amount: '25' }).data;
  const noteSubmit = pressed(await execute(h, 'note.open', { accountId: account.id }, 'admin'), 'Check and save', GOOD_NOTE).data;

  // Six tasks on the account (a list pages after five): the agent creates them from the form.
  // Due tomorrow at noon (within every store's hours), so the form stays valid however long the run takes.
  const due = { dueDate: new Date(Date.now() + 86_400_000).toISOString().slice(0, 10), dueTime: '12:00' };
  const taskCreate = pressed(await execute(h, 'task.form', { accountId: account.id, typeId: 'vacate-same-day' }, 'agent'), 'Create task', { ...SAME_DAY, ...due }).data;
  for (let i = 0; i < 6; i += 1) await execute(h, 'task.create', fresh(taskCreate), 'agent');
  const tasks = await all<Task>(h, 'tasks', 'SELECT * FROM c WHERE c.accountId = @a', [{ name: '@a', value: account.id }]);
  const tasksMore = buttonData((await h.call({ kind: 'text', text: `tasks ${account.phones[0]!.number}` }, 'admin')).raw, 'task.more');

  // Seven open requests by the agent (the queue pages after five); the mentor asks about the third.
  const escalationCreate = pressed(await execute(h, 'escalation.form', { accountId: account.id, typeId: 'refund' }, 'agent'), 'Send to the mentors', REFUND).data;
  for (let i = 0; i < 7; i += 1) await execute(h, 'escalation.create', fresh(escalationCreate), 'agent');
  const requests = (await all<Escalation>(h, 'escalations', 'SELECT * FROM c WHERE c.accountId = @a', [{ name: '@a', value: account.id }])).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const ref = (e: Escalation) => ({ accountId: e.accountId, escalationId: e.id });
  await execute(h, 'escalation.ask', { ...ref(requests[2]!), submissionId: randomUUID(), infoQuestion: 'Which month was charged twice?' }, 'mentor');
  const queueMore = buttonData((await h.call({ kind: 'text', text: 'queue' }, 'mentor')).raw, 'escalation.more');

  const quickSave = pressed(await execute(h, 'quick.edit', {}, 'mentor'), 'Save', { title: 'Overlock removed after payment', resolution: 'Asked the store to remove the overlock on unit [unit] today.' }).data;

  const personSave = pressed(await execute(h, 'people.edit', {}, 'admin'), 'Save', { objectId: '5d6e7f80-1a2b-4c3d-8e9f-0a1b2c3d4e5f', name: 'Nestor Wilke', roles: 'agent' }).data;

  const captureForm = await execute(h, 'mentorAnswer.answerIt', { question: 'Can a tenant keep a boat trailer in a parking space?' }, 'mentor');
  const answer = 'Only in a parking space rented for it, with the trailer registered on the account.';
  const firstCapture = pressed(captureForm, 'Add to KB', { answer }).data;
  await execute(h, 'mentorAnswer.capture', firstCapture, 'mentor');
  const entryId = String(firstCapture.id);
  const entrySave = pressed(await execute(h, 'mentorAnswer.edit', { id: entryId }, 'mentor'), 'Save', { answer: `${answer} Ask the store first.` }).data;
  const capture = pressed(await execute(h, 'mentorAnswer.answerIt', { question: 'May a tenant sublet a unit?' }, 'mentor'), 'Add to KB', { answer: 'No: the rental agreement does not allow subletting a unit.' }).data;

  return {
    account, elsewhere, late, sharedPhone: shared.key.slice('phone:'.length), note: { accountId: account.id, noteId: note.id },
    moreNotes, page, contactSave, verifySubmit, promiseSubmit, noteSubmit,
    taskCreate, task: { accountId: account.id, taskId: tasks[0]!.id }, tasksMore,
    escalationCreate, decide: ref(requests[0]!), ask: ref(requests[1]!), reply: ref(requests[2]!), queueMore,
    quickSave, quickId: 'demo-promise-to-pay', personSave, capture, entryId, entrySave,
  };
}
