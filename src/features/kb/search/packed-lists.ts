/**
 * Many short lists of whole numbers (a section's term ids) kept in one Uint32Array, each list a
 * slice of it (compressed rows). With one typed array per list, a KB of 27,728 sections held 55,456
 * of them, each with its own object, buffer and allocation: about 10 MB of heap before any number.
 */
export class PackedLists {
  /** `starts[i]`: where list i starts in `values`; it ends where list i + 1 starts (`starts` has one more entry than there are lists). */
  constructor(
    private readonly values: Uint32Array,
    private readonly starts: Uint32Array,
  ) {}

  /** How many lists there are. */
  get size(): number {
    return this.starts.length - 1;
  }

  /** List `index` as a view into the packed values (no copy); empty when there is no such list. */
  get(index: number): Uint32Array {
    if (!Number.isInteger(index) || index < 0 || index >= this.size) return this.values.subarray(0, 0);
    return this.values.subarray(this.starts[index]!, this.starts[index + 1]!);
  }
}

/** Adds lists one at a time, growing one buffer by doubling; `finish` trims it to size. */
export class PackedListsBuilder {
  private values = new Uint32Array(1024);
  private length = 0;
  private readonly starts: number[] = [0];

  /** Adds the next list; returns its index. */
  push(list: ArrayLike<number>): number {
    if (this.length + list.length > this.values.length) {
      const grown = new Uint32Array(Math.max(this.values.length * 2, this.length + list.length));
      grown.set(this.values.subarray(0, this.length));
      this.values = grown;
    }
    for (let i = 0; i < list.length; i += 1) this.values[this.length + i] = list[i]!;
    this.length += list.length;
    this.starts.push(this.length);
    return this.starts.length - 2;
  }

  finish(): PackedLists {
    return new PackedLists(this.values.slice(0, this.length), Uint32Array.from(this.starts));
  }
}
