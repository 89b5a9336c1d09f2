/**
 * Feature hashing. The tagger never stores feature strings: each feature is
 * reduced to a 32-bit FNV-1a hash, so the shipped model is a table of
 * integers and weights, and training and tagging agree by construction.
 * `hashMore` continues a hash, so "prefix=value" features are hashed
 * without building the joined string: hashMore(hashString(a), b) equals
 * hashString(a + b).
 */

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a over UTF-16 code units, as an unsigned 32-bit integer. */
export function hashString(s: string): number {
  return hashMore(FNV_OFFSET, s);
}

/** Continue an FNV-1a hash with more characters. */
export function hashMore(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** hashMore(h, s.slice(from, to)) without the slice (from and to within s). */
export function hashRange(h: number, s: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Feature hash → row lookup: open addressing over one typed array of
 * (key, row) pairs (much faster than a Map for 32-bit keys, which are not
 * small integers to V8). Key and row share a cache line: a lookup in a
 * large model, most of whose tables are out of cache, costs one memory
 * access instead of two.
 */
export class HashIndex {
  /** [key, row] per slot; row -1 = empty. */
  private readonly slots: Int32Array;
  private readonly mask: number;
  size = 0;

  constructor(capacity: number) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.slots = new Int32Array(cap * 2);
    for (let i = 1; i < this.slots.length; i += 2) this.slots[i] = -1;
    this.mask = cap - 1;
  }

  set(hash: number, row: number): void {
    const k = hash | 0;
    const s = this.slots;
    let i = (Math.imul(k, 0x9e3779b1) >>> 0) & this.mask;
    while (s[2 * i + 1]! >= 0 && s[2 * i] !== k) i = (i + 1) & this.mask;
    if (s[2 * i + 1]! < 0) this.size++;
    s[2 * i] = k;
    s[2 * i + 1] = row;
  }

  /** Row of a hash, or -1. */
  get(hash: number): number {
    const k = hash | 0;
    const s = this.slots;
    let i = (Math.imul(k, 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      const r = s[2 * i + 1]!;
      if (r < 0) return -1;
      if (s[2 * i] === k) return r;
      i = (i + 1) & this.mask;
    }
  }
}
