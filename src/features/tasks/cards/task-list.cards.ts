import { adaptiveCard, container, heading, notice, text, type AdaptiveCard, type CardAction, type CardElement } from '../../../shared/cards';
import { executeAction } from '../../../shared/form-parts';
import type { Task } from '../tasks.schemas';
import { TASK_VERBS } from '../tasks.verbs';

const STATUS: Record<Task['status'], string> = { open: 'Open', in_progress: 'In progress', done: 'Done', canceled: 'Canceled' };

function row(task: Task, now: Date): CardElement {
  const overdue = (task.status === 'open' || task.status === 'in_progress') && Date.parse(task.dueAt) < now.getTime();
  return container(
    [
      text(`**${task.category} › ${task.name}** · ${STATUS[task.status]}${overdue ? ' · **overdue**' : ''}`, { color: overdue ? 'Attention' : 'Default' }),
      text(`${task.accountName} · Unit ${task.unitIds.join(', ')} · ${task.assignee.name} · due ${task.dueAt.slice(0, 10)}`, { isSubtle: true, size: 'Small', spacing: 'None' }),
      { type: 'ActionSet', actions: [executeAction('Open', TASK_VERBS.view, { accountId: task.accountId, taskId: task.id })] },
    ],
    { separator: true, spacing: 'Small' },
  );
}

/** A page of tasks (`my tasks`, `tasks <account>`), with "Show more" when there is another page. */
export function taskListCard(title: string, subtitle: string, tasks: Task[], more: { list: 'mine' | 'account'; accountId?: string; continuation?: string }, now: Date): AdaptiveCard {
  const body: CardElement[] = [...heading(title, subtitle), ...(tasks.length ? tasks.map((t) => row(t, now)) : [text('Nothing here.', { isSubtle: true })])];
  const actions: CardAction[] = more.continuation ? [executeAction('Show more', TASK_VERBS.more, { list: more.list, ...(more.accountId ? { accountId: more.accountId } : {}), continuation: more.continuation })] : [];
  return adaptiveCard(body, actions);
}

/** What the agent sees after creating a task: where it went, and the account button. */
export function taskCreatedCard(task: Task, outcome: { replayed: boolean; posted?: { posted: boolean; reason?: string } }, openAccount: CardAction, dueText: string): AdaptiveCard {
  const posted = outcome.posted;
  const body: CardElement[] = [
    ...heading('Task created', `${task.category} › ${task.name} · ${task.accountName}`),
    notice(outcome.replayed ? 'This task was already created; nothing new was saved.' : `Sent to ${task.assignee.name}, due ${dueText}. A note on the account says so.`, 'good'),
    ...(posted && !posted.posted ? [notice(`The task is saved, but it could not be posted to ${task.assignee.name}'s chat (${posted.reason === 'not_linked' ? 'no chat is linked for them yet' : 'Teams did not take the message'}). Tell them another way.`, 'attention')] : []),
  ];
  return adaptiveCard(body, [executeAction('Open the task', TASK_VERBS.view, { accountId: task.accountId, taskId: task.id }), openAccount]);
}
