import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config';
import { createAdapter } from '../../src/bot/adapter';
import { createEscalationSlaSources, installMiddleware } from '../../src/bot/app';
import { EscalationsStore, runSlaPass, slaDueAt, type SlaSources } from '../../src/features/escalations';
import type { Escalation } from '../../src/features/escalations/escalations.schemas';
import { createLogger } from '../../src/shared/logger';
import { logCapture } from '../helpers/bot-harness';
import { cardOfCall, cardText, createEscalationBot, MENTORS_CHANNEL, postsTo, updatesIn } from './escalation-harness';

/** A time in the mentors' default zone (America/Los_Angeles) in late November 2026: PST, UTC-8. */
const pacific = (day: string, time: string) => new Date(`${day}T${time}:00-08:00`);
const TUESDAY = '2026-11-24';

describe('escalation SLA: waiting requests are re-announced in the mentors\' channel', () => {
  let h: Awaited<ReturnType<typeof createEscalationBot>>;
  let store: EscalationsStore;
  const logs = logCapture();
  const logger = createLogger('debug', logs.stream);
  const config = parseConfig({});
  /** The sources one bot instance builds at start (a new adapter and notifier each time). */
  const instance = (): SlaSources => {
    const adapter = createAdapter(config);
    installMiddleware(adapter, config, logger);
    return createEscalationSlaSources({ config, store: h.store, logger, adapter });
  };
  let sources: SlaSources;
  const pass = (now: Date, from: SlaSources = sources, instanceId = 'test-a') => runSlaPass({ ...from, now, logger, instanceId });

  beforeAll(async () => {
    h = await createEscalationBot();
    await h.linkMentors();
    await h.say('help');
    store = new EscalationsStore(h.store.containers.escalations);
    sources = instance();
  }, 60_000);
  afterEach(async () => {
    const { resources } = await h.store.containers.escalations.items.query<Escalation>('SELECT * FROM c').fetchAll();
    for (const e of resources) await h.store.containers.escalations.item(e.id, e.accountId).delete();
  });
  afterAll(() => h.close());

  /** Stores an open KB question that went to the mentors at `since`. */
  async function waiting(since: Date, overrides: Partial<Escalation> = {}): Promise<Escalation> {
    const at = since.toISOString();
    const requester = { id: 'aad-agent-1', name: 'Avery Agent' };
    const escalation: Escalation = {
      id: `kb-${randomUUID()}`, accountId: 'kb', docType: 'escalation', typeId: 'kb-question', typeName: 'KB question', fields: { question: 'Can a tenant sublet a unit?' },
      requester, status: 'open', createdAt: at, updatedAt: at, waitingSince: at, slaFrom: at, announcements: 0, history: [{ at, by: requester, action: 'requested' }], posts: [], ...overrides,
    };
    return (await store.create(escalation)).escalation;
  }
  const read = async (e: Escalation) => (await store.get(e.accountId, e.id))!;

  it('not before the SLA; once it is passed, once per SLA period; the post is recorded', async () => {
    const e = await waiting(pacific(TUESDAY, '10:00'));
    const from = h.connector.calls.length;
    expect(await pass(pacific(TUESDAY, '10:14'))).toMatchObject({ announced: 0 });
    expect(await pass(pacific(TUESDAY, '10:16'))).toEqual({ checked: 1, announced: 1, skipped: 0, failed: 0 });
    const posted = postsTo(h.callsSince(from), MENTORS_CHANNEL);
    expect(posted).toHaveLength(1);
    expect(cardText(cardOfCall(posted[0]!))).toContain('Still waiting for a mentor since Tue, Nov 24, 10:00 AM PST: past the 15-minute SLA.');
    let stored = await read(e);
    expect(stored).toMatchObject({ announcements: 1, slaFrom: pacific(TUESDAY, '10:16').toISOString(), waitingSince: e.waitingSince, posts: [{ linkId: 'mentors', activityId: expect.any(String) }] });
    expect(stored.history.at(-1)).toMatchObject({ action: 'reannounced', by: { id: 'deskmate' } });

    expect(await pass(pacific(TUESDAY, '10:20'))).toMatchObject({ announced: 0 });
    expect(await pass(pacific(TUESDAY, '10:30'))).toMatchObject({ announced: 0 });
    expect(await pass(pacific(TUESDAY, '10:32'))).toMatchObject({ announced: 1 });
    stored = await read(e);
    expect(stored.announcements).toBe(2);
    expect(postsTo(h.callsSince(from), MENTORS_CHANNEL)).toHaveLength(2);
  });

  it('counts business hours only (Mon-Fri 08:00-18:00 Pacific): Friday evening waits until Monday morning', async () => {
    await waiting(pacific('2026-11-27', '17:55'));
    expect(slaDueAt(pacific('2026-11-27', '17:55'), 15, 'America/Los_Angeles')).toEqual(pacific('2026-11-30', '08:10'));
    for (const [day, time] of [['2026-11-27', '18:30'], ['2026-11-28', '12:00'], ['2026-11-30', '08:09']] as const) {
      expect(await pass(pacific(day, time))).toMatchObject({ announced: 0 });
    }
    expect(await pass(pacific('2026-11-30', '08:11'))).toMatchObject({ announced: 1 });
  });

  it('never for decided requests or ones waiting for the agent', async () => {
    const long = pacific(TUESDAY, '08:00');
    await waiting(long, { status: 'approved', decision: { outcome: 'approved', by: { id: 'aad-mentor-1', name: 'Morgan Mentor' }, at: long.toISOString(), comment: '' } });
    await waiting(long, { status: 'needs_info' });
    const from = h.connector.calls.length;
    expect(await pass(pacific(TUESDAY, '16:00'))).toEqual({ checked: 0, announced: 0, skipped: 0, failed: 0 });
    expect(postsTo(h.callsSince(from), MENTORS_CHANNEL)).toHaveLength(0);
  });

  it('two instances passing at once post once: the claim is written with the etag first', async () => {
    const e = await waiting(pacific(TUESDAY, '09:00'));
    const from = h.connector.calls.length;
    const other = instance();
    const results = await Promise.all([pass(pacific(TUESDAY, '09:20')), pass(pacific(TUESDAY, '09:20'), other, 'test-b')]);
    expect(results.map((r) => r.announced).reduce((a, b) => a + b)).toBe(1);
    expect(postsTo(h.callsSince(from), MENTORS_CHANNEL)).toHaveLength(1);
    expect((await read(e)).announcements).toBe(1);
    // A restart (new sources) finds the claim in the document: nothing before another SLA period.
    expect(await pass(pacific(TUESDAY, '09:30'), instance(), 'test-c')).toMatchObject({ announced: 0 });
  });

  it('the decision updates the re-announced copy too', async () => {
    const e = await waiting(pacific(TUESDAY, '11:00'));
    await pass(pacific(TUESDAY, '11:30'));
    const announced = await read(e);
    const from = h.connector.calls.length;
    const view = await h.execute('escalation.view', { accountId: 'kb', escalationId: e.id }, 'mentor');
    await h.press(view, 'Send answer', { answerText: 'Not without written consent from the store.' }, 'mentor');
    const updates = updatesIn(h.callsSince(from), MENTORS_CHANNEL);
    expect(updates.map((u) => decodeURIComponent(u.url))).toEqual([expect.stringContaining(announced.posts[0]!.activityId)]);
    expect(cardText(cardOfCall(updates[0]!))).toContain('Answered by TL Morgan Mentor');
  });
});

describe('escalation SLA without a mentors\' channel', () => {
  it('counts the request failed, keeps the claim and says why in its history', async () => {
    const h = await createEscalationBot();
    try {
      const config = parseConfig({});
      const logger = createLogger('silent');
      const sources = createEscalationSlaSources({ config, store: h.store, logger, adapter: createAdapter(config) });
      const store = new EscalationsStore(h.store.containers.escalations);
      const at = pacific(TUESDAY, '10:00').toISOString();
      const requester = { id: 'aad-agent-1', name: 'Avery Agent' };
      const { escalation } = await store.create({ id: 'kb-unlinked-1', accountId: 'kb', docType: 'escalation', typeId: 'kb-question', typeName: 'KB question', fields: { question: 'q?' }, requester, status: 'open', createdAt: at, updatedAt: at, waitingSince: at, slaFrom: at, announcements: 0, history: [], posts: [] });
      expect(await runSlaPass({ ...sources, now: pacific(TUESDAY, '10:20'), logger })).toMatchObject({ failed: 1, announced: 0 });
      const stored = (await store.get('kb', escalation.id))!;
      expect(stored.history.at(-1)!.detail).toContain('not posted: not_linked');
      expect(await runSlaPass({ ...sources, now: pacific(TUESDAY, '10:25'), logger })).toMatchObject({ failed: 0, announced: 0 });
    } finally {
      await h.close();
    }
  });
});
