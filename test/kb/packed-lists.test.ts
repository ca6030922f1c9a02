import { describe, expect, it } from 'vitest';
import { PackedListsBuilder } from '../../src/features/kb/search/packed-lists';

const pack = (lists: number[][]) => {
  const builder = new PackedListsBuilder();
  const indexes = lists.map((list) => builder.push(list));
  return { packed: builder.finish(), indexes };
};

describe('PackedLists', () => {
  it('gives every list back as it was added, empty ones included', () => {
    const lists = [[3, 1, 2], [], [7], [0, 4294967295]];
    const { packed, indexes } = pack(lists);
    expect(indexes).toEqual([0, 1, 2, 3]);
    expect(packed.size).toBe(4);
    expect(lists.map((_, i) => [...packed.get(i)])).toEqual(lists);
  });

  it('keeps every number when the buffer grows many times over (lists longer than the first buffer too)', () => {
    const lists = Array.from({ length: 3000 }, (_, i) => Array.from({ length: i % 7 === 0 ? 2500 : i % 13 }, (_, j) => i * 31 + j));
    const { packed } = pack(lists);
    expect(packed.size).toBe(3000);
    for (const i of [0, 1, 6, 7, 12, 1234, 2999]) expect([...packed.get(i)]).toEqual(lists[i]);
  });

  it('answers an empty list for an index it does not have', () => {
    const { packed } = pack([[1, 2]]);
    for (const index of [-1, 1, 0.5, Number.NaN]) expect(packed.get(index).length).toBe(0);
  });
});
