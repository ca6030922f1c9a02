import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import type { Container } from '@azure/cosmos';
import { DEMO_LOCATIONS } from '../../src/demo/demo-locations';
import type { Link, UserLink } from '../../src/features/links/links.schemas';

export const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const TEAM_ID = '19:team-general@thread.tacv2';

/** Writes the demo locations (PDX1, SEA1, ...) into the `locations` container. */
export async function seedLocations(locations: Container): Promise<void> {
  for (const location of DEMO_LOCATIONS) await locations.items.upsert(location);
}

/** What a Teams message in a team channel carries: the channel conversation and the Teams channel data. */
export function inChannel(channel: { id: string; name?: string }, extra: Partial<Activity> = {}): Partial<Activity> {
  return {
    conversation: { id: `${channel.id};messageid=1700000000000`, conversationType: 'channel', isGroup: true, name: '' },
    channelData: { tenant: { id: TENANT }, team: { id: TEAM_ID, name: 'Store Ops' }, channel: { id: channel.id, ...(channel.name ? { name: channel.name } : {}) } },
    ...extra,
  };
}

/** Every document in the container but people's user links (`user:...`), by id. */
export async function storedLinks(conversations: Container): Promise<Record<string, Link>> {
  const { resources } = await conversations.items.query<Link>('SELECT * FROM c').fetchAll();
  return Object.fromEntries(resources.filter((r) => !r.id.startsWith('user:')).map((r) => [r.id, r]));
}

/** A person's stored user link as Cosmos holds it (system fields `_etag` and `_ts` included), or undefined. */
export async function storedUserLink(conversations: Container, aadObjectId: string): Promise<(UserLink & { _etag: string; _ts: number }) | undefined> {
  const id = `user:${aadObjectId}`;
  const { resource } = await conversations.item(id, id).read<UserLink & { _etag: string; _ts: number }>();
  return resource;
}

export interface ConnectorCall {
  method: string;
  url: string;
  body: Record<string, unknown>;
}

/**
 * A Bot Connector service on loopback, speaking its REST wire format: POST
 * /v3/conversations/{id}/activities[/{replyToId}] -> 200 {"id": "posted-N"} (a new activity), and PUT
 * /v3/conversations/{id}/activities/{activityId} -> 200 {"id": activityId} (an update). Every call is
 * recorded. `statuses` are answered in turn (with a Retry-After header when given one), then 200.
 */
export async function startConnector(statuses: (number | { status: number; retryAfter: number })[] = []) {
  const calls: ConnectorCall[] = [];
  const queue = [...statuses];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      calls.push({ method: req.method ?? '', url: req.url ?? '', body: body ? JSON.parse(body) : {} });
      const next = queue.shift() ?? 200;
      const status = typeof next === 'number' ? next : next.status;
      res.writeHead(status, { 'content-type': 'application/json', ...(typeof next === 'number' ? {} : { 'retry-after': String(next.retryAfter) }) });
      const updated = req.method === 'PUT' ? /\/activities\/([^/?]+)$/.exec(req.url ?? '')?.[1] : undefined;
      const id = updated ? decodeURIComponent(updated) : `posted-${calls.length}`;
      res.end(status < 300 ? JSON.stringify({ id }) : JSON.stringify({ error: { code: 'Throttled', message: 'try later' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, calls, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
