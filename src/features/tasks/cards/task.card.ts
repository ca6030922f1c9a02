import { adaptiveCard, container, facts, notice, text, type AdaptiveCard, type CardAction, type CardElement } from '../../../shared/cards';
import { executeAction } from '../../../shared/form-parts';
import { taskType } from '../catalogue';
import { mayChange, type Actor } from '../task-lifecycle';
import type { Task } from '../tasks.schemas';
import { TASK_VERBS } from '../tasks.verbs';
import { dateTimeFormat } from '../../../shared/intl';
import { formatMoney, formatPhone } from '../../../shared/money-and-phone';

const STATUS_LABEL: Record<Task['status'], string> = { open: 'Open', in_progress: 'In progress', done: 'Done', canceled: 'Canceled' };
const STATUS_COLOR: Record<Task['status'], string> = { open: 'Accent', in_progress: 'Warning', done: 'Good', canceled: 'Light' };

/** Who is looking: someone who may work it, the requester, or anyone else (read-only). */
export type TaskViewer = { kind: 'worker' | 'requester' | 'other'; actor?: Actor };

export interface TaskCardOptions {
  /** People who get their own view through Teams' refresh (at most 60). */
  userIds?: string[];
  /** How due time and dates show: the store's time zone. */
  timeZone: string;
  /** Said at the top (e.g. "Completed." after a change). */
  message?: string;
}

function when(iso: string, timeZone: string): string {
  return dateTimeFormat('en-US', { timeZone, month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
}

const day = (iso: string) => dateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric', year: 'numeric' }).format(new Date(`${iso}T00:00:00Z`));

/** The type's fields as the form labelled them, values shown the way people read them. */
function fieldFacts(task: Task): [string, string][] {
  const defs = taskType(task.typeId)?.fields ?? [];
  return Object.entries(task.fields).filter(([, v]) => v !== '').map(([id, value]): [string, string] => {
    const def = defs.find((f) => f.id === id);
    const label = def?.label ?? id;
    if (def?.kind === 'money' && typeof value === 'number') return [label, formatMoney(value)];
    if (def?.kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return [label, day(value)];
    if (def?.kind === 'phone' && typeof value === 'string') return [label, formatPhone(value)];
    return [label, String(value)];
  });
}

function checklistSection(task: Task, canTick: boolean): CardElement[] {
  if (!task.checklist.length) return [];
  const done = task.checklist.filter((i) => i.done).length;
  const items = task.checklist.map((item) => {
    const mark = item.done ? '☑' : '☐';
    const label = text(`${mark} ${item.text}${item.required ? '' : ' (optional)'}${item.doneBy ? ` · ${item.doneBy.name}` : ''}`, { size: 'Small', spacing: 'None' });
    if (!canTick) return label;
    const tick = executeAction(item.done ? 'Untick' : 'Tick', TASK_VERBS.check, { accountId: task.accountId, taskId: task.id, itemId: item.id, done: !item.done });
    return { type: 'ColumnSet', spacing: 'None', columns: [{ type: 'Column', width: 'stretch', items: [label] }, { type: 'Column', width: 'auto', items: [{ type: 'ActionSet', actions: [tick] }] }] };
  });
  return [text(`Checklist: ${done} of ${task.checklist.length} done`, { weight: 'Bolder', spacing: 'Medium' }), ...items];
}

/** A button that opens a small form on the card (outcome, reason, new assignee) and confirms it. */
function showCard(title: string, body: CardElement[], confirm: CardAction): CardAction {
  return { type: 'Action.ShowCard', title, card: { type: 'AdaptiveCard', version: '1.5', body, actions: [confirm] } };
}

function workerActions(task: Task, actor: Actor, assignees: { value: string; title: string }[]): CardAction[] {
  const data = { accountId: task.accountId, taskId: task.id };
  const out: CardAction[] = [];
  if (mayChange(task, actor, 'start')) out.push(executeAction('Start', TASK_VERBS.start, data));
  if (mayChange(task, actor, 'complete')) out.push(showCard('Complete', [{ type: 'Input.Text', id: 'outcome', label: 'Outcome', isMultiline: true, isRequired: true, maxLength: 1000, errorMessage: 'Say how it ended.' }], executeAction('Complete the task', TASK_VERBS.complete, data, 'positive')));
  if (mayChange(task, actor, 'reassign')) out.push(showCard('Reassign', [{ type: 'Input.ChoiceSet', id: 'assignee', label: 'Give it to', style: 'compact', choices: assignees.filter((a) => a.value !== `${task.assignee.kind}:${task.assignee.id}`) }], executeAction('Reassign', TASK_VERBS.reassign, data)));
  if (mayChange(task, actor, 'cancel')) out.push(showCard('Cancel task', [{ type: 'Input.Text', id: 'reason', label: 'Why cancel it', isRequired: true, maxLength: 1000, errorMessage: 'Say why.' }], executeAction('Cancel the task', TASK_VERBS.cancel, data)));
  return out;
}

/**
 * The task card. The copy posted to a channel is the read-only view with `refresh` naming the people
 * who get their own view (Teams fetches it with the refresh verb): whoever may work it sees Start,
 * Complete, Reassign, Cancel and the checklist ticks; the requester sees the status and Cancel;
 * everyone else reads. "My view" asks for the same thing by hand (clients without refresh).
 */
export function taskCard(task: Task, viewer: TaskViewer, options: TaskCardOptions, assignees: { value: string; title: string }[] = []): AdaptiveCard {
  const closed = task.status === 'done' || task.status === 'canceled';
  const body: CardElement[] = [
    text(`${task.category} › ${task.name}`, { size: 'Large', weight: 'Bolder' }),
    text(`${task.accountName} · Unit ${task.unitIds.join(', ')} · ${task.locationId}`, { isSubtle: true, spacing: 'None' }),
    ...(options.message ? [notice(options.message, 'good')] : []),
    container([text(STATUS_LABEL[task.status], { weight: 'Bolder', color: STATUS_COLOR[task.status] })], { spacing: 'Small' }),
    facts([
      ['Assigned to', task.assignee.name],
      ['Due', when(task.dueAt, options.timeZone)],
      ['Asked by', task.requester.name],
      ...fieldFacts(task),
      ...(task.outcome ? ([['Outcome', task.outcome]] as [string, string][]) : []),
      ...(task.cancelReason ? ([['Canceled because', task.cancelReason]] as [string, string][]) : []),
    ]),
    ...(task.details ? [text(task.details, { spacing: 'Small' })] : []),
    ...checklistSection(task, viewer.kind === 'worker' && !closed && Boolean(viewer.actor?.mayWork)),
    text(`Last change: ${task.history.at(-1)!.action} by ${task.history.at(-1)!.by.name}, ${when(task.history.at(-1)!.at, options.timeZone)}`, { isSubtle: true, size: 'Small', spacing: 'Medium' }),
  ];
  const data = { accountId: task.accountId, taskId: task.id };
  const actions = viewer.actor && viewer.kind !== 'other' ? workerActions(task, viewer.actor, assignees) : [];
  if (!actions.length && !closed) actions.push(executeAction(viewer.kind === 'other' ? 'My view' : 'Refresh', TASK_VERBS.view, data));
  const card = adaptiveCard(body, actions);
  return options.userIds?.length ? { ...card, refresh: { action: { type: 'Action.Execute', title: 'Refresh', verb: TASK_VERBS.view, data }, userIds: options.userIds } } : card;
}
