import type { TurnContext } from 'botbuilder';

/** How hard to try: attempts in all, the first backoff, and the time limit for the whole post. */
export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  budgetMs: number;
}

/** Three attempts, 250-500 ms then 500-1000 ms apart, all within 3.5 s. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 250, budgetMs: 3500 };
/**
 * Retried: throttled (429) and precondition failed (412), which Teams asks bots to retry, and every
 * server error the connector answers (500, 502, 503, 504). A 500 may come after the post was made,
 * so a retry can rarely post twice; losing an urgent note's post is the worse failure.
 */
export const RETRYABLE_STATUS: ReadonlySet<number> = new Set([429, 412, 500, 502, 503, 504]);

/** One try at posting: the new activity's id, or why it failed (an HTTP status when there was one). */
export type Attempt = { ok: true; activityId?: string } | { ok: false; status?: number; retryAfterMs?: number; detail: string };

/**
 * The Bot Connector client that the adapter makes for this post retries 5xx and network errors itself
 * (3 more tries, seconds apart), which would break the notifier's limits and go on sending after it
 * gave up. This client serves this post only, so its retry policy is removed; if a botbuilder version
 * builds it differently, nothing changes and the time limit still holds.
 */
export function withoutSdkRetries(context: TurnContext): void {
  const key = (context.adapter as { ConnectorClientKey?: symbol }).ConnectorClientKey;
  const connector = key ? (context.turnState.get(key) as { client?: { pipeline?: { removePolicy?: (options: { name: string }) => unknown } } } | undefined) : undefined;
  connector?.client?.pipeline?.removePolicy?.({ name: 'defaultRetryPolicy' });
}

/** Equal jitter: between half and all of base * 2^attempt (250-500 ms, then 500-1000 ms by default). */
export function backoff(attempt: number, baseDelayMs: number): number {
  const ceiling = baseDelayMs * 2 ** attempt;
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Waits for the promise at most `ms`; a late rejection is swallowed so it cannot go unhandled. */
export async function settleWithin(promise: Promise<void>, ms: number): Promise<'done' | 'timeout' | { error: unknown }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), Math.max(0, ms))));
  const settled = promise.then(
    () => 'done' as const,
    (error: unknown) => ({ error }),
  );
  try {
    return await Promise.race([settled, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** The HTTP status and a safe description of a failed send; never the error itself (it can hold the request's token). */
export function failure(error: unknown): Attempt {
  const e = (error ?? {}) as { statusCode?: unknown; status?: unknown; response?: { status?: unknown; headers?: unknown } };
  const candidate = e.statusCode ?? e.status ?? e.response?.status;
  const status = typeof candidate === 'number' ? candidate : undefined;
  return { ok: false, status, retryAfterMs: retryAfter(e.response?.headers), detail: status ? `HTTP ${status}` : errorName(error) };
}

function retryAfter(headers: unknown): number | undefined {
  const h = headers as { get?: (name: string) => unknown } | Record<string, unknown> | undefined;
  const value = typeof h?.get === 'function' ? h.get('retry-after') : (h as Record<string, unknown> | undefined)?.['retry-after'];
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

export function errorName(error: unknown): string {
  if (!(error instanceof Error)) return 'send failed';
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${error.name} ${code}` : error.name;
}
