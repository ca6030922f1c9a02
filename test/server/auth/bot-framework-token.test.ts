import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../../src/config';
import { startDeskmate, type RunningDeskmate } from '../../../src/deskmate';
import { createLogger } from '../../../src/shared/logger';
import { logCapture, visibleText } from '../../helpers/bot-harness';
import { postExpectReplies } from '../../helpers/http';
import { startTokenIssuer, type TokenIssuer } from './token-issuer';
import { storedDocuments } from './stored-documents';

const BOT_ID = '11111111-2222-3333-4444-555555555555';
/** The serviceUrl postExpectReplies puts on its activities; the token's serviceurl claim must match it. */
const SERVICE_URL = 'http://127.0.0.1:1/';

describe('with BOT_ID set, only a valid Bot Framework token reaches the bot', () => {
  let issuer: TokenIssuer;
  let deskmate: RunningDeskmate;
  const logs = logCapture();
  const turns = () => logs.lines.filter((l) => l.msg === 'turn').length;

  beforeAll(async () => {
    // The SDK logs every refused token with console.error; keep the test output readable.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    issuer = await startTokenIssuer();
    const config = parseConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DEMO_DATA: 'off',
      COSMOS_DATABASE: 'auth-token-test',
      TASK_REMINDERS: 'off',
      BOT_ID,
      BOT_PASSWORD: 'not-a-real-secret',
      BOT_TENANT_ID: '66666666-7777-8888-9999-000000000000',
      BOT_OPENID_METADATA: issuer.metadataUrl,
    });
    deskmate = await startDeskmate(config, createLogger('info', logs.stream), { persist: false, watchKb: false });
  });
  afterAll(async () => {
    await deskmate?.stop();
    await issuer?.close();
    vi.restoreAllMocks();
  });

  /** Posts `help` with this Authorization header and checks it got `status`, no reply, no turn and no write. */
  async function expectRefused(authorization: string | undefined, status = 401) {
    const [turnsBefore, storedBefore] = [turns(), await storedDocuments(deskmate.store)];
    const response = await postExpectReplies(deskmate.url, { text: 'help' }, authorization ? { authorization } : {});
    expect(response.status).toBe(status);
    const { replies } = response;
    expect(replies).toEqual([]);
    expect(turns()).toBe(turnsBefore);
    expect(await storedDocuments(deskmate.store)).toEqual(storedBefore);
  }

  const valid = { aud: BOT_ID, serviceurl: SERVICE_URL };
  const minutesAgo = (minutes: number) => Math.floor(Date.now() / 1000) - minutes * 60;

  it('refuses a request without a token', async () => {
    await expectRefused(undefined);
  });

  it('refuses a token that is not a Bearer token', async () => {
    await expectRefused(`Basic ${issuer.token(valid)}`);
  });

  it('refuses a token signed by a key the metadata does not publish', async () => {
    await expectRefused(`Bearer ${issuer.token(valid, { key: issuer.unpublishedKey() })}`);
  });

  // botbuilder answers 401 only for its own AuthenticationError; the adapter (src/bot/adapter.ts) turns
  // jsonwebtoken's own errors (bad signature, not valid yet) into one, so these are 401 too.
  it('refuses a token that names a published key but is signed by another', async () => {
    await expectRefused(`Bearer ${issuer.token(valid, { key: issuer.unpublishedKey(), kid: issuer.teamsKey.kid })}`, 401);
  });

  it('refuses a token signed by a published key that is not endorsed for Teams', async () => {
    await expectRefused(`Bearer ${issuer.token(valid, { key: issuer.webchatKey })}`);
  });

  it('refuses an expired token (beyond the 5 minutes of clock skew the SDK allows)', async () => {
    await expectRefused(`Bearer ${issuer.token({ ...valid, nbf: minutesAgo(75), exp: minutesAgo(15) })}`);
  });

  it('refuses a token that is not valid yet', async () => {
    await expectRefused(`Bearer ${issuer.token({ ...valid, nbf: minutesAgo(-15), exp: minutesAgo(-75) })}`, 401);
  });

  it('refuses a token for another bot (wrong audience)', async () => {
    await expectRefused(`Bearer ${issuer.token({ ...valid, aud: '99999999-2222-3333-4444-555555555555' })}`);
  });

  it('refuses a token from another issuer', async () => {
    await expectRefused(`Bearer ${issuer.token({ ...valid, iss: 'https://api.botframework.us' })}`);
  });

  it('refuses a token issued for another serviceUrl', async () => {
    await expectRefused(`Bearer ${issuer.token({ ...valid, serviceurl: 'https://smba.trafficmanager.net/amer/' })}`);
  });

  it('runs the turn for a valid token and answers in the HTTP response', async () => {
    const turnsBefore = turns();
    const { status, replies } = await postExpectReplies(deskmate.url, { text: 'help' }, { authorization: `Bearer ${issuer.token(valid)}` });
    expect(status).toBe(200);
    expect(replies).toHaveLength(1);
    const shown = visibleText(replies);
    expect(shown).toContain('What Deskmate can do');
    // DEMO_DATA is off, so the caller is nobody Deskmate knows.
    expect(shown).toContain('You are not set up in Deskmate yet');
    expect(turns()).toBe(turnsBefore + 1);
    expect(issuer.requests()).toBeGreaterThan(0);
  });
});
