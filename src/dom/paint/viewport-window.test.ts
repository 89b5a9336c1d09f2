// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { RangeGeometry, WINDOW_MIN_RANGES } from './viewport-window.ts';
import { HighlightPainter } from './highlight-painter.ts';
import type { TextMap } from '../text-map.ts';

/** A stand-in window: only what RangeGeometry reads. */
function fakeWin(scrollY: number, innerHeight = 100, scrollHeight = 1e6): { win: Window; set: (y: number, h?: number) => void } {
  const state = { scrollY, innerHeight, document: { documentElement: { scrollHeight } } };
  return {
    win: state as unknown as Window,
    set: (y, h) => { state.scrollY = y; if (h !== undefined) state.document.documentElement.scrollHeight = h; },
  };
}

/** Ranges whose viewport-relative top follows the fake window's scroll; `hidden` ones have no box. */
function fakeRanges(n: number, lineHeight: number, w: { win: Window }, hidden = new Set<number>()): { ranges: Range[]; reads: () => number } {
  let reads = 0;
  const ranges = Array.from({ length: n }, (_, i) => ({
    getBoundingClientRect: () => {
      reads++;
      if (hidden.has(i)) return { top: 0, width: 0, height: 0 };
      return { top: i * lineHeight - w.win.scrollY, width: 10, height: lineHeight };
    },
  }) as unknown as Range);
  return { ranges, reads: () => reads };
}

describe('RangeGeometry', () => {
  it('finds the ranges within two viewports of the visible area with a logarithmic number of rect reads', () => {
    const w = fakeWin(50_000);
    const { ranges, reads } = fakeRanges(10_000, 10, w);
    const geo = new RangeGeometry(w.win, ranges.length, (i) => ranges[i] ?? null);
    // Viewport 50,000–50,100 px; ± 200 px → tops in [49,800, 50,300].
    expect(geo.windowAround()).toEqual({ lo: 4980, hi: 5031 });
    expect(reads()).toBeLessThan(60);
    const before = reads();
    geo.windowAround();
    expect(reads()).toBe(before); // positions are cached
  });

  it('follows scrolling and reads layout again when the document height changes', () => {
    const w = fakeWin(0);
    const { ranges, reads } = fakeRanges(1000, 10, w);
    const geo = new RangeGeometry(w.win, ranges.length, (i) => ranges[i] ?? null);
    expect(geo.windowAround()).toEqual({ lo: 0, hi: 31 });
    w.set(5000);
    expect(geo.windowAround()).toEqual({ lo: 480, hi: 531 });
    const before = reads();
    w.set(5000, 2e6);
    geo.windowAround();
    expect(reads()).toBeGreaterThan(before);
  });

  it('steps over ranges without a box (hidden text) while searching', () => {
    const w = fakeWin(3000);
    const hidden = new Set(Array.from({ length: 40 }, (_, i) => 280 + i));
    const { ranges } = fakeRanges(1000, 10, w, hidden);
    const win = new RangeGeometry(w.win, ranges.length, (i) => ranges[i] ?? null).windowAround();
    expect(win.lo).toBeLessThanOrEqual(320);
    expect(win.lo).toBeGreaterThanOrEqual(280);
    expect(win.hi).toBe(331);
  });
});

describe('HighlightPainter on a page with very many ranges', () => {
  class FakeHighlight extends Set<Range> { priority = 0; constructor(...r: Range[]) { super(r); } }
  const proto = Range.prototype as unknown as { getBoundingClientRect: () => unknown };
  const original = proto.getBoundingClientRect;
  afterEach(() => { proto.getBoundingClientRect = original; document.body.textContent = ''; });

  it('registers only the ranges near the viewport, moves them on scroll, and toggles cheaply', async () => {
    const n = WINDOW_MIN_RANGES + 500;
    const root = document.createElement('article');
    for (let i = 0; i < n; i++) {
      const p = document.createElement('p');
      p.textContent = `Name${i} `;
      root.append(p);
    }
    document.body.append(root);
    const paras = [...root.children];
    const indexOf = new Map(paras.map((p, i) => [p, i]));
    const registry = new Map<string, FakeHighlight>();
    const win = window as unknown as Record<string, unknown>;
    win['Highlight'] = FakeHighlight;
    win['CSS'] = { ...(win['CSS'] as object | undefined), highlights: registry };
    let scrollY = 0;
    Object.defineProperty(window, 'scrollY', { configurable: true, get: () => scrollY });
    Object.defineProperty(window, 'innerHeight', { configurable: true, get: () => 100 });
    // One paragraph per 20 px of document.
    proto.getBoundingClientRect = function (this: Range) {
      const i = indexOf.get(this.startContainer.parentElement as Element) ?? -1;
      return { top: i * 20 - scrollY, width: 50, height: 16 };
    };

    const text = root.textContent ?? '';
    const spans = paras.map((_, i) => {
      const start = text.indexOf(`Name${i} `);
      return { start, end: start + `Name${i}`.length };
    });
    // A direct map (span i = paragraph i): the simple map is linear per lookup, too slow for 2,000 spans.
    const byStart = new Map(spans.map((s, i) => [s.start, i]));
    let mapped = 0;
    const map: TextMap = {
      toRange: (start, end) => {
        mapped++;
        const node = paras[byStart.get(start) ?? -1]?.firstChild;
        if (!node) return null;
        const r = document.createRange();
        r.setStart(node, 0);
        r.setEnd(node, end - start);
        return r;
      },
      toOffset: () => null,
    };
    const painter = new HighlightPainter(document, map);
    painter.setSpans('per', spans);
    const ac = new AbortController();
    await painter.prepare(ac.signal, 1000);
    painter.show(new Set(['per']));
    const shown = (): string[] => [...(registry.get('kontext-per') ?? [])].map((r) => r.toString()).sort();
    // Viewport 0–100 px plus two viewports below: paragraphs 0–15.
    expect(shown()).toEqual(Array.from({ length: 16 }, (_, i) => `Name${i}`).sort());
    // Only the spans the window and its binary search looked at were mapped, not all 2,000.
    expect(mapped).toBeLessThan(200);

    scrollY = 20_000; // paragraph 1000 at the top; window 19,800–20,300 px
    document.dispatchEvent(new Event('scroll'));
    await new Promise((r) => setTimeout(r, 60));
    expect(shown()).toEqual(Array.from({ length: 26 }, (_, i) => `Name${990 + i}`).sort());

    painter.show(new Set());
    expect(registry.has('kontext-per')).toBe(false);
    painter.show(new Set(['per']));
    expect(shown()).toHaveLength(26);
    // A page that empties the Highlight it can read gets it refilled at the next scroll.
    registry.get('kontext-per')?.clear();
    document.dispatchEvent(new Event('scroll'));
    await new Promise((r) => setTimeout(r, 60));
    expect(shown()).toHaveLength(26);
    // The hit-test path still sees every range, not only the window.
    expect(painter.rangeOf('per', n - 1)?.toString()).toBe(`Name${n - 1}`);

    ac.abort();
    painter.destroy();
    expect(registry.size).toBe(0);
  });
});
