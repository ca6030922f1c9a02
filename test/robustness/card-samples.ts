import type { Activity } from 'botbuilder';
import type { Account } from '../../src/features/accounts/accounts.schemas';
import type { Escalation } from '../../src/features/escalations/escalations.schemas';
import type { Note } from '../../src/features/notes/notes.schemas';
import type { Task } from '../../src/features/tasks/tasks.schemas';
import { actionsOf } from '../accounts/verify/card-helpers';
import { TEST_PEOPLE } from '../helpers/bot-harness';
import { GOOD_NOTE } from '../notes/note-harness';
import type { FuzzUser, RobustBot, TurnResult } from './robust-bot';

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

/** The Adaptive Cards a turn showed: the invoke's card, or the cards of its messages. */
export function cardsOf(result: Pick<TurnResult, 'body' | 'messages'>): Record<string, unknown>[] {
  const body = result.body as { type?: string; value?: unknown } | undefined;
  if (body?.type === ADAPTIVE && body.value && typeof body.value === 'object') return [body.value as Record<string, unknown>];
  return result.messages.flatMap((m: Partial<Activity>) => (m.attachments ?? []).filter((a) => a.contentType === ADAPTIVE).map((a) => a.content as Record<string, unknown>));
}

/** Each input's value as Teams sends it with a press; an empty choice set sends its first choice. */
export function inputsOf(card: unknown): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') {
        const choices = Array.isArray(o.choices) ? (o.choices as { value?: string }[]) : [];
        values[o.id] = o.value || choices[0]?.value || '';
      }
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return values;
}

/** What real cards send per verb, and real ids to mix into generated payloads. */
export interface Samples {
  byVerb: Map<string, Record<string, unknown>[]>;
  accountIds: string[];
  /** Ids of things other people made: notes, tasks, escalations, quick responses, mentor answers. */
  otherIds: string[];
  /** AAD object ids of other people (test people and the demo's people). */
  peopleIds: string[];
}

/**
 * Walks the bot the way agents and mentors do (customer cards, the note, task, approval, verify,
 * promise and contact forms, quick responses, KB gaps and mentor answers), creating a task, a
 * request and a mentor answer on the way, and keeps what each button of each card shown would send.
 */
export async function collectSamples(bot: RobustBot): Promise<Samples> {
  const byVerb = new Map<string, Record<string, unknown>[]>();
  const harvest = (cards: Record<string, unknown>[]) => {
    for (const card of cards) {
      const inputs = inputsOf(card);
      for (const action of actionsOf(card)) {
        const data = action.data ?? {};
        const verb = action.type === 'Action.Execute' ? action.verb : typeof data.verb === 'string' ? data.verb : undefined;
        if (!verb) continue;
        const { verb: _v, ...rest } = { ...inputs, ...data } as Record<string, unknown>;
        const list = byVerb.get(verb) ?? [];
        if (list.length < 3 && !list.some((s) => JSON.stringify(s) === JSON.stringify(rest))) list.push(rest);
        byVerb.set(verb, list);
      }
    }
  };
  /** Shows what a turn answered, keeps its buttons, and gives its first card. */
  const shown = (result: TurnResult) => {
    const cards = cardsOf(result);
    harvest(cards);
    return cards[0];
  };
  /** Presses the first button of `card` with this verb, as Teams would (inputs, button data, typed values). */
  const press = async (card: unknown, verb: string, typed: Record<string, unknown> = {}, user: FuzzUser = 'agent') => {
    const action = actionsOf(card).find((a) => (a.type === 'Action.Execute' ? a.verb === verb : a.data?.verb === verb));
    if (!action) return undefined;
    const data = { ...inputsOf(card), ...action.data, ...typed };
    return shown(action.type === 'Action.Execute' ? await bot.execute(verb, data, user) : await bot.submit({ ...data, verb }, user));
  };
  const { containers } = bot.store;
  const customers = (await containers.accounts.items.query<Account>('SELECT * FROM c WHERE c.kind = "customer"').fetchAll()).resources;
  const leads = (await containers.accounts.items.query<Account>('SELECT * FROM c WHERE c.kind = "lead"').fetchAll()).resources;
  const multiUnit = customers.find((a) => a.units.length >= 2)!;
  const delinquent = customers.find((a) => a.id !== multiUnit.id && a.units.some((u) => u.status === 'Delinquent'))!;
  const chosen = [multiUnit, delinquent, leads[0]!];

  // The list card (account.open, account.page) and each chosen account's customer card.
  shown(await bot.say(`account ${multiUnit.lastName}`));
  const byName = new Map<string, number>();
  for (const a of customers) byName.set(a.lastName, (byName.get(a.lastName) ?? 0) + 1);
  const commonName = [...byName].sort((x, y) => y[1] - x[1])[0]![0];
  shown(await bot.say(`account ${commonName}`));
  const noteCounts = new Map<string, number>();
  for (const n of (await containers.notes.items.query<{ accountId: string }>('SELECT c.accountId FROM c').fetchAll()).resources) noteCounts.set(n.accountId, (noteCounts.get(n.accountId) ?? 0) + 1);
  const chatty = [...noteCounts].sort((x, y) => y[1] - x[1])[0]![0];
  const customerCards = [];
  for (const id of [...chosen.map((a) => a.id), chatty]) customerCards.push(shown(await bot.submit({ verb: 'account.open', accountId: id })));
  const [card, delinquentCard] = customerCards;

  // Notes: the form, Fill in, a vague note (the review card), a correction.
  const form = await press(card, 'note.open');
  await press(form, 'note.fill');
  await press(form, 'note.submit', { callerName: `${multiUnit.firstName} ${multiUnit.lastName}`, reason: 'Called.', resolution: 'Helped.', disposition: '' });
  const flagged = {
    ...GOOD_NOTE,
    units: multiUnit.units[0]!.id,
    reason: 'Customer was rude and said "I will never pay you people another cent" on the call.',
    resolution: 'Updated the phone number. Will call back.',
  };
  await press(form, 'note.submit', flagged);
  await press(card, 'note.correct');
  // Verify caller, update contact, promise to pay.
  const verify = await press(card, 'account.verify.open');
  await press(verify, 'account.verify.submit', { phone: multiUnit.phones[0]?.number ?? '' });
  await press(card, 'contact.open');
  const promise = await press(delinquentCard, 'account.promise.open');
  await press(promise, 'account.promise.submit', { date: '', amount: '' });
  // A task: the picker, a type's form, created; the worker's view; the lists.
  const picker = await press(card, 'task.pick');
  const taskForm = await press(picker, 'task.form', { typeId: 'vacate-same-day' });
  await press(taskForm, 'task.create', { f_rentedOn: '2026-11-20', f_reason: 'Never moved in', f_refundExpected: 'Yes', details: 'Rented Friday, never moved in.' });
  const onboarding = await press(picker, 'task.form', { typeId: 'customer-onboarding' });
  await press(onboarding, 'task.create', { f_onboardDate: '2026-12-01', details: 'New property onboarding.' });
  const tasks = (await containers.tasks.items.query<Task>('SELECT * FROM c').fetchAll()).resources;
  for (const task of tasks) shown(await bot.execute('task.view', { accountId: task.accountId, taskId: task.id }, 'admin'));
  shown(await bot.say('my tasks', 'admin'));
  shown(await bot.say(`tasks ${multiUnit.id}`, 'admin'));
  // A request for approval: the picker, the form, created; the mentor's view, Need info, the requester's reply form.
  const approvals = await press(card, 'escalation.pick');
  const approvalForm = await press(approvals, 'escalation.form', { typeId: 'refund' });
  await press(approvalForm, 'escalation.create', { f_kind: 'Refund', f_amount: '49.98', f_why: 'Charged two months after the move-out.' });
  const escalations = (await containers.escalations.items.query<Escalation>('SELECT * FROM c').fetchAll()).resources;
  for (const e of escalations) {
    const ref = { accountId: e.accountId, escalationId: e.id };
    const mentorView = shown(await bot.execute('escalation.view', ref, 'mentor'));
    await press(mentorView, 'escalation.ask', { infoQuestion: 'Which month was charged twice?' }, 'mentor');
    shown(await bot.execute('escalation.view', ref, 'agent'));
  }
  shown(await bot.say('queue', 'mentor'));
  // Quick responses (mentors).
  const quick = shown(await bot.say('quick responses', 'mentor'));
  await press(quick, 'quick.edit', {}, 'mentor');
  // People (admins).
  const peopleList = shown(await bot.say('people', 'admin'));
  await press(peopleList, 'people.edit', {}, 'admin');
  // KB: an unsure answer (Ask a mentor), the gaps, an answer added to the KB, the list of mentor answers and its edit form.
  shown(await bot.say('where is the fax machine in the back office'));
  const gaps = shown(await bot.say('kb gaps', 'mentor'));
  const answerForm = await press(gaps, 'mentorAnswer.answerIt', {}, 'mentor');
  await press(answerForm, 'mentorAnswer.capture', { answer: 'There is no fax machine: send documents by email to the store instead.' }, 'mentor');
  const answers = shown(await bot.say('kb answers', 'mentor'));
  await press(answers, 'mentorAnswer.edit', {}, 'mentor');

  // No card showed these here (too few notes, tasks or requests for a second page): what their buttons carry, with a real continuation token.
  const page = await containers.notes.items.query({ query: 'SELECT * FROM c WHERE c.accountId = @a ORDER BY c.createdAt DESC', parameters: [{ name: '@a', value: chatty }] }, { partitionKey: chatty, maxItemCount: 1 }).fetchNext();
  const continuation = page.continuationToken ?? 'no-token';
  const synthetic: Record<string, Record<string, unknown>> = {
    'account.moreNotes': { accountId: chatty, continuation },
    'task.more': { list: 'mine', continuation },
    'escalation.more': { continuation },
  };
  for (const [verb, sample] of Object.entries(synthetic)) if (!byVerb.has(verb)) byVerb.set(verb, [sample]);

  const someNotes = (await containers.notes.items.query<Note>({ query: 'SELECT * FROM c WHERE c.accountId = @a', parameters: [{ name: '@a', value: multiUnit.id }] }).fetchAll()).resources;
  const quickIds = (await containers.quickresponses.items.query<{ id: string }>('SELECT c.id FROM c').fetchAll()).resources;
  const entryIds = (await containers.kbentries.items.query<{ id: string }>('SELECT c.id FROM c').fetchAll()).resources;
  const people = (await containers.people.items.query<{ id: string }>('SELECT c.id FROM c').fetchAll()).resources;
  return {
    byVerb,
    accountIds: [...chosen.map((a) => a.id), ...customers.slice(0, 20).map((a) => a.id)],
    otherIds: [...someNotes, ...tasks, ...escalations, ...quickIds, ...entryIds].map((d) => d.id),
    peopleIds: [...new Set([...Object.values(TEST_PEOPLE).map((p) => p.id), ...people.map((p) => p.id)])],
  };
}
