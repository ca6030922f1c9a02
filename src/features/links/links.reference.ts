import type { Activity } from 'botbuilder';
import { z } from 'zod/v4';
import { DomainError } from '../../shared/errors';
import { linkTargetConversationSchema, type LinkConversation } from './links.schemas';

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
