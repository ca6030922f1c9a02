import type { AdaptiveCard } from '../../shared/cards';
import type { TaskPoster } from './tasks.service';
import type { Task } from './tasks.schemas';

/** Posting and updating cards in linked conversations (the links feature's notifier). */
export interface LinkedCardPoster {
  notifyLink(linkId: string, card: AdaptiveCard, options?: { summary?: string }): Promise<{ sent: true; activityId?: string } | { sent: false; reason: string; detail: string }>;
  updateCard(linkId: string, activityId: string, card: AdaptiveCard): Promise<{ updated: true } | { updated: false; reason: string; detail: string }>;
}

/** Where a task's card goes: the store's chat for the store and its DM, the mentors', or the team's. */
export function taskLinkId(task: Pick<Task, 'assignee' | 'locationId'>): string {
  switch (task.assignee.kind) {
    case 'mentors':
      return 'mentors';
    case 'team':
      return `team:${task.assignee.id}`;
    default:
      return `location:${task.locationId}`;
  }
}

/**
 * Posts the read-only task card (with Teams' refresh for the people who get their own view), keeps
 * every copy up to date, and tells the requester in their personal chat when the task is closed.
 */
export function createTaskPoster(poster: LinkedCardPoster, render: (task: Task) => Promise<AdaptiveCard>): TaskPoster {
  return {
    async post(task) {
      const linkId = taskLinkId(task);
      const result = await poster.notifyLink(linkId, await render(task), { summary: `New task: ${task.category} › ${task.name} for ${task.accountName}` });
      return result.sent ? { posted: true, linkId, activityId: result.activityId } : { posted: false, reason: result.reason };
    },
    async update(task) {
      if (!task.posts.length) return;
      const card = await render(task);
      for (const post of task.posts) await poster.updateCard(post.linkId, post.activityId, card);
    },
    async tellRequester(task) {
      const verb = task.status === 'done' ? 'completed' : 'canceled';
      const result = await poster.notifyLink(`user:${task.requester.id}`, await render(task), { summary: `Your task ${task.category} › ${task.name} for ${task.accountName} was ${verb}` });
      return result.sent;
    },
  };
}
