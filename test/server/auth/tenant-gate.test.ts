import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config';
import { startDeskmate, type RunningDeskmate } from '../../../src/deskmate';
import { createLogger } from '../../../src/shared/logger';
import { logCapture, visibleText } from '../../helpers/bot-harness';
import { postExpectReplies } from '../../helpers/http';
import { startTokenIssuer, type TokenIssuer } from './token-issuer';
import { storedDocuments } from './stored-documents';

const BOT_ID = '11111111-2222-3333-4444-555555555555';
const OUR_TENANT = '66666666-7777-8888-9999-000000000000';
const PARTNER_TENANT = 'abcdefab-1111-4222-8333-444444444444';
const OTHER_TENANT = '12345678-9abc-4def-8123-456789abcdef';
const REFUSAL = 'Deskmate is not available for your organization.';

/** ALLOWED_TENANTS behind real authentication: a valid token from the Bot Connector, through the real HTTP server. */
describe('with ALLOWED_TENANTS set, activities from other tenants are refused', () => {
  let issuer: TokenIssuer;
  let deskmate: RunningDeskmate;
  const logs = logCapture();

  beforeAll(async () => {
    issuer = await startTokenIssuer();
    const config = parseConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DEMO_DATA: 'off',
      COSMOS_DATABASE: 'auth-tenant-test',
      TASK_REMINDERS: 'off',
      BOT_ID,
      BOT_PASSWORD: 'not-a-real-secret',
      BOT_TENANT_ID: OUR_TENANT,
      BOT_OPENID_METADATA: issuer.metadataUrl,
      ALLOWED_TENANTS: `${OUR_TENANT}, ${PARTNER_TENANT.toUpperCase()}`,
    });
    deskmate = await startDeskmate(config, createLogger('info', logs.stream), { persist: false, watchKb: false });
  });
  afterAll(async () => {
    await deskmate?.stop();
    await issuer?.close();
  });

  /** Posts an activity from `tenant` (both places Teams puts it; `undefined` for none) with a valid token. */
  async function postFrom(tenant: string | undefined, activity: Partial<Activity> = { text: 'help' }) {
    const authorization = `Bearer ${issuer.token({ aud: BOT_ID, serviceurl: 'http://127.0.0.1:1/' })}`;
    const where = { channelData: tenant ? { tenant: { id: tenant } } : {}, conversation: { id: `conv-${tenant ?? 'none'}`, conversationType: 'personal', tenantId: tenant } as Activity['conversation'] };
    const logged = logs.lines.length;
    const response = await postExpectReplies(deskmate.url, { ...where, ...activity }, { authorization });
    return { ...response, logs: logs.lines.slice(logged) };
  }

  it('serves the allowed tenants, whatever the case of the tenant id', async () => {
    for (const tenant of [OUR_TENANT, PARTNER_TENANT, OUR_TENANT.toUpperCase()]) {
      const { status, replies } = await postFrom(tenant);
      expect(status).toBe(200);
      expect(visibleText(replies)).toContain('What Deskmate can do');
    }
  });

  it('answers a message from another tenant with a refusal only, runs no handler and writes nothing', async () => {
    const storedBefore = await storedDocuments(deskmate.store);
    const { status, replies, logs: lines } = await postFrom(OTHER_TENANT);
    expect(status).toBe(200);
    expect(replies.map((r) => r.text)).toEqual([REFUSAL]);
    expect(replies[0]!.attachments ?? []).toEqual([]);
    expect(lines.find((l) => l.msg === 'turn')).toMatchObject({ route: 'tenant.refused', outcome: 'refused' });
    expect(lines.find((l) => l.msg === 'activity from a tenant that is not allowed')).toMatchObject({ level: 40, tenant: OTHER_TENANT });
    expect(await storedDocuments(deskmate.store)).toEqual(storedBefore);
  });

  it('refuses an activity that names no tenant', async () => {
    const { replies, logs: lines } = await postFrom(undefined);
    expect(replies.map((r) => r.text)).toEqual([REFUSAL]);
    expect(lines.find((l) => l.msg === 'activity from a tenant that is not allowed')).toMatchObject({ tenant: 'none' });
  });

  it('sends no welcome card when the bot is added in another tenant', async () => {
    const added = { type: 'conversationUpdate', text: undefined, membersAdded: [{ id: 'bot', name: 'Deskmate' }] } as Partial<Activity>;
    const refused = await postFrom(OTHER_TENANT, added);
    expect(refused.status).toBe(200);
    expect(refused.replies).toEqual([]);
    expect(refused.logs.find((l) => l.msg === 'turn')).toMatchObject({ activityType: 'conversationUpdate', route: 'tenant.refused' });
    // The same activity from an allowed tenant is welcomed, so the refusal above is the gate's doing.
    expect(visibleText((await postFrom(OUR_TENANT, added)).replies)).toContain('Hi, I am Deskmate');
  });
});
