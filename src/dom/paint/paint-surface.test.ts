// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { addRange, deleteRange, syncHighlight } from './paint-surface.ts';

/** A Highlight as a Firefox content script may see it: set methods and size, but not iterable. */
class OpaqueHighlight {
  private readonly inner = new Set<Range>();
  priority = 0;
  get size(): number { return this.inner.size; }
  add(r: Range): this { this.inner.add(r); return this; }
  delete(r: Range): boolean { return this.inner.delete(r); }
  has(r: Range): boolean { return this.inner.has(r); }
  clear(): void { this.inner.clear(); }
  contents(): Range[] { return [...this.inner]; }
}

const ranges = (n: number): Range[] => Array.from({ length: n }, () => document.createRange());

describe('syncHighlight', () => {
  it('brings a Highlight to exactly the wanted ranges without iterating it, keeping the ones already there', () => {
    const hl = new OpaqueHighlight();
    const [a, b, c, d] = ranges(4) as [Range, Range, Range, Range];
    const asHighlight = hl as unknown as Highlight;
    expect(syncHighlight(asHighlight, [a, b, c])).toBe(3);
    let deletes = 0;
    const del = hl.delete.bind(hl);
    hl.delete = (r: Range): boolean => { deletes++; return del(r); };
    expect(syncHighlight(asHighlight, [b, c, d])).toBe(3);
    expect(hl.contents()).toEqual([b, c, d]);
    expect(deletes).toBe(1);
  });

  it('refills from scratch when the page edited the Highlight behind our back', () => {
    const hl = new OpaqueHighlight();
    const asHighlight = hl as unknown as Highlight;
    const [a, b, c] = ranges(3) as [Range, Range, Range];
    addRange(asHighlight, a);
    addRange(asHighlight, b);
    hl.delete(a);
    hl.add(c);
    // Same size as our record, different content: a later size change is caught, and sync then starts over.
    hl.add(document.createRange());
    expect(syncHighlight(asHighlight, [a, b])).toBe(2);
    expect(hl.contents()).toEqual([a, b]);
    expect(deleteRange(asHighlight, a)).toBe(true);
    expect(deleteRange(asHighlight, a)).toBe(false);
    expect(hl.contents()).toEqual([b]);
  });
});
