import { rewriteWithEtag } from '../../../shared/etag-rewrite';
import type { PersonRef } from '../../../shared/schema-parts';
import { TaskConflictError, type TasksStore } from '../tasks.store';
import type { Task } from '../tasks.schemas';

/** Who the history says reminded: the bot itself. */
export const REMINDER_ACTOR: PersonRef = { id: 'deskmate', name: 'Deskmate' };
/** How many times a day a reminder whose post failed is tried (by later passes) before waiting for the next business day. */
export const MAX_TRIES_PER_DAY = 3;
const NOT_POSTED = 'not posted: ';

const isClaimEntry = (entry: Task['history'][number], at: string) => entry.action === 'reminded' && entry.by.id === REMINDER_ACTOR.id && entry.at === at;

/** The task with today's reminder claimed: `lastReminderDay` is today and the history says it was reminded. */
export function claimReminder(task: Task, today: string, now: Date): Task {
  const entry = { at: now.toISOString(), by: REMINDER_ACTOR, action: 'reminded' as const, detail: `overdue reminder to ${task.assignee.name}` };
  return { ...task, lastReminderDay: today, history: [...task.history, entry] };
}

/**
 * After a post that failed: the claim's history entry (written `at`) says why, and unless `keep`,
 * `lastReminderDay` goes back to `previousDay` so a later pass tries again. Undefined when the claim's
 * entry is not on the task (nothing to change).
 */
export function markNotPosted(task: Task, at: string, why: string, release: { keep: true } | { keep: false; previousDay?: string }): Task | undefined {
  if (!task.history.some((entry) => isClaimEntry(entry, at))) return undefined;
  const history = task.history.map((entry) => (isClaimEntry(entry, at) ? { ...entry, detail: `${NOT_POSTED}${why}`.slice(0, 600) } : entry));
  if (release.keep) return { ...task, history };
  const { lastReminderDay: _claimed, ...rest } = task;
  return { ...rest, history, ...(release.previousDay ? { lastReminderDay: release.previousDay } : {}) };
}

/** How many reminders of the task could not be posted on `day`; `dayOf` gives an instant's day at the task's location. */
export function failedTriesOn(task: Task, day: string, dayOf: (iso: string) => string): number {
  return task.history.filter((entry) => entry.action === 'reminded' && entry.by.id === REMINDER_ACTOR.id && entry.detail?.startsWith(NOT_POSTED) && dayOf(entry.at) === day).length;
}

/** The task with one more posted copy of its card (unchanged when that copy is already listed). */
/** The most copies of a task card kept up to date (Teams allows about 7 posts a second per conversation). */
export const MAX_POSTS = 5;

export function withPost(task: Task, post: Task['posts'][number]): Task | undefined {
  if (task.posts.some((p) => p.linkId === post.linkId && p.activityId === post.activityId)) return undefined;
  // Keep the first post (where the task arrived) and the latest reminders: every change updates each copy.
  const kept = task.posts.length >= MAX_POSTS ? [task.posts[0]!, ...task.posts.slice(-(MAX_POSTS - 2))] : task.posts;
  return { ...task, posts: [...kept, post] };
}

/**
 * Writes `change(task)` with the task's etag; when someone changed it first, applies the change to
 * what is stored now and tries again, `attempts` times in all. `change` returning undefined means
 * nothing needs writing. Throws TaskConflictError when every attempt lost.
 */
export function rewrite(store: Pick<TasksStore, 'replace'>, task: Task, change: (current: Task) => Task | undefined, attempts = 3): Promise<Task> {
  const conflictOf = (error: unknown) => (error instanceof TaskConflictError ? error.current : undefined);
  return rewriteWithEtag((next, etag) => store.replace(next, etag), task, change, conflictOf, attempts);
}
