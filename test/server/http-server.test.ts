import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config';
import { startDeskmate, type RunningDeskmate } from '../../src/deskmate';
import { createLogger } from '../../src/shared/logger';
import { PeopleStore } from '../../src/features/people/people.store';
import { visibleText, logCapture } from '../helpers/bot-harness';
import { postExpectReplies } from '../helpers/http';

describe('HTTP server (real restify, real adapter, loopback)', () => {
  let deskmate: RunningDeskmate;
  const logs = logCapture();
  beforeAll(async () => {
    const config = parseConfig({ PORT: '0', DEMO_DATA: 'off', COSMOS_DATABASE: 'http-test' });
    deskmate = await startDeskmate(config, createLogger('info', logs.stream), { persist: false });
    await new PeopleStore(deskmate.store.containers.people).upsert({
      id: '00000000-0000-0000-0000-0000000000020',
      name: 'Alex Wilber',
      roles: ['agent'],
      locationIds: [],
      active: true,
    });
  });
  afterAll(() => deskmate.stop());

  it('listens on loopback only when BOT_ID is unset, and says so in the log', () => {
    expect(deskmate.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(logs.lines.some((l) => l.level === 40 && String(l.msg).includes('authentication is OFF'))).toBe(true);
  });

  it('answers /healthz and /readyz', async () => {
    expect((await fetch(`${deskmate.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${deskmate.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('returns the help card in the HTTP response for deliveryMode expectReplies', async () => {
    const { status, replies } = await postExpectReplies(deskmate.url, { text: 'help' });
    expect(status).toBe(200);
    expect(visibleText(replies)).toContain('What Deskmate can do');
    expect(visibleText(replies)).toContain('Signed in as Alex Wilber (Agent)');
  });

  it('refuses a body that is not an activity without crashing', async () => {
    const res = await fetch(`${deskmate.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"nonsense":' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect((await fetch(`${deskmate.url}/healthz`)).status).toBe(200);
  });
});
