import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocationsService } from '../../src/features/locations/locations.service';
import { LocationsStore } from '../../src/features/locations/locations.store';
import type { Link, UserLink } from '../../src/features/links/links.schemas';
import { LinksStore } from '../../src/features/links/links.store';
import { countingContainer } from '../../src/store/counting-container';
import type { Store } from '../../src/store/cosmos-store';
import { seedLocations, TENANT } from './links-helpers';
import { openMemoryStore } from '../helpers/memory-store';

const link = (overrides: Partial<Link> = {}): Link => ({
  id: 'location:PDX1',
  docType: 'link',
  kind: 'location',
  target: 'PDX1',
  targetName: 'Deskmate Storage Portland Foster Road',
  reference: {
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/amer/',
    conversation: { id: '19:ops@thread.tacv2', conversationType: 'channel', isGroup: true, tenantId: TENANT },
    bot: { id: '28:bot', name: 'Deskmate' },
  },
  place: { teamName: 'Store Ops', channelName: 'Portland ops' },
  linkedBy: { id: 'aad-admin-1', name: 'Ada Admin' },
  linkedAt: '2026-11-22T16:00:00.000Z',
  via: 'command',
  ...overrides,
});

const userLink = (overrides: Partial<UserLink> = {}): UserLink => ({
  id: 'user:aad-agent-1',
  docType: 'link',
  kind: 'user',
  aadObjectId: 'aad-agent-1',
  name: 'Avery Agent',
  reference: {
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/amer/',
    conversation: { id: 'a:1personal-chat', conversationType: 'personal', tenantId: TENANT },
    bot: { id: '28:bot', name: 'Deskmate' },
  },
  lastSeenAt: '2026-11-22T16:00:00.000Z',
  ...overrides,
});

describe('LinksStore with the real SDK on the embedded server', () => {
  let store: Store;
  let links: LinksStore;
  beforeAll(async () => {
    store = await openMemoryStore('links');
    links = new LinksStore(store.containers.conversations);
  });
  afterAll(() => store.close());

  it('writes a link and reads it back by point read, without the Cosmos system fields', async () => {
    await links.upsert(link());
    const back = await links.get('location:PDX1');
    expect(back).toEqual(link());
    expect(await links.get('location:SEA1')).toBeUndefined();
  });

  it('replaces a link on upsert, but createIfAbsent never does', async () => {
    const moved = link({ reference: { ...link().reference, conversation: { id: '19:other@thread.tacv2', conversationType: 'channel' } } });
    await links.upsert(moved);
    expect((await links.get('location:PDX1'))?.reference.conversation.id).toBe('19:other@thread.tacv2');
    expect(await links.createIfAbsent(link({ via: 'demo' }))).toBe(false);
    expect((await links.get('location:PDX1'))?.via).toBe('command');
    expect(await links.createIfAbsent(link({ id: 'mentors', kind: 'mentors', target: 'mentors', targetName: 'Mentors', via: 'demo' }))).toBe(true);
  });

  it('writes a team link under its lower-case id (spaces and & included) and reads it back by point read', async () => {
    const team = link({ id: 'team:r&d billing', kind: 'team', target: 'R&D Billing', targetName: 'R&D Billing' });
    await links.upsert(team);
    expect(await links.get('team:r&d billing')).toEqual(team);
    expect(await links.get('team:R&D Billing')).toBeUndefined();
  });

  it('lists only location, team and mentors links: never user links, nor other documents', async () => {
    await store.containers.conversations.items.upsert({ id: 'other:1', docType: 'user', reference: {} });
    await links.upsertUser(userLink());
    expect((await links.list()).map((l) => l.id).sort()).toEqual(['location:PDX1', 'mentors', 'team:r&d billing']);
  });

  it('writes a user link, reads it back by point read with any link, and deletes it', async () => {
    expect(await links.getAny('user:aad-agent-1')).toEqual(userLink());
    expect(await links.getAny('location:PDX1')).toMatchObject({ kind: 'location', target: 'PDX1' });
    expect(await links.getAny('user:aad-nobody')).toBeUndefined();
    await expect(links.upsertUser(userLink({ id: 'user:someone-else' }))).rejects.toThrow(/expected id user:aad-agent-1/);
    await expect(links.upsertUser(userLink({ aadObjectId: 'a b', id: 'user:a b' }))).rejects.toThrow();
    const channel = { ...userLink().reference, conversation: { id: '19:x@thread.tacv2', conversationType: 'channel' } } as unknown as UserLink['reference'];
    await expect(links.upsertUser(userLink({ reference: channel }))).rejects.toThrow();
    expect(await links.deleteUser('aad-agent-1')).toBe(true);
    expect(await links.deleteUser('aad-agent-1')).toBe(false);
    expect(await links.getAny('user:aad-agent-1')).toBeUndefined();
  });

  it('with a posting cache: reads a link once, sees a change made through it at once, and another instance\'s change after the cache time', async () => {
    let clock = 1_000; // lru-cache takes a start time of 0 for "no time limit"
    const counts = { pointReads: 0, queries: 0 };
    const cached = new LinksStore(countingContainer(store.containers.conversations, counts), { postingCacheMs: 30_000, now: () => clock });
    const elsewhere = new LinksStore(store.containers.conversations);
    const mentors = (conversationId: string) => link({ id: 'mentors', kind: 'mentors', target: 'mentors', targetName: 'Mentors', reference: { ...link().reference, conversation: { ...link().reference.conversation, id: conversationId } } });
    const postedTo = async () => (await cached.getAny('mentors'))?.reference.conversation.id;

    await elsewhere.upsert(mentors('19:first@thread.tacv2'));
    expect(await postedTo()).toBe('19:first@thread.tacv2');
    counts.pointReads = 0;
    expect(await postedTo()).toBe('19:first@thread.tacv2');
    expect(counts.pointReads).toBe(0);
    expect(Object.isFrozen(await cached.getAny('mentors'))).toBe(true);

    // Linked again through this store (this process): the next post goes to the new channel.
    await cached.upsert(mentors('19:second@thread.tacv2'));
    expect(await postedTo()).toBe('19:second@thread.tacv2');
    // Linked again by another instance: seen once the cache time is over.
    await elsewhere.upsert(mentors('19:third@thread.tacv2'));
    clock += 29_000;
    expect(await postedTo()).toBe('19:second@thread.tacv2');
    clock += 1_001;
    expect(await postedTo()).toBe('19:third@thread.tacv2');

    // A person who removed the bot here is not linked at once; one never seen is read every time.
    await cached.upsertUser(userLink({ id: 'user:aad-cached', aadObjectId: 'aad-cached' }));
    expect(await cached.getAny('user:aad-cached')).toMatchObject({ name: 'Avery Agent' });
    expect(await cached.deleteUser('aad-cached')).toBe(true);
    expect(await cached.getAny('user:aad-cached')).toBeUndefined();
    await elsewhere.upsertUser(userLink({ id: 'user:aad-cached', aadObjectId: 'aad-cached' }));
    expect(await cached.getAny('user:aad-cached')).toMatchObject({ name: 'Avery Agent' });
  });

  it('refuses to write, and refuses to read back, a document that is not a valid link', async () => {
    await expect(links.upsert(link({ id: 'location:SEA1' }))).rejects.toThrow(/expected id location:PDX1/);
    await expect(links.upsert(link({ reference: { ...link().reference, serviceUrl: 'javascript:alert(1)' } }))).rejects.toThrow();
    await store.containers.conversations.items.upsert({ ...link(), id: 'location:DEN1', target: 'DEN1', linkedBy: { id: '' } });
    await expect(links.get('location:DEN1')).rejects.toThrow();
  });

  it('the locations service lists every location, by name, for the link commands', async () => {
    await seedLocations(store.containers.locations);
    const all = await new LocationsService(new LocationsStore(store.containers.locations)).list();
    expect(all).toHaveLength(7);
    expect(all.map((l) => ({ id: l.id, name: l.name }))).toContainEqual({ id: 'PDX1', name: 'Deskmate Storage Portland Foster Road' });
    expect(all.map((l) => l.name)).toEqual([...all.map((l) => l.name)].sort());
  });
});
