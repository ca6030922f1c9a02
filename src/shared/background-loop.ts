import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from './logger';

/** Names this process among bot instances in logs and in the claims background passes write. */
export function instanceId(): string {
  return `${hostname()}#${process.pid}#${randomUUID().slice(0, 8)}`;
}

/** A running background loop (task reminders, escalation SLA checks). */
export interface BackgroundLoop {
  /** Stops the loop: no new pass starts, a running pass is told to stop (its signal) and awaited. */
  stop(): Promise<void>;
}

export interface BackgroundLoopOptions {
  /** For the log line when a pass fails, e.g. "task reminders". */
  name?: string;
  /** Time from the end of one pass to the start of the next. */
  intervalMs: number;
  /** Time before the first pass (10 s, or the interval when shorter). */
  firstDelayMs?: number;
  /** One pass; the signal is aborted when the loop stops. A rejection is logged and the loop goes on. */
  run(signal: AbortSignal): Promise<unknown>;
  logger?: Logger;
}

/**
 * Runs `run` shortly after start and then again `intervalMs` after each pass ends, so passes never
 * overlap. The timer is unref'd (it does not keep the process alive). Nothing is kept in memory
 * between passes: what was done lives in the store, so a restart carries on where it was.
 */
export function startBackgroundLoop(options: BackgroundLoopOptions): BackgroundLoop {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const schedule = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(tick, ms);
    timer.unref();
  };
  const tick = () => {
    timer = undefined;
    running = (async () => {
      try {
        await options.run(controller.signal);
      } catch (error) {
        options.logger?.error({ problem: error instanceof Error ? error.message : String(error) }, `${options.name ?? 'background loop'}: a pass failed`);
      } finally {
        running = undefined;
        schedule(options.intervalMs);
      }
    })();
  };

  schedule(options.firstDelayMs ?? Math.min(options.intervalMs, 10_000));
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      controller.abort();
      await running;
    },
  };
}
