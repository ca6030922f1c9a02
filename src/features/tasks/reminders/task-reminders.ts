import type { AdaptiveCard } from '../../../shared/cards';
import type { Logger } from '../../../shared/logger';
import { businessDay, dueAt, isBusinessDay, type OfficeHoursOf } from '../catalogue';
import { taskLinkId, type LinkedCardPoster } from '../task-poster';
import { OPEN_STATUSES, type Task } from '../tasks.schemas';
import { TaskConflictError, type TasksStore } from '../tasks.store';
import { claimReminder, failedTriesOn, MAX_TRIES_PER_DAY, markNotPosted, rewrite, withPost } from './reminder-claim';
import { reminderSummary } from './reminder.card';

/** What a reminder pass reads and posts with (built once; the loop runs many passes over it). */
export interface ReminderSources {
  store: Pick<TasksStore, 'overdue' | 'replace'>;
  poster: Pick<LinkedCardPoster, 'notifyLink'>;
  /** The reminder card for a task (the posted task card with the overdue notice). */
  render(task: Task): Promise<AdaptiveCard>;
  /** The task's location: its time zone and office hours decide its business day. */
  locations: { get(id: string): Promise<OfficeHoursOf | undefined> };
}

export interface ReminderPassDeps extends ReminderSources {
  now: Date;
  /** Names this bot instance in the logs (two instances may run passes at once). */
  instanceId: string;
  logger: Logger;
  /** At most this many overdue tasks are read and looked at in one pass (200). */
  limit?: number;
  /** No new task is started after this long (60 s); the rest wait for the next pass. */
  budgetMs?: number;
  /** When aborted (shutdown), the pass finishes the task in hand and stops. */
  signal?: AbortSignal;
  /** The clock the budget is measured with (Date.now). */
  clock?: () => number;
}

export interface ReminderPassResult {
  checked: number;
  reminded: number;
  skipped: number;
  failed: number;
}

type Outcome = 'reminded' | 'skipped' | 'failed';

/** Where a missing location's tasks are reminded: on UTC days, any day (no office hours known). */
const UNKNOWN_PLACE: OfficeHoursOf = { timeZone: 'UTC', officeHours: [] };
const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 300);

/**
 * True while the office is open (for at least the next minute) on its own clock. A location without
 * office hours counts as always open, as the due-time sums count it.
 */
export function officeOpen(now: Date, place: OfficeHoursOf): boolean {
  if (!place.officeHours.length) return true;
  return isBusinessDay(businessDay(now, place), place) && dueAt(now, 1 / 60, place).getTime() === now.getTime() + 60_000;
}

/**
 * One reminder pass: each overdue open task whose location is open now (a business day, in office
 * hours, on the location's clock) and that was not reminded on that day yet is claimed first, by
 * writing `lastReminderDay` (and a 'reminded' history entry) with the task's etag, so of two bot
 * instances only the one whose write wins posts. Then the reminder goes to the task's conversation
 * (`taskLinkId`) and the new post is added to `posts` (so later changes update it in place). A post
 * that fails is counted `failed`: a send failure releases the day, so a later pass tries again that
 * day, at most MAX_TRIES_PER_DAY times; a conversation that is not linked keeps the day (tried again
 * the next business day). Never throws: problems are logged and counted.
 */
export async function runReminderPass(deps: ReminderPassDeps): Promise<ReminderPassResult> {
  const counts: ReminderPassResult = { checked: 0, reminded: 0, skipped: 0, failed: 0 };
  const clock = deps.clock ?? Date.now;
  const started = clock();
  const log = deps.logger.child({ instance: deps.instanceId });
  let tasks: Task[];
  try {
    // Tasks already reminded on the UTC date are skipped by the query, so they cannot crowd out the rest.
    // Stores west of UTC lose nothing by it; east of UTC, after local midnight, a reminder waits until the UTC date turns.
    tasks = await deps.store.overdue(deps.now, deps.limit ?? 200, deps.now.toISOString().slice(0, 10));
  } catch (error) {
    log.error({ problem: describe(error) }, 'task reminders: could not read the overdue tasks');
    return counts;
  }
  const places = new Map<string, Promise<OfficeHoursOf>>();
  const placeOf = (id: string) => places.get(id) ?? places.set(id, deps.locations.get(id).then((l) => l ?? UNKNOWN_PLACE)).get(id)!;
  for (const task of tasks) {
    if (deps.signal?.aborted || clock() - started >= (deps.budgetMs ?? 60_000)) {
      log.info({ left: tasks.length - counts.checked, stopping: Boolean(deps.signal?.aborted) }, 'task reminders: pass cut short; the rest wait for the next pass');
      break;
    }
    counts.checked += 1;
    let outcome: Outcome;
    try {
      outcome = await remindOne(task, await placeOf(task.locationId), deps, log);
    } catch (error) {
      log.error({ taskId: task.id, accountId: task.accountId, problem: describe(error) }, 'task reminders: could not remind');
      outcome = 'failed';
    }
    counts[outcome] += 1;
  }
  log[counts.reminded || counts.failed ? 'info' : 'debug']({ ...counts }, 'task reminders: pass done');
  return counts;
}

async function remindOne(task: Task, place: OfficeHoursOf, deps: ReminderPassDeps, log: Logger): Promise<Outcome> {
  const { now, store } = deps;
  const today = businessDay(now, place);
  const ids = { taskId: task.id, accountId: task.accountId };
  if (!OPEN_STATUSES.includes(task.status) || Date.parse(task.dueAt) >= now.getTime() || !task._etag) return 'skipped';
  if (task.lastReminderDay === today || !officeOpen(now, place)) return 'skipped';
  let claimed: Task;
  try {
    claimed = await store.replace(claimReminder(task, today, now), task._etag);
  } catch (error) {
    if (!(error instanceof TaskConflictError)) throw error;
    const why = error.current.lastReminderDay === today ? 'claimed by another instance' : 'changed since it was read; the next pass looks again';
    log.debug({ ...ids, why }, 'task reminders: not claimed');
    return 'skipped';
  }
  const linkId = taskLinkId(claimed);
  const sent = await post(claimed, linkId, deps);
  if (!sent.sent) {
    const tries = failedTriesOn(claimed, today, (at) => businessDay(new Date(at), place)) + 1;
    const retry = sent.reason === 'send_failed' && tries < MAX_TRIES_PER_DAY;
    const release = retry ? { keep: false as const, previousDay: task.lastReminderDay } : { keep: true as const };
    await rewrite(store, claimed, (current) => markNotPosted(current, now.toISOString(), `${sent.reason}: ${sent.detail}`, release));
    log.warn({ ...ids, linkId, reason: sent.reason, tries, retryToday: retry }, 'task reminders: reminder not posted');
    return 'failed';
  }
  if (sent.activityId) {
    const copy = { linkId, activityId: sent.activityId };
    await rewrite(store, claimed, (current) => withPost(current, copy)).catch((error: unknown) => {
      log.warn({ ...ids, linkId, problem: describe(error) }, 'task reminders: posted, but the post could not be added to the task');
    });
  }
  log.info({ ...ids, linkId, day: today }, 'task reminders: overdue task reminded');
  return 'reminded';
}

async function post(task: Task, linkId: string, deps: ReminderPassDeps): ReturnType<LinkedCardPoster['notifyLink']> {
  let card: AdaptiveCard;
  try {
    card = await deps.render(task);
  } catch (error) {
    return { sent: false, reason: 'send_failed', detail: `the reminder card could not be made (${describe(error)})` };
  }
  return deps.poster.notifyLink(linkId, card, { summary: reminderSummary(task) });
}
