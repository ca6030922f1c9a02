import type { Application } from '@microsoft/teams-ai';
import { z } from 'zod/v4';
import { badFormCard, registerCardVerb, registerStaleVerbs, type CardFormDeps } from '../../shared/card-verbs';
import { adaptiveCard, cardAttachment, notice, type AdaptiveCard, type CardAction } from '../../shared/cards';
import type { CommandInfo } from '../../shared/commands';
import { DomainError } from '../../shared/errors';
import type { RouteWrapper } from '../../shared/turn';
import type { AccountsService } from '../accounts/accounts.service';
import { requirePermission, type Caller } from '../people/people.service';
import { taskCreatedCard, taskListCard } from './cards/task-list.cards';
import { taskFormCard, taskTypePickerCard } from './cards/task-form.cards';
import type { TaskChange } from './task-lifecycle';
import type { TaskCardRenderer } from './task-render';
import type { TasksService } from './tasks.service';
import { TASK_VERB_PREFIX, TASK_VERBS } from './tasks.verbs';
import { headerToken } from '../../shared/schema-parts';

export const TASK_COMMANDS: CommandInfo[] = [
  { name: 'task', usage: 'task <phone, email, unit, account id or name>', description: 'Creates a follow-up task for that account: pick the type, fill in its form.', permission: 'tasks.create' },
  { name: 'my tasks', usage: 'my tasks', description: 'The open tasks for you, your stores or your team, soonest due first.', permission: 'tasks.work', example: 'my tasks', buttonTitle: 'My tasks' },
  { name: 'tasks', usage: 'tasks <account>', description: "The account's tasks, newest first.", permission: 'accounts.read' },
];

export interface TasksRoutesDeps extends CardFormDeps<Caller> {
  route: RouteWrapper<Caller>;
  tasks: TasksService;
  render: TaskCardRenderer;
  accounts: Pick<AccountsService, 'find' | 'get'>;
  openAccountAction: (accountId: string) => CardAction;
}

const accountId = z.string().regex(/^\d{6,10}$/);
const taskRef = z.object({ accountId, taskId: z.string().regex(/^[\w:-]{1,80}$/) });
const text = (max: number) => z.union([z.string().max(max), z.number().transform(String)]).nullish().transform((v) => v ?? '');
const createSchema = z.looseObject({ accountId, typeId: z.string().max(60), submissionId: z.uuid(), units: text(400), assignee: text(200), dueDate: text(20), dueTime: text(20), details: text(2000) });
const moreSchema = z.object({ list: z.enum(['mine', 'account']), accountId: accountId.optional(), continuation: headerToken(4000) });
const pickSchema = z.object({ accountId });
const formSchema = z.object({ accountId, typeId: z.string().max(60).nullish() });
const reassignSchema = z.object({ assignee: z.string().max(200) });

/** The type's own inputs (`f_<field id>`), as text. */
function fieldInputs(data: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(data).filter(([k, v]) => k.startsWith('f_') && (typeof v === 'string' || typeof v === 'number')).map(([k, v]) => [k.slice(2), String(v).slice(0, 2000)]));
}

/** `task <account>`, `my tasks`, `tasks <account>` and the task cards' buttons (each answers in place). */
export function registerTasksRoutes(app: Application, deps: TasksRoutesDeps): void {
  const { tasks, render } = deps;
  const back = (id: string) => ({ ...deps.openAccountAction(id), title: 'Cancel', associatedInputs: 'none' });
  const oneAccount = async (query: string) => {
    const { matches } = await deps.accounts.find(query);
    if (matches.length !== 1) throw new DomainError('invalid_input', matches.length ? `${matches.length} accounts match "${query}". Use a phone, email, unit or account id.` : `No account matches "${query}".`);
    return matches[0]!.id;
  };
  const picker = async (caller: Caller, id: string) => {
    const { account } = await deps.accounts.get(id);
    return taskTypePickerCard({ id: account.id, name: `${account.firstName} ${account.lastName}`, maskedId: `•••${account.id.slice(-3)}` }, tasks.types(caller), back(account.id));
  };
  const send = (card: AdaptiveCard) => ({ attachments: [cardAttachment(card)] });

  app.message(/^\s*my\s+tasks\s*$/i, deps.route('tasks.mine', async ({ context, caller }) => {
    const page = await tasks.mine(caller);
    await context.sendActivity(send(taskListCard('My tasks', 'Open tasks for you, your stores or your team, soonest due first.', page.tasks, { list: 'mine', continuation: page.continuation }, new Date())));
  }));
  app.message(/^\s*tasks\s+\S/i, deps.route('tasks.account', async ({ context, caller }) => {
    // Finding the account is an account lookup: the role is checked before anything is looked up.
    requirePermission(caller, 'accounts.read');
    const page = await tasks.forAccount(caller, await oneAccount((context.activity.text ?? '').trim().replace(/^tasks\s+/i, '')));
    await context.sendActivity(send(taskListCard(`Tasks for ${page.account.name}`, 'Newest first.', page.tasks, { list: 'account', accountId: page.account.id, continuation: page.continuation }, new Date())));
  }));
  app.message(/^\s*task\s+\S/i, deps.route('tasks.command', async ({ context, caller }) => {
    requirePermission(caller, 'tasks.create');
    await context.sendActivity(send(await picker(caller, await oneAccount((context.activity.text ?? '').trim().replace(/^task\s+/i, '')))));
  }));

  registerCardVerb(app, deps, TASK_VERBS.pick, 'tasks.pick', async ({ caller, data }) => {
    const parsed = pickSchema.safeParse(data);
    return parsed.success ? picker(caller, parsed.data.accountId) : badFormCard();
  });
  registerCardVerb(app, deps, TASK_VERBS.form, 'tasks.form', async ({ caller, data }) => {
    const parsed = formSchema.safeParse(data);
    if (!parsed.success) return badFormCard();
    if (!parsed.data.typeId) return adaptiveCard([notice('Pick a task type first.', 'warning')], [{ type: 'Action.Execute', title: 'Back', verb: TASK_VERBS.pick, data: { accountId: parsed.data.accountId } }]);
    return taskFormCard(await tasks.openForm(caller, parsed.data.accountId, parsed.data.typeId), back(parsed.data.accountId));
  });
  registerCardVerb(app, deps, TASK_VERBS.create, 'tasks.create', async ({ caller, data }) => {
    const parsed = createSchema.safeParse(data);
    if (!parsed.success) return badFormCard();
    const { accountId: id, typeId, submissionId, units, assignee, dueDate, dueTime, details } = parsed.data;
    const outcome = await tasks.create(caller, id, typeId, submissionId, { units, assignee, dueDate, dueTime, details, fields: fieldInputs(parsed.data) });
    if (outcome.kind === 'form') return taskFormCard(outcome.view, back(id));
    return taskCreatedCard(outcome.task, outcome, deps.openAccountAction(id), await render.dueText(outcome.task));
  });
  registerCardVerb(app, deps, TASK_VERBS.view, 'tasks.view', async ({ caller, data }) => {
    const parsed = taskRef.safeParse(data);
    return parsed.success ? render.forCaller(caller, (await tasks.view(caller, parsed.data.accountId, parsed.data.taskId)).task) : badFormCard();
  });
  registerCardVerb(app, deps, TASK_VERBS.more, 'tasks.more', async ({ caller, data }) => {
    const parsed = moreSchema.safeParse(data);
    if (!parsed.success) return badFormCard();
    const { list, continuation } = parsed.data;
    if (list === 'mine') {
      const page = await tasks.mine(caller, continuation);
      return taskListCard('My tasks', 'More open tasks.', page.tasks, { list, continuation: page.continuation }, new Date());
    }
    const page = await tasks.forAccount(caller, parsed.data.accountId ?? '', continuation);
    return taskListCard(`Tasks for ${page.account.name}`, 'Older tasks.', page.tasks, { list, accountId: page.account.id, continuation: page.continuation }, new Date());
  });

  const changes: [string, z.ZodType<TaskChange>, string][] = [
    [TASK_VERBS.start, z.object({}).transform(() => ({ kind: 'start' as const })), 'Started.'],
    [TASK_VERBS.complete, z.object({ outcome: text(1000) }).transform((d) => ({ kind: 'complete' as const, outcome: d.outcome })), 'Completed. The outcome is in the account notes.'],
    [TASK_VERBS.cancel, z.object({ reason: text(1000) }).transform((d) => ({ kind: 'cancel' as const, reason: d.reason })), 'Canceled.'],
    [TASK_VERBS.check, z.object({ itemId: z.string().max(40), done: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]) }).transform((d) => ({ kind: 'check' as const, itemId: d.itemId, done: d.done })), 'Checklist updated.'],
  ];
  for (const [verb, schema, message] of changes) {
    registerCardVerb(app, deps, verb, `tasks.${verb.slice(5)}`, async ({ caller, data }) => {
      const ref = taskRef.safeParse(data);
      const change = schema.safeParse(data);
      if (!ref.success || !change.success) return badFormCard();
      const task = await tasks.change(caller, ref.data.accountId, ref.data.taskId, change.data);
      return render.forCaller(caller, task, message);
    });
  }
  registerCardVerb(app, deps, TASK_VERBS.reassign, 'tasks.reassign', async ({ caller, data }) => {
    const ref = taskRef.safeParse(data);
    const to = reassignSchema.safeParse(data);
    if (!ref.success || !to.success) return badFormCard();
    const { task: current } = await tasks.view(caller, ref.data.accountId, ref.data.taskId);
    const assignee = await render.assigneeFor(current.locationId, to.data.assignee);
    const task = await tasks.change(caller, ref.data.accountId, ref.data.taskId, { kind: 'reassign', to: assignee });
    return render.forCaller(caller, task, `Reassigned to ${task.assignee.name}.`);
  });

  registerStaleVerbs(app, deps, TASK_VERB_PREFIX, 'tasks.stale');
}
