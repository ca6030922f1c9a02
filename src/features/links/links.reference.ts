import type { Activity } from 'botbuilder';
import { z } from 'zod/v4';
import { DomainError } from '../../shared/errors';
import { aadObjectIdSchema, linkTargetConversationSchema, userSightingSchema, type LinkConversation, type UserSighting } from './links.schemas';

/** The Teams fields of `channelData` that say where a message came from. */
const teamsChannelData = z.object({
  tenant: z.object({ id: z.string() }).optional(),
  team: z.object({ id: z.string().optional(), name: z.string().optional() }).optional(),
  channel: z.object({ id: z.string().optional(), name: z.string().optional() }).optional(),
});

/**
 * The conversation an activity came from, as a link stores it. In a channel the id is the channel's
 * own (Teams adds ";messageid=..." for a thread, and a post there would land in that thread).
 */
export function conversationOf(activity: Partial<Activity>): LinkConversation {
  const data = teamsChannelData.safeParse(activity.channelData ?? {});
  const channelData = data.success ? data.data : {};
  const conversation = activity.conversation;
  const isChannel = conversation?.conversationType === 'channel';
  const conversationId = isChannel ? (channelData.channel?.id ?? conversation?.id?.split(';messageid=')[0]) : conversation?.id;
  const teamId = channelData.team?.id;
  const channelName = isChannel ? (channelData.channel?.name ?? conversation?.name ?? (teamId && conversationId === teamId ? 'General' : undefined)) : undefined;
  const parsed = linkTargetConversationSchema.safeParse({
    reference: {
      channelId: activity.channelId,
      serviceUrl: activity.serviceUrl,
      conversation: {
        id: conversationId,
        conversationType: conversation?.conversationType,
        isGroup: conversation?.isGroup,
        name: conversation?.name || undefined,
        tenantId: conversation?.tenantId ?? channelData.tenant?.id,
      },
      bot: { id: activity.recipient?.id, name: activity.recipient?.name || undefined },
      locale: activity.locale || undefined,
    },
    place: { teamName: isChannel ? channelData.team?.name : undefined, channelName },
  });
  if (!parsed.success) {
    throw new DomainError('invalid_input', 'This conversation cannot be linked: Teams did not say how to post here. Try again from the chat or channel itself.');
  }
  return parsed.data;
}

/** True when the activity says the bot itself joined a team channel (not a person joining). */
export function isBotAddedToTeamChannel(activity: Partial<Activity>): boolean {
  if (activity.type !== 'conversationUpdate' || activity.conversation?.conversationType !== 'channel') return false;
  const team = (activity.channelData as { team?: unknown } | undefined)?.team;
  const botId = activity.recipient?.id;
  return Boolean(team) && Boolean(botId) && (activity.membersAdded ?? []).some((m) => m.id === botId);
}

/** What an activity in a person's personal chat with the bot says about their user link. */
export type PersonalChatEvent =
  | { kind: 'seen' | 'installed'; user: UserSighting }
  | { kind: 'removed'; aadObjectId: string };

/**
 * Reads a personal-chat activity for the user link: the person was seen (any activity), the bot was just
 * installed there (stored even if unchanged: another instance may have removed it), or the bot was removed
 * (the reference no longer works). Undefined outside a personal chat, without a valid AAD object id, or
 * when Teams did not say how to post back. Never throws, whatever the activity holds.
 */
export function personalChatEvent(activity: Partial<Activity>): PersonalChatEvent | undefined {
  const conversation = activity.conversation;
  const aadObjectId = activity.from?.aadObjectId;
  if (conversation?.conversationType !== 'personal' || !aadObjectIdSchema.safeParse(aadObjectId).success) return undefined;
  const id = aadObjectId as string;
  const botId = activity.recipient?.id;
  const includesBot = (members: unknown) => Boolean(botId) && Array.isArray(members) && members.some((m: { id?: unknown } | null) => m?.id === botId);
  if ((activity.type === 'installationUpdate' && activity.action === 'remove') || (activity.type === 'conversationUpdate' && includesBot(activity.membersRemoved))) {
    return { kind: 'removed', aadObjectId: id };
  }
  const installed = (activity.type === 'installationUpdate' && (activity.action === 'add' || activity.action === 'add-upgrade')) || (activity.type === 'conversationUpdate' && includesBot(activity.membersAdded));
  const data = teamsChannelData.safeParse(activity.channelData ?? {});
  const name = typeof activity.from?.name === 'string' ? activity.from.name.trim().slice(0, 300) : '';
  const parsed = userSightingSchema.safeParse({
    aadObjectId: id,
    name: name || undefined,
    reference: {
      channelId: activity.channelId,
      serviceUrl: activity.serviceUrl,
      conversation: { id: conversation.id, conversationType: 'personal', tenantId: conversation.tenantId ?? (data.success ? data.data.tenant?.id : undefined) },
      bot: { id: botId, name: activity.recipient?.name || undefined },
    },
  });
  return parsed.success ? { kind: installed ? 'installed' : 'seen', user: parsed.data } : undefined;
}
