import type { ConversationReference, TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import { cardAttachment, type AdaptiveCard } from '../../shared/cards';
import type { Logger } from '../../shared/logger';
import { canonicalLinkId, USER_LINK_KIND, type ConversationRef, type Link, type UserLink } from './links.schemas';
import type { LinksStore } from './links.store';
import { backoff, DEFAULT_RETRY, errorName, failure, RETRYABLE_STATUS, settleWithin, sleep, withoutSdkRetries, type Attempt, type RetryPolicy } from './proactive-send';

export { DEFAULT_RETRY, RETRYABLE_STATUS, type RetryPolicy } from './proactive-send';

/** What a proactive post did. It never throws: a failure is a value, already logged. */
export type NotifyResult =
  | { sent: true; activityId?: string }
  | { sent: false; reason: 'not_linked' | 'send_failed'; detail: string };

/** What replacing an earlier card did. It never throws: a failure is a value, already logged. */
export type UpdateResult =
  | { updated: true }
  | { updated: false; reason: 'not_linked' | 'send_failed'; detail: string };

export interface NotifyOptions {
  /** Short text for notifications and clients that cannot show the card. */
  summary?: string;
}

/**
 * Posts a card into the conversation an admin linked for a location, a team or the mentors, or into a
 * person's personal chat with the bot, and updates it later.
 */
export interface ConversationNotifier {
  notifyLocation(locationId: string, card: AdaptiveCard, options?: NotifyOptions): Promise<NotifyResult>;
  notifyMentors(card: AdaptiveCard, options?: NotifyOptions): Promise<NotifyResult>;
  /** Posts to the conversation linked for a team; the name in any case ("billing" finds "Billing"). */
  notifyTeam(team: string, card: AdaptiveCard, options?: NotifyOptions): Promise<NotifyResult>;
  /**
   * Posts to a person's personal chat with the bot (`user:<aadObjectId>`), stored when they last wrote to it;
   * `not_linked` when they never chatted with the bot (or removed it).
   */
  notifyUser(aadObjectId: string, card: AdaptiveCard, options?: NotifyOptions): Promise<NotifyResult>;
  /** Posts to the conversation of any link by its id: `location:PDX1`, `mentors`, `team:Billing`, `user:<aadObjectId>`. */
  notifyLink(linkId: string, card: AdaptiveCard, options?: NotifyOptions): Promise<NotifyResult>;
  /** Replaces a card the bot posted earlier (its `activityId` from a NotifyResult) in the link's conversation. */
  updateCard(linkId: string, activityId: string, card: AdaptiveCard): Promise<UpdateResult>;
}

/** What a feature needs to post cards into linked conversations and keep them up to date. */
export type CardPoster = Pick<ConversationNotifier, 'notifyLink' | 'updateCard'>;

/** The one adapter method the notifier needs (the Teams adapter has it). */
export interface ProactiveAdapter {
  continueConversationAsync(botAppId: string, reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
}

export interface NotifierDeps {
  /** Where the links are read (the links feature's store, which may keep them a short while). */
  links: Pick<LinksStore, 'getAny'>;
  adapter: ProactiveAdapter;
  /** The bot's app id ('' when authentication is off). */
  botAppId: string;
  logger: Logger;
  retry?: Partial<RetryPolicy>;
}

type Failed = { ok: false; reason: 'not_linked' | 'send_failed'; detail: string };
type Delivered = { ok: true; activityId?: string } | Failed;
/** One try inside a proactive turn: sends or updates, and gives the activity id the connector answered. */
type Act = (context: TurnContext) => Promise<string | undefined>;

const MAX_ACTIVITY_ID = 500;

/** Makes the notifier other features use to post proactively into linked conversations. */
export function createConversationNotifier(deps: NotifierDeps): ConversationNotifier {
  const store = deps.links;
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...deps.retry };

  async function deliver(requested: string, act: Act, what: 'post' | 'update'): Promise<Delivered> {
    const id = canonicalLinkId(requested);
    if (!id) return { ok: false, reason: 'not_linked', detail: `${requested.slice(0, 100)} is not a link id` };
    let link: Link | UserLink | undefined;
    try {
      link = await store.getAny(id);
    } catch (error) {
      const invalid = error instanceof z.ZodError;
      deps.logger.warn({ link: id, problem: invalid ? 'invalid link document' : errorName(error) }, 'proactive post: could not read the link');
      return invalid ? { ok: false, reason: 'not_linked', detail: `the stored link ${id} is not valid; link the conversation again` } : { ok: false, reason: 'send_failed', detail: `could not read the link ${id}` };
    }
    if (!link) {
      const never = id.startsWith(`${USER_LINK_KIND}:`) ? `${id} has not chatted with Deskmate, so there is no personal chat to post to` : `nothing is linked for ${id}`;
      return { ok: false, reason: 'not_linked', detail: never };
    }
    const started = Date.now();
    for (let attempt = 1; ; attempt += 1) {
      const remaining = policy.budgetMs - (Date.now() - started);
      // A copy: the link may be the cached one, and the adapter builds the turn's activity from it.
      const outcome = await once(structuredClone(link.reference), act, remaining);
      if (outcome.ok) {
        deps.logger.debug({ link: id, attempts: attempt }, what === 'post' ? 'proactive card posted' : 'proactive card updated');
        return { ok: true, activityId: outcome.activityId };
      }
      const delay = Math.max(backoff(attempt, policy.baseDelayMs), outcome.retryAfterMs ?? 0);
      const retry = outcome.status !== undefined && RETRYABLE_STATUS.has(outcome.status) && attempt < policy.attempts;
      if (!retry || Date.now() - started + delay >= policy.budgetMs) {
        const detail = `${outcome.detail} after ${attempt} attempt${attempt === 1 ? '' : 's'}`;
        deps.logger.warn({ link: id, status: outcome.status, attempts: attempt, elapsedMs: Date.now() - started }, what === 'post' ? 'proactive post failed' : 'proactive card update failed');
        return { ok: false, reason: 'send_failed', detail };
      }
      await sleep(delay);
    }
  }

  async function once(reference: ConversationRef, act: Act, remainingMs: number): Promise<Attempt> {
    let ran = false;
    let result: Attempt | undefined;
    const run = deps.adapter.continueConversationAsync(deps.botAppId, reference as Partial<ConversationReference>, async (context) => {
      ran = true;
      withoutSdkRetries(context);
      try {
        result = { ok: true, activityId: await act(context) };
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

  async function notify(requested: string, card: AdaptiveCard, options: NotifyOptions = {}): Promise<NotifyResult> {
    const activity = { type: 'message', attachments: [cardAttachment(card)], ...(options.summary ? { summary: options.summary } : {}) };
    const outcome = await deliver(requested, async (context) => (await context.sendActivity(activity))?.id, 'post');
    return outcome.ok ? { sent: true, activityId: outcome.activityId } : { sent: false, reason: outcome.reason, detail: outcome.detail };
  }

  async function updateCard(requested: string, activityId: string, card: AdaptiveCard): Promise<UpdateResult> {
    if (typeof activityId !== 'string' || !activityId.trim() || activityId.length > MAX_ACTIVITY_ID) {
      return { updated: false, reason: 'send_failed', detail: 'no valid activity id to update' };
    }
    const outcome = await deliver(
      requested,
      async (context) => {
        // The proactive turn's made-up activity id would become the update's replyToId: the card is a post of its own.
        context.onUpdateActivity(async (_context, activity, next) => {
          delete activity.replyToId;
          return next();
        });
        await context.updateActivity({ type: 'message', id: activityId, attachments: [cardAttachment(card)] });
        return activityId;
      },
      'update',
    );
    return outcome.ok ? { updated: true } : { updated: false, reason: outcome.reason, detail: outcome.detail };
  }

  return {
    notifyLocation: (locationId, card, options) => notify(`location:${locationId}`, card, options),
    notifyMentors: (card, options) => notify('mentors', card, options),
    notifyTeam: (team, card, options) => notify(`team:${team}`, card, options),
    notifyUser: (aadObjectId, card, options) => notify(`${USER_LINK_KIND}:${aadObjectId}`, card, options),
    notifyLink: notify,
    updateCard,
  };
}
