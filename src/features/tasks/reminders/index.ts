import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from '../../../shared/logger';
import { startReminderLoop, type ReminderLoop } from './reminder-loop';
import { runReminderPass, type ReminderSources } from './task-reminders';

export { reminderCard, reminderRenderer, reminderSummary } from './reminder.card';
export { startReminderLoop, type ReminderLoop } from './reminder-loop';
export { officeOpen, runReminderPass, type ReminderPassDeps, type ReminderPassResult, type ReminderSources } from './task-reminders';

/** This process among the bot's instances, for the logs: host, pid and a random part. */
export function reminderInstanceId(): string {
  return `${hostname()}#${process.pid}#${randomUUID().slice(0, 8)}`;
}

/**
 * Starts the overdue-task reminders: a pass (at the real time) soon after start and every
 * `intervalMs` after that. `stop` waits for a running pass; stop it before the store closes.
 */
export function startTaskReminders(options: { sources: ReminderSources; intervalMs: number; firstDelayMs?: number; logger: Logger; instanceId?: string }): ReminderLoop {
  const instanceId = options.instanceId ?? reminderInstanceId();
  const { sources, logger } = options;
  logger.info({ instance: instanceId, intervalMs: options.intervalMs }, 'task reminders: started');
  return startReminderLoop({
    intervalMs: options.intervalMs,
    firstDelayMs: options.firstDelayMs,
    logger,
    run: (signal) => runReminderPass({ ...sources, now: new Date(), instanceId, logger, signal }),
  });
}
