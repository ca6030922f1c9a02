import { randomUUID } from 'node:crypto';
import type { AdaptiveCard, CardElement } from '../../shared/cards';
import type { CardPoster } from '../links';
import { can, type Caller } from '../people/people.service';
import { escalationCard, type EscalationCardOptions, type EscalationViewer } from './cards/escalation.card';
import { decisionSentence, requestHeadline } from './escalation-note';
import type { Escalation } from './escalations.schemas';
import type { EscalationPoster, EscalationsService } from './escalations.service';

/** The conversation request cards are posted to: the one an admin linked with `link mentors`. */
export const MENTORS_LINK_ID = 'mentors';
const userLinkId = (aadObjectId: string) => `user:${aadObjectId}`;

type Message = EscalationCardOptions['message'];

/** What the requester's copy says on top once the mentors acted. */
function requesterMessage(escalation: Escalation): Message {
  const sentence = decisionSentence(escalation);
  if (!sentence || !escalation.decision) return undefined;
  return { text: `Your request: ${sentence}`, style: escalation.decision.outcome === 'rejected' ? 'attention' : 'good' };
}

/** Renders the request card for whoever looks at it, the copy for the mentors' channel and the requester's copy. */
export class EscalationCardRenderer {
  constructor(
    private readonly escalations: Pick<EscalationsService, 'viewers'>,
    /** The mentors' time zone, for times on the cards. */
    readonly timeZone: string,
  ) {}

  /** Mentor (decides; never their own request), requester, or anyone else (reads). */
  viewerOf(caller: Caller, escalation: Escalation): EscalationViewer {
    const person = caller.person;
    if (!person) return 'other';
    if (person.id === escalation.requester.id) return 'requester';
    return can(caller, 'escalations.decide') ? 'mentor' : 'other';
  }

  async forCaller(caller: Caller, escalation: Escalation, message?: Message): Promise<AdaptiveCard> {
    const viewer = this.viewerOf(caller, escalation);
    return this.card(escalation, viewer, { message: message ?? (viewer === 'requester' ? requesterMessage(escalation) : undefined) });
  }

  /** The copy for the mentors' channel: read-only, with Teams' refresh naming who gets their own view. */
  posted(escalation: Escalation, banner?: CardElement[]): Promise<AdaptiveCard> {
    return this.card(escalation, 'other', { banner });
  }

  /** The requester's copy (their personal chat): the status, the answer box when the mentors need info. */
  forRequester(escalation: Escalation, message?: Message): Promise<AdaptiveCard> {
    return this.card(escalation, 'requester', { message: message ?? requesterMessage(escalation) });
  }

  private async card(escalation: Escalation, viewer: EscalationViewer, extra: Pick<EscalationCardOptions, 'message' | 'banner'>): Promise<AdaptiveCard> {
    return escalationCard(escalation, viewer, { timeZone: this.timeZone, userIds: await this.escalations.viewers(escalation), submissionId: randomUUID(), ...extra });
  }
}

/** The notification text: what Teams shows where it cannot show the card. */
export function escalationSummary(escalation: Escalation): string {
  const about = escalation.account ? ` for ${escalation.account.name}` : '';
  if (escalation.status === 'needs_info') return `A mentor needs more information about your request: ${requestHeadline(escalation)}${about}`;
  return decisionSentence(escalation) ?? `Request for the mentors: ${requestHeadline(escalation)}${about} (from ${escalation.requester.name})`;
}

/**
 * Posts new requests to the mentors' channel, keeps every copy up to date (the channel copies read-only,
 * the requester's personal-chat copies as the requester sees them), and notifies the requester.
 */
export function createEscalationPoster(poster: CardPoster, render: EscalationCardRenderer): EscalationPoster {
  return {
    async postToMentors(escalation) {
      const result = await poster.notifyLink(MENTORS_LINK_ID, await render.posted(escalation), { summary: escalationSummary(escalation) });
      return result.sent ? { posted: true, linkId: MENTORS_LINK_ID, activityId: result.activityId } : { posted: false, reason: result.reason };
    },
    async update(escalation) {
      if (!escalation.posts.length) return;
      const [channel, requester] = await Promise.all([render.posted(escalation), render.forRequester(escalation)]);
      await Promise.all(escalation.posts.map((post) => poster.updateCard(post.linkId, post.activityId, post.linkId.startsWith('user:') ? requester : channel)));
    },
    async tellRequester(escalation) {
      const linkId = userLinkId(escalation.requester.id);
      const result = await poster.notifyLink(linkId, await render.forRequester(escalation), { summary: escalationSummary(escalation) });
      return result.sent ? { posted: true, linkId, activityId: result.activityId } : { posted: false, reason: result.reason };
    },
  };
}
