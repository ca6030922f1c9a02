/**
 * What the load sends: Bot Framework activities as Teams sends them to /api/messages, with
 * `deliveryMode: "expectReplies"` so that the bot's replies come back in the HTTP response
 * (an invoke's answer is the `invokeResponse` activity among them).
 */

export interface Party {
  user: { id: string; name: string };
  conversationId: string;
  /** Where the bot sends proactive messages (the loopback connector stub). */
  serviceUrl: string;
  tenantId: string;
  /** The activity id. */
  id: string;
}

/** A message (text, or a card's Action.Submit value) or a card's Action.Execute press. */
export type Turn = { kind: 'message'; text?: string; value?: unknown } | { kind: 'invoke'; verb: string; data: unknown };

/** The activity for one turn of `party.user` in their personal chat with the bot. */
export function activity(turn: Turn, party: Party): Record<string, unknown> {
  const base = {
    channelId: 'msteams',
    serviceUrl: party.serviceUrl,
    id: party.id,
    timestamp: new Date().toISOString(),
    locale: 'en-US',
    from: { id: `29:${party.user.id}`, name: party.user.name, aadObjectId: party.user.id },
    recipient: { id: '28:deskmate-bench', name: 'Deskmate' },
    conversation: { id: party.conversationId, conversationType: 'personal', tenantId: party.tenantId },
    channelData: { tenant: { id: party.tenantId } },
    deliveryMode: 'expectReplies',
  };
  if (turn.kind === 'message') return { ...base, type: 'message', ...(turn.text !== undefined ? { text: turn.text } : {}), ...(turn.value !== undefined ? { value: turn.value } : {}) };
  // Teams names the message that carries the pressed card; the bot may update that message in place.
  return { ...base, type: 'invoke', name: 'adaptiveCard/action', replyToId: `card-${party.id}`, value: { action: { type: 'Action.Execute', verb: turn.verb, data: turn.data } } };
}

/** Posts one activity (outside the load generator: checks, setup) and returns the raw answer. */
export async function postActivity(baseUrl: string, body: Record<string, unknown>): Promise<{ status: number; body: string; ms: number }> {
  const started = performance.now();
  const res = await fetch(`${baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(60_000) });
  const text = await res.text();
  return { status: res.status, body: text, ms: performance.now() - started };
}

/** The text a person would read in an expectReplies answer (messages and invoke cards), for error reports. */
export function replyText(body: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return body.slice(0, 500);
  }
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'text' && typeof value === 'string') out.push(value);
        else if (typeof value === 'object') walk(value);
      }
    }
  };
  walk(parsed);
  return out.join(' | ');
}

/** Texts that mean the turn failed, whatever the kind (the bot's error and problem cards). */
export const FAILURE_MARKERS = ['Something went wrong on our side', 'is out of date', 'You are not set up in Deskmate'];
