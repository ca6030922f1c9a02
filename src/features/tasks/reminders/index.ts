import { instanceId as newInstanceId, startBackgroundLoop, type BackgroundLoop } from '../../../shared/background-loop';
import type { Logger } from '../../../shared/logger';
import { runReminderPass, type ReminderSources } from './task-reminders';

export { reminderCard, reminderRenderer, reminderSummary } from './reminder.card';
export { officeOpen, runReminderPass, type ReminderPassDeps, type ReminderPassResult, type ReminderSources } from './task-reminders';

/**
 * Starts the overdue-task reminders: a pass (at the real time) soon after start and every
 * `intervalMs` after that. `stop` waits for a running pass; stop it before the store closes.
 */
export function startTaskReminders(options: { sources: ReminderSources; intervalMs: number; firstDelayMs?: number; logger: Logger; instanceId?: string }): BackgroundLoop {
  const instanceId = options.instanceId ?? newInstanceId();
  const { sources, logger } = options;
  logger.info({ instance: instanceId, intervalMs: options.intervalMs }, 'task reminders: started');
  return startBackgroundLoop({
    name: 'task reminders',
    intervalMs: options.intervalMs,
    firstDelayMs: options.firstDelayMs,
    logger,
    run: (signal) => runReminderPass({ ...sources, now: new Date(), instanceId, logger, signal }),
  });
}
