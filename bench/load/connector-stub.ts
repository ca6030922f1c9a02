/**
 * A Bot Connector stand-in on 127.0.0.1: every activity the load sends names it as its service URL,
 * so a proactive message (telling the requester a mentor decided, updating the mentors' channel post)
 * is a real HTTP call that succeeds. It answers posts and updates with an activity id, and counts them.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorStub {
  url: string;
  /** Calls answered so far. */
  readonly calls: number;
  /** Of those, updates of an earlier activity (PUT). */
  readonly updates: number;
  close(): Promise<void>;
}

export async function startConnectorStub(): Promise<ConnectorStub> {
  let calls = 0;
  let updates = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls += 1;
      const updated = req.method === 'PUT' ? /\/activities\/([^/?]+)$/.exec(req.url ?? '')?.[1] : undefined;
      if (updated) updates += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: updated ? decodeURIComponent(updated) : `stub-${calls}` }));
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    get calls() {
      return calls;
    },
    get updates() {
      return updates;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
