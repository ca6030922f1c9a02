import type { Container } from '@azure/cosmos';
import type { ConversationReference, TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import { cardAttachment, type AdaptiveCard } from '../../shared/cards';
import type { Logger } from '../../shared/logger';
import { linkId, MENTORS_TARGET, type ConversationRef, type Link } from './links.schemas';
import { LinksStore } from './links.store';
import { backoff, errorName, failure, settleWithin, sleep, withoutSdkRetries, type Attempt } from './proactive-send';

/** What a proactive post did. It never throws: a failure is a value, already logged. */
export type NotifyResult =
  | { sent: true; activityId?: string }
  | { sent: false; reason: 'not_linked' | 'send_failed'; detail: string };

export interface NotifyOptions {
  /** Short text for notifications and clients that cannot show the card. */
  summary?: string;
}

/** Posts a card into the conversation an admin linked for a location or for the mentors. */
export interface ConversationNotifier {
  notifyLocation(locationId: string, card: AdaptiveCard, options?: NotifyOptions): Promise<NotifyResult>;
  notifyMentors(card: AdaptiveCard, options?: NotifyOptions): Promise<NotifyResult>;
}

/** The one adapter method the notifier needs (the Teams adapter has it). */
export interface ProactiveAdapter {
  continueConversationAsync(botAppId: string, reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

/** How hard to try: attempts in all, the first backoff, and the time limit for the whole post. */
export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  budgetMs: number;
}

/** Three attempts, 250-500 ms then 500-1000 ms apart, all within 3.5 s. */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 250, budgetMs: 3500 };
/** Teams asks bots to retry these (throttled, precondition, bad gateway, gateway timeout). */
export const RETRYABLE_STATUS: ReadonlySet<number> = new Set([429, 412, 502, 504]);

export interface NotifierDeps {
  /** The `conversations` container. */
  container: Container;
  adapter: ProactiveAdapter;
  /** The bot's app id ('' when authentication is off). */
  botAppId: string;
  logger: Logger;
  retry?: Partial<RetryPolicy>;
}

/** Makes the notifier other features use to post proactively into linked conversations. */
export function createConversationNotifier(deps: NotifierDeps): ConversationNotifier {
  const store = new LinksStore(deps.container);
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...deps.retry };

  async function notify(id: string, card: AdaptiveCard, options: NotifyOptions = {}): Promise<NotifyResult> {
    let link: Link | undefined;
    try {
      link = await store.get(id);
    } catch (error) {
      const invalid = error instanceof z.ZodError;
      deps.logger.warn({ link: id, problem: invalid ? 'invalid link document' : errorName(error) }, 'proactive post: could not read the link');
      return invalid ? { sent: false, reason: 'not_linked', detail: `the stored link ${id} is not valid; link the conversation again` } : { sent: false, reason: 'send_failed', detail: `could not read the link ${id}` };
    }
    if (!link) return { sent: false, reason: 'not_linked', detail: `nothing is linked for ${id}` };
    const activity = { type: 'message', attachments: [cardAttachment(card)], ...(options.summary ? { summary: options.summary } : {}) };
    const started = Date.now();
    for (let attempt = 1; ; attempt += 1) {
      const remaining = policy.budgetMs - (Date.now() - started);
      const outcome = await send(link.reference, activity, remaining);
      if (outcome.ok) {
        deps.logger.debug({ link: id, attempts: attempt }, 'proactive card posted');
        return { sent: true, activityId: outcome.activityId };
      }
      const delay = Math.max(backoff(attempt, policy.baseDelayMs), outcome.retryAfterMs ?? 0);
      const retry = outcome.status !== undefined && RETRYABLE_STATUS.has(outcome.status) && attempt < policy.attempts;
      if (!retry || Date.now() - started + delay >= policy.budgetMs) {
        const detail = `${outcome.detail} after ${attempt} attempt${attempt === 1 ? '' : 's'}`;
        deps.logger.warn({ link: id, status: outcome.status, attempts: attempt, elapsedMs: Date.now() - started }, 'proactive post failed');
        return { sent: false, reason: 'send_failed', detail };
      }
      await sleep(delay);
    }
  }

  async function send(reference: ConversationRef, activity: Record<string, unknown>, remainingMs: number): Promise<Attempt> {
    let ran = false;
    let result: Attempt | undefined;
    const run = deps.adapter.continueConversationAsync(deps.botAppId, reference as Partial<ConversationReference>, async (context) => {
      ran = true;
      withoutSdkRetries(context);
      try {
        const response = await context.sendActivity(activity);
        result = { ok: true, activityId: response?.id };
      } catch (error) {
        result = failure(error);
      }
    });
    const outcome = await settleWithin(run, remainingMs);
    if (outcome === 'timeout') return { ok: false, detail: `no answer within ${policy.budgetMs} ms` };
    if (outcome !== 'done') return failure(outcome.error);
    if (!ran) return { ok: false, detail: 'the adapter did not run the post' };
    return result ?? { ok: false, detail: 'nothing was sent' };
  }

  return {
    notifyLocation: (locationId, card, options) => notify(linkId('location', locationId), card, options),
    notifyMentors: (card, options) => notify(linkId('mentors', MENTORS_TARGET), card, options),
  };
}
