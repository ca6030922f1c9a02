/**
 * Links the mentors' channel, as an admin does in Teams (`link mentors` in a team channel), so that a
 * new request is posted there and a decision updates that post, as in any real deployment.
 */
import { DEMO_LOCATIONS } from '../../src/demo/demo-locations';
import { demoPeople } from '../../src/demo/demo-people';
import { postActivity, replyText } from './activities';

/** The admin who links it: the demo people's admin (the bench data seeds the demo people). */
const ADMIN = demoPeople(DEMO_LOCATIONS).find((p) => p.roles.includes('admin'))!;
const TEAM = { id: '19:bench-team@thread.tacv2', name: 'Bench Contact Center' };
const CHANNEL = { id: '19:bench-mentors@thread.tacv2', name: 'Mentors' };

/** Sends `link mentors` from the channel through `serviceUrl` (where the bot will post and update). */
export async function linkMentorsChannel(botUrl: string, serviceUrl: string, tenantId: string): Promise<void> {
  const activity = {
    type: 'message',
    text: 'link mentors',
    channelId: 'msteams',
    serviceUrl,
    id: `bench-link-mentors-${Date.now()}`,
    timestamp: new Date().toISOString(),
    locale: 'en-US',
    from: { id: `29:${ADMIN.id}`, name: ADMIN.name, aadObjectId: ADMIN.id },
    recipient: { id: '28:deskmate-bench', name: 'Deskmate' },
    conversation: { id: CHANNEL.id, conversationType: 'channel', isGroup: true, tenantId },
    channelData: { tenant: { id: tenantId }, team: TEAM, channel: CHANNEL },
    deliveryMode: 'expectReplies',
  };
  const reply = await postActivity(botUrl, activity);
  if (reply.status !== 200 || !reply.body.includes('Linked for mentors')) throw new Error(`linking the mentors' channel failed (${reply.status}): ${replyText(reply.body).slice(0, 300)}`);
}
