import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config';
import { createAdapter } from '../../src/bot/adapter';
import { installMiddleware } from '../../src/bot/app';
import { createLinkServices } from '../../src/features/links';
import { createConversationNotifier, type ProactiveAdapter } from '../../src/features/links/links.notifier';
import { LinksStore } from '../../src/features/links/links.store';
import { adaptiveCard, text } from '../../src/shared/cards';
import { createLogger } from '../../src/shared/logger';
import { createBotHarness, logCapture } from '../helpers/bot-harness';
import { inChannel, seedLocations, startConnector, TENANT } from './links-helpers';

const URGENT = adaptiveCard([text('Urgent: gate code problem at unit B112')]);
const DONE = adaptiveCard([text('Handled by Ada Admin')]);
const CHANNEL = { id: '19:portland-ops@thread.tacv2', name: 'Portland ops' };
const BILLING = { id: '19:billing-team@thread.tacv2', name: 'Billing desk' };
/** An activity id in the form Teams gives a channel post. */
const TEAMS_ACTIVITY_ID = '1:1xJ3fk0nXqQ2Lw9mP7sT';

/**
 * The real Teams adapter (authentication off, as in local runs) posting to a Bot Connector on loopback:
 * the links are made through the bot, the notifier reads them from the store and posts.
 */
describe('ConversationNotifier', () => {
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  let connector: Awaited<ReturnType<typeof startConnector>>;
  const logs = logCapture();
  const logger = createLogger('debug', logs.stream);

  beforeAll(async () => {
    bot = await createBotHarness();
    await seedLocations(bot.store.containers.locations);
  });
  afterAll(() => bot.close());
  afterEach(() => connector?.close());

  /** Links PDX1 (or the mentors, or a team) to CHANNEL (or another channel) through the bot, with the connector's address as the service URL. */
  async function link(command: string, statuses: Parameters<typeof startConnector>[0] = [], channel = CHANNEL) {
    connector = await startConnector(statuses);
    const shown = await bot.send({ text: command, ...inChannel(channel, { serviceUrl: connector.url }) }, 'admin');
    expect(shown).toHaveLength(1);
  }

  function notifier(options: { adapter?: ProactiveAdapter; env?: Record<string, string> } = {}) {
    const config = parseConfig(options.env ?? {});
    const adapter = createAdapter(config);
    installMiddleware(adapter, config, logger);
    return createConversationNotifier({ links: new LinksStore(bot.store.containers.conversations), adapter: options.adapter ?? adapter, botAppId: '', logger, retry: { baseDelayMs: 50 } });
  }

  it('posts the card as a new message in the linked channel, not in the thread the link was made in', async () => {
    await link('link location portland');
    const result = await notifier().notifyLocation('PDX1', URGENT, { summary: 'Urgent note for PDX1' });
    expect(result).toEqual({ sent: true, activityId: 'posted-1' });
    expect(connector.calls).toHaveLength(1);
    const call = connector.calls[0]!;
    expect(call.method).toBe('POST');
    // A new post in the channel itself (the adapter's proactive turn names a fresh activity id to reply to).
    expect(decodeURIComponent(call.url)).toMatch(new RegExp(`^/v3/conversations/${CHANNEL.id}/activities(/[0-9a-f-]{36})?$`));
    expect(call.body).toMatchObject({
      type: 'message',
      summary: 'Urgent note for PDX1',
      conversation: { id: CHANNEL.id, tenantId: TENANT },
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: URGENT }],
    });
  });

  it('posts to the mentors link too', async () => {
    await link('link mentors');
    expect(await notifier().notifyMentors(URGENT)).toMatchObject({ sent: true });
    expect(connector.calls).toHaveLength(1);
  });

  it('passes the tenant gate with the tenant stored in the link, and reports a post the gate stops', async () => {
    await link('link location PDX1');
    expect(await notifier({ env: { ALLOWED_TENANTS: TENANT } }).notifyLocation('PDX1', URGENT)).toMatchObject({ sent: true });
    const stopped = await notifier({ env: { ALLOWED_TENANTS: '11111111-2222-4333-8444-555555555555' } }).notifyLocation('PDX1', URGENT);
    expect(stopped).toEqual({ sent: false, reason: 'send_failed', detail: 'the adapter did not run the post after 1 attempt' });
    expect(connector.calls).toHaveLength(1);
  });

  it('says not_linked for a location nobody linked, and sends nothing', async () => {
    connector = await startConnector();
    expect(await notifier().notifyLocation('OTT1', URGENT)).toEqual({ sent: false, reason: 'not_linked', detail: 'nothing is linked for location:OTT1' });
    expect(connector.calls).toHaveLength(0);
  });

  it('retries 429 and 5xx with backoff, and then succeeds', async () => {
    await link('link location PDX1', [429, 502]);
    const started = Date.now();
    expect(await notifier().notifyLocation('PDX1', URGENT)).toMatchObject({ sent: true, activityId: 'posted-3' });
    expect(connector.calls).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(50 + 100);
  });

  it.each([[500, 503], [503, 504], [412, 500]])('retries %i then %i, and then succeeds', async (first, second) => {
    await link('link location PDX1', [first, second]);
    expect(await notifier().notifyLocation('PDX1', URGENT)).toMatchObject({ sent: true, activityId: 'posted-3' });
    expect(connector.calls).toHaveLength(3);
  });

  it('gives up after three attempts, well within 4 s, without throwing, and logs no secrets', async () => {
    await link('link location PDX1', [429, 412, 504, 429]);
    logs.lines.length = 0;
    const started = Date.now();
    // The notifier as createBot makes it (default retry policy).
    const { notifier: made } = createLinkServices({ store: bot.store, adapter: createAdapter(parseConfig({})), botAppId: '', logger, locations: { list: async () => [] } });
    const result = await made.notifyLocation('PDX1', URGENT);
    expect(Date.now() - started).toBeLessThan(4000);
    expect(result).toEqual({ sent: false, reason: 'send_failed', detail: 'HTTP 504 after 3 attempts' });
    expect(connector.calls).toHaveLength(3);
    const warning = logs.lines.find((l) => l.msg === 'proactive post failed');
    expect(warning).toMatchObject({ level: 40, link: 'location:PDX1', status: 504, attempts: 3 });
    expect(JSON.stringify(logs.lines)).not.toMatch(/authorization|bearer|gate code/i);
  });

  it('waits as long as a 429 asks when that fits in the time limit, and gives up at once when it does not', async () => {
    await link('link location PDX1', [{ status: 429, retryAfter: 1 }, { status: 429, retryAfter: 30 }]);
    const started = Date.now();
    expect(await notifier().notifyLocation('PDX1', URGENT)).toEqual({ sent: false, reason: 'send_failed', detail: 'HTTP 429 after 2 attempts' });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(1000);
    expect(elapsed).toBeLessThan(2500);
    expect(connector.calls).toHaveLength(2);
  });

  it.each([403, 400, 404])('does not retry %i (the post is refused, not failed)', async (status) => {
    await link('link location PDX1', [status, 403]);
    expect(await notifier().notifyLocation('PDX1', URGENT)).toEqual({ sent: false, reason: 'send_failed', detail: `HTTP ${status} after 1 attempt` });
    expect(connector.calls).toHaveLength(1);
  });

  it('reports a connector that is not there, or an adapter that throws, as send_failed', async () => {
    await link('link location PDX1');
    await connector.close();
    const refused = await notifier().notifyLocation('PDX1', URGENT);
    expect(refused).toMatchObject({ sent: false, reason: 'send_failed' });
    const throwing: ProactiveAdapter = { continueConversationAsync: () => Promise.reject(new TypeError('adapter broke')) };
    expect(await notifier({ adapter: throwing }).notifyLocation('PDX1', URGENT)).toEqual({ sent: false, reason: 'send_failed', detail: 'TypeError after 1 attempt' });
  });

  it('stops waiting for a post that hangs when its time is up', async () => {
    await link('link location PDX1');
    const hanging: ProactiveAdapter = { continueConversationAsync: () => new Promise(() => undefined) };
    const fast = createConversationNotifier({ links: new LinksStore(bot.store.containers.conversations), adapter: hanging, botAppId: '', logger, retry: { budgetMs: 300 } });
    const started = Date.now();
    expect(await fast.notifyLocation('PDX1', URGENT)).toEqual({ sent: false, reason: 'send_failed', detail: 'no answer within 300 ms after 1 attempt' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('treats a stored link that is not valid as not linked', async () => {
    connector = await startConnector();
    await bot.store.containers.conversations.items.upsert({ id: 'location:AUS1', docType: 'link', kind: 'location', target: 'AUS1', reference: { serviceUrl: 'not a url' } });
    expect(await notifier().notifyLocation('AUS1', URGENT)).toMatchObject({ sent: false, reason: 'not_linked', detail: 'the stored link location:AUS1 is not valid; link the conversation again' });
  });

  it('posts to a team by its name in any case, and to any link by its id', async () => {
    await link('link team Billing', [], BILLING);
    await bot.send({ text: 'link location PDX1', ...inChannel(CHANNEL, { serviceUrl: connector.url }) }, 'admin');
    const poster = notifier();
    expect(await poster.notifyTeam('billing', URGENT)).toEqual({ sent: true, activityId: 'posted-1' });
    expect(await poster.notifyLink('team:Billing', URGENT)).toEqual({ sent: true, activityId: 'posted-2' });
    expect(await poster.notifyLink('location:PDX1', URGENT, { summary: 'Urgent note' })).toEqual({ sent: true, activityId: 'posted-3' });
    expect(connector.calls.map((c) => decodeURIComponent(c.url).split('/')[3])).toEqual([BILLING.id, BILLING.id, CHANNEL.id]);
    expect(connector.calls[0]!.body).toMatchObject({ type: 'message', conversation: { id: BILLING.id, tenantId: TENANT }, attachments: [{ content: URGENT }] });
    expect(connector.calls[2]!.body).toMatchObject({ summary: 'Urgent note', conversation: { id: CHANNEL.id } });
  });

  it('says not_linked for a link id nobody linked, or that is no link id at all, and sends nothing', async () => {
    connector = await startConnector();
    const poster = notifier();
    expect(await poster.notifyLink('team:Onboarding', URGENT)).toEqual({ sent: false, reason: 'not_linked', detail: 'nothing is linked for team:onboarding' });
    expect(await poster.notifyTeam('Payroll', URGENT)).toEqual({ sent: false, reason: 'not_linked', detail: 'nothing is linked for team:payroll' });
    expect(await poster.notifyLink('location:OTT1', URGENT)).toMatchObject({ sent: false, reason: 'not_linked' });
    expect(await poster.notifyLink('accounts/../x', URGENT)).toEqual({ sent: false, reason: 'not_linked', detail: 'accounts/../x is not a link id' });
    expect(await poster.notifyTeam('Billing/Collections', URGENT)).toEqual({ sent: false, reason: 'not_linked', detail: 'team:Billing/Collections is not a link id' });
    expect(connector.calls).toHaveLength(0);
  });

  it('updates a card it posted in place: a PUT to the activity, with the new card', async () => {
    await link('link team Customer Service', [], BILLING);
    const poster = notifier();
    const posted = await poster.notifyLink('team:customer service', URGENT);
    expect(posted).toEqual({ sent: true, activityId: 'posted-1' });
    expect(await poster.updateCard('team:Customer Service', 'posted-1', DONE)).toEqual({ updated: true });
    expect(await poster.updateCard('team:Customer Service', TEAMS_ACTIVITY_ID, DONE)).toEqual({ updated: true });
    expect(connector.calls.map((c) => c.method)).toEqual(['POST', 'PUT', 'PUT']);
    const [, first, second] = connector.calls;
    // The path of the Bot Connector's UpdateActivity, each part URL-encoded as its client does.
    expect(first!.url).toBe(`/v3/conversations/${encodeURIComponent(BILLING.id)}/activities/posted-1`);
    expect(second!.url).toBe(`/v3/conversations/${encodeURIComponent(BILLING.id)}/activities/${encodeURIComponent(TEAMS_ACTIVITY_ID)}`);
    expect(second!.body).toMatchObject({
      type: 'message',
      id: TEAMS_ACTIVITY_ID,
      conversation: { id: BILLING.id, tenantId: TENANT },
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: DONE }],
    });
    expect(second!.body).not.toHaveProperty('replyToId');
  });

  it('retries an update that meets 429 or 502, and then succeeds', async () => {
    await link('link location PDX1', [429, 502]);
    const started = Date.now();
    expect(await notifier().updateCard('location:PDX1', TEAMS_ACTIVITY_ID, DONE)).toEqual({ updated: true });
    expect(Date.now() - started).toBeGreaterThanOrEqual(50 + 100);
    expect(connector.calls.map((c) => c.method)).toEqual(['PUT', 'PUT', 'PUT']);
    expect(new Set(connector.calls.map((c) => c.url)).size).toBe(1);
  });

  it('gives up on an update after three attempts, within the time limit, without throwing, and logs no secrets', async () => {
    await link('link mentors', [502, 412, 429, 429]);
    logs.lines.length = 0;
    const started = Date.now();
    const { notifier: made } = createLinkServices({ store: bot.store, adapter: createAdapter(parseConfig({})), botAppId: '', logger, locations: { list: async () => [] } });
    const result = await made.updateCard('mentors', TEAMS_ACTIVITY_ID, DONE);
    expect(Date.now() - started).toBeLessThan(4000);
    expect(result).toEqual({ updated: false, reason: 'send_failed', detail: 'HTTP 429 after 3 attempts' });
    expect(connector.calls).toHaveLength(3);
    expect(logs.lines.find((l) => l.msg === 'proactive card update failed')).toMatchObject({ level: 40, link: 'mentors', status: 429, attempts: 3 });
    expect(JSON.stringify(logs.lines)).not.toMatch(/authorization|bearer|handled by/i);
  });

  it('gives up on an update at once when the wait asked for does not fit, and when the connector hangs', async () => {
    await link('link location PDX1', [{ status: 429, retryAfter: 30 }]);
    expect(await notifier().updateCard('location:PDX1', TEAMS_ACTIVITY_ID, DONE)).toEqual({ updated: false, reason: 'send_failed', detail: 'HTTP 429 after 1 attempt' });
    expect(connector.calls).toHaveLength(1);
    const hanging: ProactiveAdapter = { continueConversationAsync: () => new Promise(() => undefined) };
    const fast = createConversationNotifier({ links: new LinksStore(bot.store.containers.conversations), adapter: hanging, botAppId: '', logger, retry: { budgetMs: 300 } });
    const started = Date.now();
    expect(await fast.updateCard('location:PDX1', TEAMS_ACTIVITY_ID, DONE)).toEqual({ updated: false, reason: 'send_failed', detail: 'no answer within 300 ms after 1 attempt' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('says not_linked when updating in a link nobody made, and refuses an empty activity id, sending nothing', async () => {
    connector = await startConnector();
    const poster = notifier();
    expect(await poster.updateCard('team:Onboarding', TEAMS_ACTIVITY_ID, DONE)).toEqual({ updated: false, reason: 'not_linked', detail: 'nothing is linked for team:onboarding' });
    expect(await poster.updateCard('nowhere', TEAMS_ACTIVITY_ID, DONE)).toEqual({ updated: false, reason: 'not_linked', detail: 'nowhere is not a link id' });
    expect(await poster.updateCard('location:PDX1', ' ', DONE)).toEqual({ updated: false, reason: 'send_failed', detail: 'no valid activity id to update' });
    expect(connector.calls).toHaveLength(0);
  });

  it('posts to a person in their personal chat, stored when they wrote to the bot, and updates the card there', async () => {
    connector = await startConnector();
    await bot.send({ text: 'help', serviceUrl: connector.url }, 'agent');
    const poster = notifier();
    expect(await poster.notifyUser('aad-agent-1', URGENT, { summary: 'Your task was completed' })).toEqual({ sent: true, activityId: 'posted-1' });
    expect(await poster.notifyLink('user:aad-agent-1', URGENT)).toEqual({ sent: true, activityId: 'posted-2' });
    expect(await poster.updateCard('user:aad-agent-1', 'posted-1', DONE)).toEqual({ updated: true });
    expect(connector.calls.map((c) => c.method)).toEqual(['POST', 'POST', 'PUT']);
    expect(decodeURIComponent(connector.calls[0]!.url)).toMatch(/^\/v3\/conversations\/conv-aad-agent-1\/activities(\/[0-9a-f-]{36})?$/);
    expect(connector.calls[0]!.body).toMatchObject({
      type: 'message',
      summary: 'Your task was completed',
      conversation: { id: 'conv-aad-agent-1', conversationType: 'personal' },
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: URGENT }],
    });
    expect(connector.calls[2]!.url).toBe('/v3/conversations/conv-aad-agent-1/activities/posted-1');
  });

  it('says not_linked for a person who never chatted with the bot, or removed it, and for an id that is not valid', async () => {
    connector = await startConnector();
    const poster = notifier();
    expect(await poster.notifyUser('aad-mentor-1', URGENT)).toEqual({ sent: false, reason: 'not_linked', detail: 'user:aad-mentor-1 has not chatted with Deskmate, so there is no personal chat to post to' });
    expect(await poster.notifyUser('bad id!', URGENT)).toEqual({ sent: false, reason: 'not_linked', detail: 'user:bad id! is not a link id' });
    expect(await poster.notifyUser('', URGENT)).toMatchObject({ sent: false, reason: 'not_linked' });
    await bot.send({ text: 'help', serviceUrl: connector.url }, 'admin');
    await bot.send({ type: 'installationUpdate', action: 'remove', text: undefined, serviceUrl: connector.url }, 'admin');
    expect(await poster.notifyUser('aad-admin-1', URGENT)).toMatchObject({ sent: false, reason: 'not_linked' });
    expect(await poster.updateCard('user:aad-admin-1', 'posted-1', DONE)).toMatchObject({ updated: false, reason: 'not_linked' });
    expect(connector.calls).toHaveLength(0);
  });

  it('passes the tenant gate with the tenant stored in the user link', async () => {
    connector = await startConnector();
    await bot.send({ text: 'help', serviceUrl: connector.url, channelData: { tenant: { id: TENANT } } }, 'agent');
    expect(await notifier({ env: { ALLOWED_TENANTS: TENANT } }).notifyUser('aad-agent-1', URGENT)).toMatchObject({ sent: true });
    expect(connector.calls[0]!.body).toMatchObject({ conversation: { id: 'conv-aad-agent-1', tenantId: TENANT } });
  });
});
