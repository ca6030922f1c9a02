import { notice, text, type AdaptiveCard } from '../../../shared/cards';
import type { Task } from '../tasks.schemas';

type Reminded = Pick<Task, 'category' | 'name' | 'accountName' | 'status' | 'assignee'>;

/** "Overdue: Vacate › Same day vacate", the reminder's headline. */
export function reminderHeadline(task: Pick<Task, 'category' | 'name'>): string {
  return `Overdue: ${task.category} › ${task.name}`;
}

/** The notification text of a reminder (what Teams shows where it cannot show the card). */
export function reminderSummary(task: Reminded): string {
  return `${reminderHeadline(task)} for ${task.accountName}`;
}

/**
 * The overdue reminder: the task card as posted to the assignee's channel (the same read-only body,
 * actions and Teams `refresh` for the people who get their own view) with a notice on top saying the
 * task is overdue, since when and for whom.
 */
export function reminderCard(taskCard: AdaptiveCard, task: Reminded, dueText: string): AdaptiveCard {
  const state = task.status === 'in_progress' ? 'in progress' : 'open';
  return {
    ...taskCard,
    body: [
      notice(reminderHeadline(task), 'attention'),
      text(`It was due ${dueText} and is still ${state}. A reminder for ${task.assignee.name}: once a business day until it is done.`, { size: 'Small', spacing: 'Small' }),
      ...taskCard.body,
    ],
  };
}

/** Renders reminders with the task feature's renderer: the posted task card plus the overdue notice. */
export function reminderRenderer(cards: { posted(task: Task): Promise<AdaptiveCard>; dueText(task: Task): Promise<string> }): (task: Task) => Promise<AdaptiveCard> {
  return async (task) => reminderCard(await cards.posted(task), task, await cards.dueText(task));
}
