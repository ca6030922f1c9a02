import { instanceId as newInstanceId, startBackgroundLoop, type BackgroundLoop } from '../../../shared/background-loop';
import type { Logger } from '../../../shared/logger';
import { runSlaPass, type SlaSources } from './escalation-sla';

/**
 * Runs an SLA pass (at the real time) shortly after start and again `intervalMs` after each pass
 * ends, so passes never overlap. Nothing is kept in memory between passes: the claims live in the
 * documents, so a restart (or a second instance) never re-announces twice.
 */
export function startEscalationSla(options: { sources: SlaSources; intervalMs: number; firstDelayMs?: number; logger: Logger; instanceId?: string }): BackgroundLoop {
  const instanceId = options.instanceId ?? newInstanceId();
  const { logger } = options;
  logger.info({ instance: instanceId, intervalMs: options.intervalMs, slaMinutes: options.sources.slaMinutes, timeZone: options.sources.timeZone }, 'escalation SLA: started');
  return startBackgroundLoop({
    name: 'escalation SLA',
    intervalMs: options.intervalMs,
    firstDelayMs: options.firstDelayMs,
    logger,
    run: () => runSlaPass({ ...options.sources, now: new Date(), logger, instanceId }),
  });
}
