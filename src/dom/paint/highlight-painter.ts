/**
 * Paints analysis spans onto the live page.
 *
 * Preferred: the CSS Custom Highlight API. One named Highlight per kind
 * (`kontext-quote`, `kontext-per`, …) in CSS.highlights; the page's DOM is
 * never touched, and toggling a kind is one registry set/delete.
 *
 * Fallback (browsers without the API): wrap covered text in
 * `<kontext-mark data-kontext-kind="…">`. Each wrapped text node is replaced
 * by its pieces and the ORIGINAL node object is kept, so removing the marks
 * puts back the very same nodes: the page's DOM is exactly as before.
 *
 * Everything injected carries the `kontext-` prefix; `destroy()` removes it all.
 */
import type { Span } from '../../core/types.ts';
import type { TextMap } from '../text-map.ts';
import type { HighlightKind } from '../../shared/kinds.ts';
import { HIGHLIGHT_NAME, MARK_TAG } from './highlight-styles.ts';
import { PainterStylesheet } from './painter-stylesheet.ts';
import { textPiecesOf } from './text-pieces.ts';
import { SliceClock } from './yield-to-page.ts';
import { RangeGeometry, WINDOW_MIN_RANGES, moveWindow, watchViewport, type WindowedHighlight } from './viewport-window.ts';

export type PaintLayer = HighlightKind | 'focus' | 'flash';
const LAYERS: readonly PaintLayer[] = ['quote', 'misc', 'org', 'loc', 'per', 'flash', 'focus'];
const PRIORITY: Record<PaintLayer, number> = { quote: 0, misc: 1, org: 2, loc: 3, per: 4, flash: 9, focus: 10 };
const KIND_LAYERS: readonly PaintLayer[] = ['quote', 'misc', 'org', 'loc', 'per'];


/** A painted span and which list it came from, for hit tests. */
export interface PaintedRef { layer: PaintLayer; index: number }

interface WrapRecord { original: Text; parts: Node[] }

export function highlightApiAvailable(win: Window & typeof globalThis): boolean {
  return typeof win.Highlight === 'function' && typeof win.CSS !== 'undefined' && typeof win.CSS.highlights !== 'undefined';
}

export class HighlightPainter {
  readonly mode: 'highlight-api' | 'wrappers';
  private readonly spans = new Map<PaintLayer, Span[]>();
  /** Each layer's ranges by span index; undefined = not mapped yet (windowed layers map on first use). */
  private readonly ranges = new Map<PaintLayer, (Range | null | undefined)[]>();
  /** Highlight API: each layer's Highlight, built once (in slices by prepare) and reused on every toggle. */
  private readonly built = new Map<PaintLayer, WindowedHighlight>();
  /** Huge pages: register only the ranges near the viewport (see viewport-window.ts). */
  private windowed = false;
  private readonly visible = new Set<PaintLayer>();
  private readonly wrapped: WrapRecord[] = [];
  private readonly markRefs = new WeakMap<Element, PaintedRef[]>();
  /** Wrapper mode: the marks painting each span, by "layer:index". */
  private readonly marksOf = new Map<string, Element[]>();
  private readonly sheet: PainterStylesheet;
  private flashTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly doc: Document, private readonly map: TextMap, forceWrappers = false) {
    const win = doc.defaultView as (Window & typeof globalThis) | null;
    this.mode = !forceWrappers && win && highlightApiAvailable(win) ? 'highlight-api' : 'wrappers';
    this.sheet = new PainterStylesheet(doc, this.mode === 'highlight-api');
  }

  setCss(css: string): void {
    this.sheet.setCss(css);
  }

  /** Replace the spans of one layer (offsets into the article text). */
  setSpans(layer: PaintLayer, spans: Span[]): void {
    this.spans.set(layer, spans);
    this.ranges.delete(layer);
    this.built.delete(layer);
    this.render(new Set([layer]));
  }

  spansOf(layer: PaintLayer): readonly Span[] {
    return this.spans.get(layer) ?? [];
  }

  /**
   * Compute the DOM ranges of every layer ahead of time, and the Highlight
   * holding them, in slices of at most `sliceMs`, yielding to the page between
   * slices: on a huge article mapping offsets and filling a Highlight with tens
   * of thousands of ranges are the expensive parts and must not become one long
   * task. After this, toggling a kind is only a registry update. Windowed
   * layers (huge pages) map nothing here: their window maps the few hundred
   * spans near the viewport when it is filled, the rest when first needed.
   */
  async prepare(signal: AbortSignal, sliceMs = 8): Promise<void> {
    if (this.mode !== 'highlight-api') return;
    const win = this.doc.defaultView as (Window & typeof globalThis) | null;
    if (!win) return;
    const clock = new SliceClock(sliceMs, 16);
    const total = KIND_LAYERS.reduce((n, l) => n + (this.spans.get(l)?.length ?? 0), 0);
    if (total > WINDOW_MIN_RANGES && !this.windowed) {
      this.windowed = true;
      watchViewport(win, signal, (moved) => this.refreshWindows(moved));
    }
    for (const [layer, spans] of [...this.spans]) {
      if (this.built.has(layer)) continue;
      if (this.isWindowed(layer)) {
        const hl = new win.Highlight();
        hl.priority = PRIORITY[layer];
        const rangeAt = (i: number): Range | null => this.rangeAt(layer, i);
        this.built.set(layer, { hl, count: 0, win: { lo: 0, hi: 0 }, geo: new RangeGeometry(win, spans.length, rangeAt) });
        continue;
      }
      const known = this.ranges.get(layer);
      const out: (Range | null | undefined)[] = known ?? [];
      const hl = new win.Highlight();
      hl.priority = PRIORITY[layer];
      let count = 0;
      for (let i = 0; i < spans.length; i++) {
        const s = spans[i];
        const k = known?.[i];
        const range = k !== undefined ? k : s ? this.map.toRange(s.start, s.end) : null;
        out[i] = range;
        if (range) { hl.add(range); count++; }
        if (await clock.yieldIfSpent()) {
          if (signal.aborted) return;
          // Spans may have been replaced while we yielded: start that layer again next time.
          if (this.spans.get(layer) !== spans) break;
        }
      }
      if (this.spans.get(layer) !== spans) continue;
      this.ranges.set(layer, out);
      this.built.set(layer, { hl, count });
    }
  }

  /** Whether this layer's Highlight holds only the ranges near the viewport. */
  private isWindowed(layer: PaintLayer): boolean {
    return this.windowed && KIND_LAYERS.includes(layer);
  }

  /** After a scroll or resize: move each shown layer's window (its Highlight is live in the registry). */
  private refreshWindows(layoutMoved: boolean): void {
    for (const [layer, b] of this.built) {
      if (!b.geo) continue;
      if (layoutMoved) b.geo.invalidate();
      if (this.visible.has(layer)) moveWindow(b, (i) => this.rangeAt(layer, i));
    }
  }

  /** Show exactly these kinds (focus and flash marks are kept as they are). */
  show(kinds: ReadonlySet<HighlightKind>): void {
    const changed = new Set<PaintLayer>();
    for (const layer of LAYERS) {
      if (layer === 'focus' || layer === 'flash') continue;
      const want = kinds.has(layer);
      if (want !== this.visible.has(layer)) {
        changed.add(layer);
        if (want) this.visible.add(layer); else this.visible.delete(layer);
      }
    }
    if (changed.size) this.render(changed);
  }

  isShown(layer: PaintLayer): boolean {
    return this.visible.has(layer);
  }

  /** Mark one span as the keyboard focus (null clears it). */
  setFocus(span: Span | null): void {
    this.setTransient('focus', span);
  }

  /** Briefly mark a span (after "show in article" from the side panel). */
  flash(span: Span, ms = 1200): void {
    if (this.flashTimer) clearTimeout(this.flashTimer);
    this.setTransient('flash', span);
    this.flashTimer = setTimeout(() => {
      this.flashTimer = null;
      this.setTransient('flash', null);
    }, ms);
  }

  /** Put the stylesheet back if the page removed it while something is painted (pages that strip foreign nodes). */
  ensureStyle(): void {
    this.sheet.restore(this.needsStyle());
  }

  /** The live Range of a painted span (null when the page no longer has that text). */
  rangeOf(layer: PaintLayer, index: number): Range | null {
    const span = this.spans.get(layer)?.[index];
    if (!span) return null;
    if (this.mode === 'highlight-api') return this.rangeAt(layer, index);
    // Marks are collected per text node, not in document order: sort before taking the ends.
    const marks = this.marksOf.get(`${layer}:${index}`)?.slice()
      .sort((a, b) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
    const first = marks?.[0], last = marks?.[marks.length - 1];
    if (first?.isConnected && last?.isConnected) {
      const r = this.doc.createRange();
      r.setStartBefore(first);
      r.setEndAfter(last);
      return r;
    }
    // Not painted right now: the original text nodes are in place, so the map applies.
    return this.wrapped.length ? null : this.map.toRange(span.start, span.end);
  }

  /** In wrapper mode: the spans a mark element paints (for hit tests). */
  refsOfMark(el: Element): readonly PaintedRef[] {
    return this.markRefs.get(el) ?? [];
  }

  destroy(): void {
    if (this.flashTimer) clearTimeout(this.flashTimer);
    this.visible.clear();
    this.spans.clear();
    this.ranges.clear();
    this.built.clear();
    if (this.mode === 'highlight-api') {
      const reg = this.registry();
      for (const layer of LAYERS) reg?.delete(HIGHLIGHT_NAME[layer]);
    } else {
      this.unwrapAll();
    }
    this.sheet.release();
  }

  private setTransient(layer: 'focus' | 'flash', span: Span | null): void {
    if (span) { this.spans.set(layer, [span]); this.visible.add(layer); } else { this.spans.delete(layer); this.visible.delete(layer); }
    this.ranges.delete(layer);
    this.built.delete(layer);
    this.render(new Set([layer]));
  }

  private registry(): HighlightRegistry | null {
    const win = this.doc.defaultView as (Window & typeof globalThis) | null;
    return win?.CSS?.highlights ?? null;
  }

  /** Range `index` of a layer, mapped on first use and kept. */
  private rangeAt(layer: PaintLayer, index: number): Range | null {
    const spans = this.spans.get(layer);
    const span = spans?.[index];
    if (!spans || !span) return null;
    let list = this.ranges.get(layer);
    // Preallocated (holey): filling a windowed layer's list out of order must not turn it into a dictionary.
    if (!list) this.ranges.set(layer, (list = new Array<Range | null | undefined>(spans.length)));
    const known = list[index];
    if (known !== undefined) return known;
    const range = this.map.toRange(span.start, span.end);
    list[index] = range;
    return range;
  }

  /** Every range of a layer (the ones not on the page left out). */
  private allRanges(layer: PaintLayer): Range[] {
    const out: Range[] = [];
    const n = this.spans.get(layer)?.length ?? 0;
    for (let i = 0; i < n; i++) {
      const r = this.rangeAt(layer, i);
      if (r) out.push(r);
    }
    return out;
  }

  /**
   * The layer's Highlight, reused while it still holds every range: a page may
   * clear or edit the object it can read from the registry, and then we build
   * a fresh one. Null when the layer has no range on the page.
   */
  private highlightFor(layer: PaintLayer, win: Window & typeof globalThis): Highlight | null {
    const cached = this.built.get(layer);
    if (cached?.geo) {
      moveWindow(cached, (i) => this.rangeAt(layer, i));
      // Registered even when the window holds none of them: scrolling fills it.
      return (this.spans.get(layer)?.length ?? 0) > 0 ? cached.hl : null;
    }
    if (cached && cached.hl.size === cached.count) return cached.count ? cached.hl : null;
    const ranges = this.allRanges(layer);
    const hl = new win.Highlight(...ranges);
    hl.priority = PRIORITY[layer];
    this.built.set(layer, { hl, count: ranges.length });
    return ranges.length ? hl : null;
  }

  private render(changed: ReadonlySet<PaintLayer>): void {
    if (this.mode === 'highlight-api') {
      const reg = this.registry();
      const win = this.doc.defaultView as (Window & typeof globalThis) | null;
      if (!reg || !win) { this.syncStyle(); return; }
      // Geometry first (windowed pages read range positions), the <style> after: a layout read
      // behind a fresh stylesheet would pull the page-wide restyle into this task.
      const next = [...changed].map((layer) => [layer, this.visible.has(layer) ? this.highlightFor(layer, win) : null] as const);
      this.syncStyle();
      for (const [layer, hl] of next) {
        const name = HIGHLIGHT_NAME[layer];
        if (!hl) { reg.delete(name); continue; }
        reg.set(name, hl);
      }
      return;
    }
    this.syncStyle();
    this.rewrap();
  }

  private needsStyle(): boolean {
    return this.visible.size > 0 && [...this.visible].some((l) => (this.spans.get(l)?.length ?? 0) > 0);
  }

  /** CSS present while something is painted, so "all off" leaves the DOM untouched (an adopted sheet stays: no DOM). */
  private syncStyle(): void {
    this.sheet.sync(this.needsStyle());
  }

  private unwrapAll(): void {
    for (let i = this.wrapped.length - 1; i >= 0; i--) {
      const rec = this.wrapped[i];
      const first = rec?.parts[0];
      if (!rec || !first?.parentNode) continue;
      first.parentNode.insertBefore(rec.original, first);
      for (const p of rec.parts) p.parentNode?.removeChild(p);
    }
    this.wrapped.length = 0;
    this.marksOf.clear();
  }

  private rewrap(): void {
    this.unwrapAll();
    // Collect, per text node, the covered pieces and which spans cover them.
    const perNode = new Map<Text, { start: number; end: number; ref: PaintedRef }[]>();
    for (const layer of LAYERS) {
      if (!this.visible.has(layer)) continue;
      (this.spans.get(layer) ?? []).forEach((s, index) => {
        const range = this.map.toRange(s.start, s.end);
        if (!range) return;
        for (const piece of textPiecesOf(range)) {
          let list = perNode.get(piece.node);
          if (!list) perNode.set(piece.node, (list = []));
          list.push({ start: piece.start, end: piece.end, ref: { layer, index } });
        }
      });
    }
    for (const [node, pieces] of perNode) {
      const cuts = [...new Set([0, node.data.length, ...pieces.flatMap((p) => [p.start, p.end])])].sort((a, b) => a - b);
      const parts: Node[] = [];
      for (let i = 0; i + 1 < cuts.length; i++) {
        const a = cuts[i] ?? 0, b = cuts[i + 1] ?? 0;
        if (b <= a) continue;
        const text = node.data.slice(a, b);
        const covering = pieces.filter((p) => p.start <= a && p.end >= b);
        if (!covering.length) { parts.push(this.doc.createTextNode(text)); continue; }
        const mark = this.doc.createElement(MARK_TAG);
        mark.setAttribute('data-kontext-kind', [...new Set(covering.map((p) => p.ref.layer))].join(' '));
        mark.textContent = text;
        this.markRefs.set(mark, covering.map((p) => p.ref));
        for (const p of covering) {
          const key = `${p.ref.layer}:${p.ref.index}`;
          const list = this.marksOf.get(key);
          if (list) list.push(mark); else this.marksOf.set(key, [mark]);
        }
        parts.push(mark);
      }
      const parent = node.parentNode;
      if (!parent) continue;
      for (const p of parts) parent.insertBefore(p, node);
      parent.removeChild(node);
      this.wrapped.push({ original: node, parts });
    }
  }
}
