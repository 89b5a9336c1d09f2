/**
 * Which of a layer's ranges lie near the viewport, for pages with so many
 * ranges that registering all of them makes Chromium's highlight repaint the
 * cost of every toggle (tens of thousands of ranges: 50–140 ms frames).
 *
 * Range geometry is itself expensive (each getBoundingClientRect is a layout
 * query), so positions are read lazily, cached per range as document-relative
 * tops, and found by binary search: ranges come in document order, so their
 * tops grow with their index. A window costs O(log n) rect reads per layer.
 * The ranges themselves are made on first use too (RangeAt): a window touches
 * a few hundred of them, and every live Range costs memory and is updated by
 * the browser on each DOM change near it.
 */

import { addRange, deleteRange, syncHighlight } from './paint-surface.ts';

/** Above this many ranges in all kinds together, only ranges near the viewport are registered. */
export const WINDOW_MIN_RANGES = 1500;
/** How far the registered window reaches beyond the viewport, in viewport heights, each side. */
export const WINDOW_MARGIN_VIEWPORTS = 2;
/** Ranges with no box (hidden text) are skipped over when probing, at most this many. */
const PROBE_REACH = 64;

export interface IndexWindow { lo: number; hi: number }

/** Range i of a layer, made on first use (null when its text is not on the page): huge pages never map most spans. */
export type RangeAt = (i: number) => Range | null;

/** A Highlight holding `count` ranges, those of [win.lo, win.hi) that exist. */
export interface WindowedHighlight { hl: Highlight; count: number; win?: IndexWindow; geo?: RangeGeometry }

/**
 * Move a Highlight's window to the viewport: add and delete only the ranges
 * entering and leaving it. If its content is not known to be the window's
 * (the page emptied or edited it, or it was a predecessor's painting), it is
 * brought to exactly the new window's ranges, keeping the ones already there.
 */
export function moveWindow(b: WindowedHighlight, rangeAt: RangeAt): void {
  if (!b.geo || !b.win) return;
  const next = b.geo.windowAround();
  if (b.hl.size !== b.count) {
    const want: Range[] = [];
    for (let i = next.lo; i < next.hi; i++) { const r = rangeAt(i); if (r) want.push(r); }
    b.count = syncHighlight(b.hl, want);
    b.win = next;
    return;
  }
  const prev = b.win;
  for (let i = prev.lo; i < prev.hi; i++) {
    if (i >= next.lo && i < next.hi) { i = next.hi - 1; continue; }
    const r = rangeAt(i);
    if (r && deleteRange(b.hl, r)) b.count--;
  }
  for (let i = next.lo; i < next.hi; i++) {
    if (i >= prev.lo && i < prev.hi) { i = prev.hi - 1; continue; }
    const r = rangeAt(i);
    if (r && addRange(b.hl, r)) b.count++;
  }
  b.win = next;
}

export class RangeGeometry {
  private tops: Float64Array;
  private layoutKey = -1;

  constructor(private readonly win: Window, private readonly count: number, private readonly rangeAt: RangeAt) {
    this.tops = new Float64Array(count).fill(Number.NaN);
  }

  /** Forget cached positions (resize, or a scroll inside an element that moves the text). */
  invalidate(): void {
    this.tops.fill(Number.NaN);
  }

  /** The indices [lo, hi) whose tops lie within the viewport ± margin viewports. */
  windowAround(marginViewports = WINDOW_MARGIN_VIEWPORTS): IndexWindow {
    // Content loading above the text (images, ads) moves everything: a changed document height drops the cache.
    const key = this.win.document.documentElement.scrollHeight;
    if (key !== this.layoutKey) { this.invalidate(); this.layoutKey = key; }
    const h = this.win.innerHeight || 800;
    const top = this.win.scrollY - marginViewports * h;
    const bottom = this.win.scrollY + (1 + marginViewports) * h;
    return { lo: this.firstAtOrBelow(top), hi: this.firstAtOrBelow(bottom + 1e-3) };
  }

  /** Lower bound: the first index whose top is ≥ y (ranges without a box take their next neighbour's top). */
  private firstAtOrBelow(y: number): number {
    let lo = 0, hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.probe(mid) < y) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  private probe(i: number): number {
    const end = Math.min(this.count, i + PROBE_REACH);
    for (let j = i; j < end; j++) {
      const t = this.topOf(j);
      if (!Number.isNaN(t)) return t;
    }
    return Number.POSITIVE_INFINITY;
  }

  /** Document-relative top of range j, NaN when it has no box. */
  private topOf(j: number): number {
    const cached = this.tops[j];
    if (cached !== undefined && !Number.isNaN(cached)) return cached;
    const r = this.rangeAt(j);
    if (!r) return Number.NaN;
    const rect = r.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) return Number.NaN;
    const t = rect.top + this.win.scrollY;
    this.tops[j] = t;
    return t;
  }
}

/**
 * Calls `onChange` at most once per animation frame after the page scrolls
 * (the window or any element) or resizes; passive listeners, removed by `signal`.
 * `layoutMoved` is true when cached positions can no longer be trusted.
 */
export function watchViewport(win: Window, signal: AbortSignal, onChange: (layoutMoved: boolean) => void): void {
  let queued = false;
  let moved = false;
  const schedule = (layoutMoved: boolean): void => {
    moved ||= layoutMoved;
    if (queued || signal.aborted) return;
    queued = true;
    win.requestAnimationFrame(() => {
      queued = false;
      const m = moved;
      moved = false;
      if (!signal.aborted) onChange(m);
    });
  };
  const opts = { passive: true, capture: true, signal } as const;
  // A scroll inside an element moves text relative to the document: only the window's own scroll keeps tops valid.
  win.document.addEventListener('scroll', (e) => schedule(e.target !== win.document), opts);
  win.addEventListener('resize', () => schedule(true), { passive: true, signal });
}
