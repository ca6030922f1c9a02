import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config';
import { startDeskmate, type RunningDeskmate } from '../../src/deskmate';
import { silentLogger } from '../../src/shared/logger';
import { postExpectReplies } from '../helpers/http';

describe('with BOT_ID set, Bot Framework authentication is on', () => {
  let deskmate: RunningDeskmate;
  beforeAll(async () => {
    const config = parseConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DEMO_DATA: 'off',
      BOT_ID: '11111111-2222-3333-4444-555555555555',
      BOT_PASSWORD: 'not-a-real-secret',
      BOT_TENANT_ID: '66666666-7777-8888-9999-000000000000',
    });
    deskmate = await startDeskmate(config, silentLogger(), { persist: false, watchKb: false });
  });
  afterAll(() => deskmate.stop());

  it('refuses a request without a token with 401 and runs no handler', async () => {
    const { status, replies } = await postExpectReplies(deskmate.url, { text: 'help' });
    expect(status).toBe(401);
    expect(replies).toEqual([]);
  });

  it('refuses a request with a token that is not a Bot Framework JWT', async () => {
    const { status } = await postExpectReplies(deskmate.url, { text: 'help' }, { authorization: 'Bearer not.a.jwt' });
    expect(status).toBe(401);
  });
});
