import { describe, expect, it } from 'vitest';
import { LocationsService } from '../../src/features/locations/locations.service';
import type { Location } from '../../src/features/locations/locations.schemas';
import { PeopleService } from '../../src/features/people/people.service';
import type { PeopleStore } from '../../src/features/people/people.store';
import type { Person } from '../../src/features/people/people.schemas';
import { ShortCache } from '../../src/shared/short-cache';

/** A store that answers from a map and counts its reads; `now` is the clock the cache is given. */
function countingReads<V>(values: Map<string, V>) {
  const reads: string[] = [];
  return {
    reads,
    read: async (key: string) => {
      reads.push(key);
      await new Promise((r) => setTimeout(r, 1));
      return values.get(key);
    },
  };
}

describe('ShortCache: rarely changed records kept briefly in the process', () => {
  it('reads a key once while it is fresh, and again after the time is up', async () => {
    let now = 1_000;
    const store = countingReads(new Map([['PDX1', { name: 'Portland' }]]));
    const cache = new ShortCache({ ttlMs: 60_000, max: 10, read: store.read, now: () => now });
    expect(await cache.get('PDX1')).toEqual({ name: 'Portland' });
    now += 59_000;
    expect(await cache.get('PDX1')).toEqual({ name: 'Portland' });
    expect(store.reads).toEqual(['PDX1']);
    now += 2_000;
    await cache.get('PDX1');
    expect(store.reads).toEqual(['PDX1', 'PDX1']);
  });

  it('turns that miss at the same moment share one read', async () => {
    const store = countingReads(new Map([['PDX1', { name: 'Portland' }]]));
    const cache = new ShortCache({ ttlMs: 60_000, max: 10, read: store.read });
    const got = await Promise.all(Array.from({ length: 16 }, () => cache.get('PDX1')));
    expect(new Set(got).size).toBe(1);
    expect(store.reads).toHaveLength(1);
  });

  it('does not keep a miss or a failed read: the next turn asks the store again', async () => {
    const values = new Map<string, { name: string }>();
    const store = countingReads(values);
    let fail = true;
    const cache = new ShortCache({ ttlMs: 60_000, max: 10, read: async (key) => (fail ? Promise.reject(new Error('store down')) : store.read(key)) });
    await expect(cache.get('NEW1')).rejects.toThrow('store down');
    fail = false;
    expect(await cache.get('NEW1')).toBeUndefined();
    values.set('NEW1', { name: 'New store' });
    expect(await cache.get('NEW1')).toEqual({ name: 'New store' });
    expect(store.reads).toEqual(['NEW1', 'NEW1']);
  });

  it('hands out frozen values, so one turn cannot change what the next turn reads', async () => {
    const cache = new ShortCache({ ttlMs: 60_000, max: 10, read: async () => ({ name: 'Portland', hours: [{ day: 1 }] }) });
    const first = (await cache.get('PDX1'))!;
    expect(() => {
      first.hours[0]!.day = 2;
    }).toThrow(TypeError);
    expect((await cache.get('PDX1'))!.hours[0]!.day).toBe(1);
  });

  it('clear() makes the next get read the store', async () => {
    const store = countingReads(new Map([['k', { v: 1 }]]));
    const cache = new ShortCache({ ttlMs: 60_000, max: 10, read: store.read });
    await cache.get('k');
    cache.clear();
    await cache.get('k');
    expect(store.reads).toEqual(['k', 'k']);
  });
});

describe('the services that use it', () => {
  it('LocationsService reads each location from the store at most once a minute', async () => {
    const location = { id: 'PDX1', name: 'Portland' } as Location;
    const store = countingReads(new Map([['PDX1', location]]));
    const locations = new LocationsService({ get: store.read, list: async () => [location] });
    for (let i = 0; i < 4; i += 1) expect((await locations.get('PDX1'))?.name).toBe('Portland');
    expect(await locations.get('NOPE9')).toBeUndefined();
    expect(store.reads).toEqual(['PDX1', 'NOPE9']);
  });

  it('PeopleService.active() queries the store once for many turns, and again after forgetActive()', async () => {
    let queries = 0;
    const people: Person[] = [{ id: 'aad-1', name: 'Avery', roles: ['agent'], locationIds: [], active: true }];
    const store = { active: async () => ((queries += 1), people.map((p) => ({ ...p }))) } as unknown as PeopleStore;
    const service = new PeopleService(store);
    await Promise.all([service.active(), service.active(), service.active()]);
    expect((await service.active()).map((p) => p.id)).toEqual(['aad-1']);
    expect(queries).toBe(1);
    people.push({ id: 'aad-2', name: 'Blair', roles: ['mentor'], locationIds: [], active: true });
    service.forgetActive();
    expect((await service.active()).map((p) => p.id)).toEqual(['aad-1', 'aad-2']);
    expect(queries).toBe(2);
  });
});
