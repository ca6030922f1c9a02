import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity } from 'botbuilder';
import { personalChatEvent } from '../../src/features/links/links.reference';
import { userLinkDocumentSchema } from '../../src/features/links/links.schemas';
import { LinksService } from '../../src/features/links/links.service';
import { LinksStore } from '../../src/features/links/links.store';
import { RecentMap, UserLinkRecorder } from '../../src/features/links/user-links';
import { createLogger } from '../../src/shared/logger';
import type { Store } from '../../src/store/cosmos-store';
import { activityFrom, createBotHarness, logCapture, visibleText } from '../helpers/bot-harness';
import { inChannel, storedUserLink } from './links-helpers';
import { openMemoryStore } from '../helpers/memory-store';

/** The tenant `activityFrom` puts in a personal chat's channel data. */
const PERSONAL_TENANT = '00000000-0000-0000-0000-0000000000001';

describe('user links: the bot remembers where to reach each person (real Application, real store)', () => {
  let bot: Awaited<ReturnType<typeof createBotHarness>>;
  beforeAll(async () => {
    bot = await createBotHarness();
  });
  afterAll(() => bot.close());
  const userLink = (aadObjectId: string) => storedUserLink(bot.store.containers.conversations, aadObjectId);

  it('stores the personal chat reference of an agent who writes to the bot, and still answers', async () => {
    const started = Date.now();
    expect(visibleText(await bot.say('help', 'agent'))).toContain('help');
    const stored = await userLink('aad-agent-1');
    expect(userLinkDocumentSchema.parse(stored)).toEqual({
      id: 'user:aad-agent-1',
      docType: 'link',
      kind: 'user',
      aadObjectId: 'aad-agent-1',
      name: 'Avery Agent',
      reference: {
        channelId: 'msteams',
        serviceUrl: 'https://test.com',
        conversation: { id: 'conv-aad-agent-1', conversationType: 'personal', tenantId: PERSONAL_TENANT },
        bot: { id: 'bot-id', name: 'Deskmate' },
      },
      lastSeenAt: stored!.lastSeenAt,
    });
    expect(stored!.reference).not.toHaveProperty('activityId');
    expect(stored!.reference).not.toHaveProperty('user');
    expect(Date.parse(stored!.lastSeenAt)).toBeGreaterThanOrEqual(started - 1000);
  });

  it('does not write again while the reference is unchanged', async () => {
    const before = await userLink('aad-agent-1');
    await bot.say('help', 'agent');
    await bot.sendInvoke({ name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'nothing.here', data: {} } } }, 'agent');
    const after = await userLink('aad-agent-1');
    expect(after!._etag).toBe(before!._etag);
    expect(after!._ts).toBe(before!._ts);
    expect(after!.lastSeenAt).toBe(before!.lastSeenAt);
  });

  it('writes again when the service URL changes, and again when the display name changes', async () => {
    const before = await userLink('aad-agent-1');
    await bot.send({ text: 'help', serviceUrl: 'https://smba.trafficmanager.net/emea/' }, 'agent');
    const moved = await userLink('aad-agent-1');
    expect(moved!._etag).not.toBe(before!._etag);
    expect(moved!.reference.serviceUrl).toBe('https://smba.trafficmanager.net/emea/');
    await bot.send({ text: 'help', serviceUrl: 'https://smba.trafficmanager.net/emea/' }, 'agent');
    expect((await userLink('aad-agent-1'))!._etag).toBe(moved!._etag);
    await bot.send({ text: 'help', serviceUrl: 'https://smba.trafficmanager.net/emea/' }, { id: 'aad-agent-1', name: 'Avery Agent-Smith' });
    const renamed = await userLink('aad-agent-1');
    expect(renamed!._etag).not.toBe(moved!._etag);
    expect(renamed!.name).toBe('Avery Agent-Smith');
  });

  it('stores nothing for a message in a channel or a group chat', async () => {
    await bot.send({ text: 'help', ...inChannel({ id: '19:ops@thread.tacv2', name: 'Ops' }) }, 'mentor');
    await bot.send({ text: 'help', conversation: { id: '19:group@thread.v2', conversationType: 'groupChat', isGroup: true, name: '' } }, 'mentor');
    expect(await userLink('aad-mentor-1')).toBeUndefined();
  });

  it('stores someone Deskmate does not know yet, but nobody without a valid AAD object id', async () => {
    expect(visibleText(await bot.say('links', { id: 'aad-nobody', name: 'Nobody' }))).toContain('You are not set up in Deskmate yet');
    expect(await userLink('aad-nobody')).toMatchObject({ kind: 'user', name: 'Nobody', reference: { conversation: { id: 'conv-aad-nobody' } } });
    const shown = visibleText(await bot.send({ text: 'help', from: { id: 'teams-anon', name: 'Anon' } }, { id: 'aad-anon', name: 'Anon' }));
    expect(shown).toContain('help');
    expect(await userLink('aad-anon')).toBeUndefined();
    expect(visibleText(await bot.say('help', { id: 'bad id!', name: 'Odd' }))).toContain('help');
    const { resources } = await bot.store.containers.conversations.items.query('SELECT c.id FROM c').fetchAll();
    expect(resources.map((r: { id: string }) => r.id)).not.toContain('user:bad id!');
  });

  it('"links" does not list user links', async () => {
    await bot.say('help', 'mentor');
    const shown = visibleText(await bot.say('links', 'admin'));
    expect(await userLink('aad-admin-1')).toBeDefined();
    expect(shown).toContain('Nothing is linked yet');
    expect(shown).not.toMatch(/personal chat|Avery|Morgan|Nobody/);
  });

  it('forgets a person who removes the bot, stores them at once when they add it back, and on an install even if unchanged', async () => {
    const personal = { id: 'aad-agent-1', name: 'Avery Agent-Smith' };
    await bot.send({ type: 'installationUpdate', action: 'remove', text: undefined, serviceUrl: 'https://smba.trafficmanager.net/emea/' }, personal);
    expect(await userLink('aad-agent-1')).toBeUndefined();
    await bot.send({ text: 'help', serviceUrl: 'https://smba.trafficmanager.net/emea/' }, personal);
    const back = await userLink('aad-agent-1');
    expect(back?.reference.serviceUrl).toBe('https://smba.trafficmanager.net/emea/');
    await bot.send({ type: 'conversationUpdate', text: undefined, membersAdded: [{ id: 'bot-id', name: 'Deskmate' }], serviceUrl: 'https://smba.trafficmanager.net/emea/' }, personal);
    expect((await userLink('aad-agent-1'))!._etag).not.toBe(back!._etag);
    await bot.send({ type: 'conversationUpdate', text: undefined, membersRemoved: [{ id: 'bot-id', name: 'Deskmate' }] }, personal);
    expect(await userLink('aad-agent-1')).toBeUndefined();
  });

  it('never fails the turn when the link cannot be written, and logs no ids', async () => {
    const broken = await createBotHarness();
    try {
      await broken.store.containers.conversations.delete();
      const shown = visibleText(await broken.say('help', 'agent'));
      expect(shown).toContain('help');
      expect(shown).not.toContain('Something went wrong');
      const warning = broken.logs.find((l) => l.msg === 'could not store the user link; the turn goes on');
      expect(warning).toMatchObject({ level: 40, status: 404, event: 'seen' });
      expect(JSON.stringify(warning)).not.toMatch(/aad-agent-1|conv-aad|Avery|test\.com/);
    } finally {
      await broken.close();
    }
  });
});

describe('reading a personal chat activity', () => {
  const base = (partial: Partial<Activity> = {}) => activityFrom('agent', { type: 'message', serviceUrl: 'https://smba.trafficmanager.net/amer/', ...partial });

  it('names the person and the reference, and tells seen, installed and removed apart', () => {
    expect(personalChatEvent(base())).toMatchObject({ kind: 'seen', user: { aadObjectId: 'aad-agent-1', name: 'Avery Agent' } });
    expect(personalChatEvent(base({ type: 'installationUpdate', action: 'add' }))?.kind).toBe('installed');
    expect(personalChatEvent(base({ type: 'installationUpdate', action: 'remove' }))).toEqual({ kind: 'removed', aadObjectId: 'aad-agent-1' });
    expect(personalChatEvent(base({ type: 'conversationUpdate', membersAdded: [{ id: 'someone-else', name: 'X' }] }))?.kind).toBe('seen');
  });

  it('gives nothing outside a personal chat, without a usable id or service URL, and never throws on odd input', () => {
    expect(personalChatEvent(base({ conversation: { id: '19:x@thread.tacv2', conversationType: 'channel', isGroup: true, name: '' } }))).toBeUndefined();
    expect(personalChatEvent(base({ from: { id: 'teams-x', name: 'X' } }))).toBeUndefined();
    expect(personalChatEvent(base({ from: { id: 'teams-x', name: 'X', aadObjectId: 'x'.repeat(101) } }))).toBeUndefined();
    expect(personalChatEvent(base({ serviceUrl: 'javascript:alert(1)' }))).toBeUndefined();
    const odd = { ...base(), from: { id: 'x', name: 42, aadObjectId: 'aad-x' }, membersAdded: 'bot-id', channelData: 'nope' } as unknown as Partial<Activity>;
    expect(() => personalChatEvent(odd)).not.toThrow();
    expect(personalChatEvent(odd)).toMatchObject({ kind: 'seen', user: { aadObjectId: 'aad-x' } });
  });
});

describe('the in-memory record of stored references', () => {
  it('keeps at most its size, dropping the least recently used entry', () => {
    const map = new RecentMap<string>(2);
    map.set('a', '1');
    map.set('b', '2');
    expect(map.get('a')).toBe('1');
    map.set('c', '3');
    expect(map.size).toBe(2);
    expect(map.get('b')).toBeUndefined();
    expect(map.get('a')).toBe('1');
    expect(map.get('c')).toBe('3');
    expect(() => new RecentMap(0)).toThrow(RangeError);
  });

  describe('with the real SDK on the embedded server', () => {
    let store: Store;
    beforeAll(async () => {
      store = await openMemoryStore('users');
    });
    afterAll(() => store.close());

    it('writes again for a person it had to forget to stay within its size', async () => {
      const logs = logCapture();
      const service = new LinksService(new LinksStore(store.containers.conversations), { list: async () => [] });
      const recorder = new UserLinkRecorder(service, createLogger('debug', logs.stream), 2);
      const seen = (id: string) => {
        const event = personalChatEvent(activityFrom({ id, name: id }, { type: 'message', serviceUrl: 'https://smba.trafficmanager.net/amer/' }));
        if (!event) throw new Error('expected a personal chat event');
        return event;
      };
      expect(await recorder.record(seen('aad-a'))).toBe('stored');
      expect(await recorder.record(seen('aad-b'))).toBe('stored');
      expect(await recorder.record(seen('aad-a'))).toBe('unchanged');
      expect(await recorder.record(seen('aad-c'))).toBe('stored');
      expect(await recorder.record(seen('aad-a'))).toBe('unchanged');
      expect(await recorder.record(seen('aad-b'))).toBe('stored');
      expect(await recorder.record(seen('aad-c'))).toBe('stored');
      expect(await new LinksStore(store.containers.conversations).getAny('user:aad-b')).toMatchObject({ kind: 'user', aadObjectId: 'aad-b' });
      expect(await recorder.record({ kind: 'removed', aadObjectId: 'aad-b' })).toBe('forgotten');
      expect(await recorder.record({ kind: 'removed', aadObjectId: 'aad-b' })).toBe('forgotten');
      expect(await recorder.record(seen('aad-b'))).toBe('stored');
      expect(logs.lines.filter((l) => l.level === 40)).toEqual([]);
    });
  });
});
