import type { AdaptiveCard, CardElement } from '../../../shared/cards';
import { notice } from '../../../shared/cards';
import type { Logger } from '../../../shared/logger';
import type { CardPoster } from '../../links';
import { dueAt, type OfficeHoursOf } from '../../tasks/catalogue';
import { when } from '../cards/format';
import { MENTORS_LINK_ID, escalationSummary } from '../escalation-render';
import type { Escalation } from '../escalations.schemas';
import { EscalationConflictError, rewriteEscalation, type EscalationsStore } from '../escalations.store';

/**
 * The mentors' business hours: Monday to Friday, 08:00-18:00 on their clock (ESCALATION_TIME_ZONE,
 * default America/Los_Angeles). Only these hours count towards the SLA; no holidays are known.
 */
export const MENTOR_HOURS: OfficeHoursOf['officeHours'] = [{ days: 'Mon-Fri', open: '08:00', close: '18:00' }];
/** Who the history says re-announced: the bot itself. */
export const SLA_ACTOR = { id: 'deskmate', name: 'Deskmate' } as const;

/** What an SLA pass reads and posts with (built once; the loop runs many passes over it). */
export interface SlaSources {
  store: Pick<EscalationsStore, 'waitingSince' | 'replace'>;
  poster: Pick<CardPoster, 'notifyLink'>;
  /** The channel copy of the card, with `banner` on top. */
  render(escalation: Escalation, banner: CardElement[]): Promise<AdaptiveCard>;
  /** How long a request may wait for a mentor, in business minutes. */
  slaMinutes: number;
  /** The mentors' time zone. */
  timeZone: string;
}

export interface SlaPassDeps extends SlaSources {
  now: Date;
  logger: Logger;
  /** Names this bot instance in the logs (two instances may run passes at once). */
  instanceId?: string;
  /** At most this many waiting requests are looked at in one pass (200). */
  limit?: number;
}

export interface SlaPassResult {
  checked: number;
  announced: number;
  skipped: number;
  failed: number;
}

/** When a wait that started at `from` passes the SLA: `slaMinutes` counted in the mentors' business hours only. */
export function slaDueAt(from: Date, slaMinutes: number, timeZone: string): Date {
  return dueAt(from, slaMinutes / 60, { timeZone, officeHours: MENTOR_HOURS });
}

/** The notice on a re-announced card. */
export function slaBanner(escalation: Escalation, slaMinutes: number, timeZone: string): CardElement[] {
  return [notice(`Still waiting for a mentor since ${when(escalation.waitingSince, timeZone)}: past the ${slaMinutes}-minute SLA.`, 'attention')];
}

const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 300);

/**
 * One SLA pass: each open request whose wait (since it went to the mentors, or since it was last
 * re-announced) is longer than the SLA in business minutes is claimed first, by writing `slaFrom` = now
 * (and a 'reannounced' history entry) with the request's etag, so of two passes or bot instances only
 * the one whose write wins posts; the claim lives in the document, so a restart changes nothing. Then
 * the card is posted again in the mentors' channel and the post is recorded, so the decision updates it
 * too. A post that fails keeps the claim (tried again after another SLA period) and is counted. Never throws.
 */
export async function runSlaPass(deps: SlaPassDeps): Promise<SlaPassResult> {
  const counts: SlaPassResult = { checked: 0, announced: 0, skipped: 0, failed: 0 };
  const log = deps.logger.child({ instance: deps.instanceId ?? 'local' });
  let waiting: Escalation[];
  try {
    waiting = await deps.store.waitingSince(new Date(deps.now.getTime() - deps.slaMinutes * 60_000), deps.limit ?? 200);
  } catch (error) {
    log.error({ problem: describe(error) }, 'escalation SLA: could not read the waiting requests');
    return counts;
  }
  for (const escalation of waiting) {
    counts.checked += 1;
    try {
      counts[await announceOne(escalation, deps, log)] += 1;
    } catch (error) {
      log.error({ escalationId: escalation.id, problem: describe(error) }, 'escalation SLA: could not re-announce');
      counts.failed += 1;
    }
  }
  log[counts.announced || counts.failed ? 'info' : 'debug']({ ...counts }, 'escalation SLA: pass done');
  return counts;
}

async function announceOne(escalation: Escalation, deps: SlaPassDeps, log: Logger): Promise<'announced' | 'skipped' | 'failed'> {
  const { now, store } = deps;
  if (escalation.status !== 'open' || !escalation._etag) return 'skipped';
  if (now.getTime() < slaDueAt(new Date(escalation.slaFrom), deps.slaMinutes, deps.timeZone).getTime()) return 'skipped';
  const at = now.toISOString();
  const entry = { at, by: SLA_ACTOR, action: 'reannounced' as const, detail: `waiting since ${escalation.waitingSince}` };
  let claimed: Escalation;
  try {
    claimed = await store.replace({ ...escalation, slaFrom: at, announcements: escalation.announcements + 1, history: [...escalation.history, entry] }, escalation._etag);
  } catch (error) {
    if (!(error instanceof EscalationConflictError)) throw error;
    log.debug({ escalationId: escalation.id }, 'escalation SLA: claimed by another pass, or changed since it was read');
    return 'skipped';
  }
  const sent = await deps.poster.notifyLink(MENTORS_LINK_ID, await deps.render(claimed, slaBanner(claimed, deps.slaMinutes, deps.timeZone)), { summary: `Still waiting: ${escalationSummary(claimed)}` });
  const isClaim = (h: Escalation['history'][number]) => h.action === 'reannounced' && h.at === at && h.by.id === SLA_ACTOR.id;
  if (!sent.sent) {
    await rewriteEscalation(store, claimed, (current) => (current.history.some(isClaim) ? { ...current, history: current.history.map((h) => (isClaim(h) ? { ...h, detail: `not posted: ${sent.reason}: ${sent.detail}`.slice(0, 600) } : h)) } : undefined));
    log.warn({ escalationId: escalation.id, reason: sent.reason }, 'escalation SLA: re-announcement not posted');
    return 'failed';
  }
  if (sent.activityId) {
    const post = { linkId: MENTORS_LINK_ID, activityId: sent.activityId };
    await rewriteEscalation(store, claimed, (current) => ({ ...current, posts: [...current.posts, post] })).catch((error: unknown) => {
      log.warn({ escalationId: escalation.id, problem: describe(error) }, 'escalation SLA: posted, but the post could not be recorded');
    });
  }
  log.info({ escalationId: escalation.id, accountId: escalation.accountId }, 'escalation SLA: re-announced a waiting request');
  return 'announced';
}
