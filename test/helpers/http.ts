import type { Activity } from 'botbuilder';

/** Posts an activity to /api/messages with deliveryMode "expectReplies" and returns the replies. */
export async function postExpectReplies(baseUrl: string, activity: Partial<Activity>, headers: Record<string, string> = {}) {
  const res = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({
      type: 'message',
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:1/',
      id: `act-${Math.random().toString(36).slice(2)}`,
      from: { id: 'user-id-0', name: 'Alex Wilber', aadObjectId: '00000000-0000-0000-0000-0000000000020' },
      recipient: { id: 'bot', name: 'Deskmate' },
      conversation: { id: 'http-test-conversation', conversationType: 'personal' },
      deliveryMode: 'expectReplies',
      ...activity,
    }),
  });
  const body = res.status === 200 ? ((await res.json()) as { activities?: Partial<Activity>[] }) : undefined;
  return { status: res.status, replies: (body?.activities ?? []).filter((a) => a.type === 'message') };
}
