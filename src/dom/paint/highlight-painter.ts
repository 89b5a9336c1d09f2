/**
 * Paints analysis spans onto the live page.
 *
 * Preferred: the CSS Custom Highlight API. One named Highlight per kind
 * (`kontext-quote`, `kontext-per`, …) in CSS.highlights; the page's DOM is
 * never touched, and toggling a kind is one registry set/delete.
 *
 * Fallback (browsers without the API): wrap covered text in
 * `<kontext-mark data-kontext-kind="…">` (wrap-marks.ts); unwrapping puts
 * back the very same nodes: the page's DOM is exactly as before.
 *
 * Everything injected carries the `kontext-` prefix; `destroy()` removes it all.
 *
 * A page that changes gets a successor painter (constructed with the one on
 * screen): it shares the stylesheet and the Highlight objects
 * (paint-surface.ts), takes over the Range objects of unchanged spans
 * (range-reuse.ts), and on its first show() edits the registered Highlights
 * in place, so a refresh costs about what changed. Until then the
 * predecessor's painting stays as it is. The wrapper fallback never shares:
 * its refresh is a fresh start.
 */
import type { Span } from '../../core/types.ts';
import type { TextMap } from '../text-map.ts';
import type { HighlightKind } from '../../shared/kinds.ts';
import { HIGHLIGHT_NAME } from './highlight-styles.ts';
import { PaintSurface, addRange, syncHighlight } from './paint-surface.ts';
import { RangeReuse } from './range-reuse.ts';
import { WrapMarks } from './wrap-marks.ts';
import { SliceClock } from '../yield-to-page.ts';
import { RangeGeometry, WINDOW_MIN_RANGES, moveWindow, watchViewport, type WindowedHighlight } from './viewport-window.ts';

export type PaintLayer = HighlightKind | 'focus' | 'flash';
const LAYERS: readonly PaintLayer[] = ['quote', 'misc', 'org', 'loc', 'per', 'flash', 'focus'];
const PRIORITY: Record<PaintLayer, number> = { quote: 0, misc: 1, org: 2, loc: 3, per: 4, flash: 9, focus: 10 };
const KIND_LAYERS: readonly PaintLayer[] = ['quote', 'misc', 'org', 'loc', 'per'];


/** A painted span and which list it came from, for hit tests. */
export interface PaintedRef { layer: PaintLayer; index: number }

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
  /** Wrapper mode only. */
  private readonly marks: WrapMarks | null;
  private readonly surface: PaintSurface;
  /** A predecessor's ranges per layer, for spans that still cover the same text nodes. */
  private readonly reuse = new Map<PaintLayer, RangeReuse>();
  private css = '';
  private flashTimer: ReturnType<typeof setTimeout> | null = null;

  /**
   * `predecessor`: the painter on screen that this one will replace (a
   * refresh of a changing page); it keeps painting until this one is shown.
   */
  constructor(private readonly doc: Document, private readonly map: TextMap, forceWrappers = false, predecessor: HighlightPainter | null = null) {
    const win = doc.defaultView as (Window & typeof globalThis) | null;
    this.mode = !forceWrappers && win && highlightApiAvailable(win) ? 'highlight-api' : 'wrappers';
    this.marks = this.mode === 'wrappers' ? new WrapMarks(doc, map) : null;
    const shared = predecessor && predecessor.mode === 'highlight-api' && this.mode === 'highlight-api' && predecessor.doc === doc
      && predecessor.surface.owner !== null ? predecessor : null;
    if (shared) {
      this.surface = shared.surface;
      this.css = shared.css;
      for (const layer of KIND_LAYERS) {
        const reuse = new RangeReuse();
        for (const r of shared.ranges.get(layer) ?? []) if (r) reuse.add(r);
        this.reuse.set(layer, reuse);
      }
    } else {
      this.surface = new PaintSurface(doc, this.mode === 'highlight-api');
      this.surface.owner = this;
    }
    this.surface.join();
  }

  setCss(css: string): void {
    this.css = css;
    if (this.owns()) this.surface.sheet.setCss(css);
  }

  /** Whether this painter may change what is on screen (a successor waits for its first show()). */
  private owns(): boolean {
    return this.surface.owner === this;
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
    // A successor only maps here: the shared Highlights are on screen until it is shown.
    const owner = this.owns();
    for (const [layer, spans] of [...this.spans]) {
      if (this.built.has(layer)) continue;
      const hl = this.surface.highlight(HIGHLIGHT_NAME[layer], PRIORITY[layer], win);
      if (this.isWindowed(layer)) {
        const rangeAt = (i: number): Range | null => this.rangeAt(layer, i);
        // count -1: the shared Highlight's content is not this window's yet (moveWindow syncs it).
        this.built.set(layer, { hl, count: -1, win: { lo: 0, hi: 0 }, geo: new RangeGeometry(win, spans.length, rangeAt) });
        continue;
      }
      const known = this.ranges.get(layer);
      const out: (Range | null | undefined)[] = known ?? [];
      // Filled directly only while empty and ours; otherwise the first render syncs it in place.
      const fill = owner && hl.size === 0;
      let count = 0;
      for (let i = 0; i < spans.length; i++) {
        const s = spans[i];
        const k = known?.[i];
        const range = k !== undefined ? k : s ? this.mapRange(layer, s) : null;
        out[i] = range;
        if (range && fill && addRange(hl, range)) count++;
        if (await clock.yieldIfSpent()) {
          if (signal.aborted) return;
          // Spans may have been replaced while we yielded: start that layer again next time.
          if (this.spans.get(layer) !== spans) break;
        }
      }
      if (this.spans.get(layer) !== spans) continue;
      // Every span of the layer is mapped: what the predecessor left unused would only stay alive (live Ranges cost on each DOM change).
      this.reuse.delete(layer);
      this.ranges.set(layer, out);
      this.built.set(layer, { hl, count: fill ? count : -1 });
    }
  }

  /** Whether this layer's Highlight holds only the ranges near the viewport. */
  private isWindowed(layer: PaintLayer): boolean {
    return this.windowed && KIND_LAYERS.includes(layer);
  }

  /** After a scroll or resize: move each shown layer's window (its Highlight is live in the registry). */
  private refreshWindows(layoutMoved: boolean): void {
    if (!this.owns()) return;
    for (const [layer, b] of this.built) {
      if (!b.geo) continue;
      if (layoutMoved) b.geo.invalidate();
      if (this.visible.has(layer)) moveWindow(b, (i) => this.rangeAt(layer, i));
    }
  }

  /** Show exactly these kinds (focus and flash marks are kept as they are). */
  show(kinds: ReadonlySet<HighlightKind>): void {
    // A successor's first show is the swap: every layer is redrawn from its own spans, in place.
    const claim = !this.owns();
    if (claim) this.claim();
    const changed = new Set<PaintLayer>(claim ? LAYERS : []);
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
    if (this.owns()) this.surface.sheet.restore(this.needsStyle());
  }

  /** The live Range of a painted span (null when the page no longer has that text). */
  rangeOf(layer: PaintLayer, index: number): Range | null {
    const span = this.spans.get(layer)?.[index];
    if (!span) return null;
    return this.marks ? this.marks.rangeOf(layer, index, span) : this.rangeAt(layer, index);
  }

  /** In wrapper mode: the spans a mark element paints (for hit tests). */
  refsOfMark(el: Element): readonly PaintedRef[] {
    return this.marks?.refsOf(el) ?? [];
  }

  destroy(): void {
    if (this.flashTimer) clearTimeout(this.flashTimer);
    this.visible.clear();
    this.spans.clear();
    this.ranges.clear();
    this.built.clear();
    this.reuse.clear();
    this.marks?.unwrapAll();
    // Highlights and sheet go with the last painter of the chain: a successor about to be shown takes them over.
    this.surface.leave(this, this.mode === 'highlight-api' ? this.registry() : null);
  }

  /** Take over the screen from the predecessor (whose painting stayed up until now). */
  private claim(): void {
    this.surface.owner = this;
    this.surface.sheet.setCss(this.css);
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
    const range = this.mapRange(layer, span);
    list[index] = range;
    return range;
  }

  /** A new Range for a span, or the predecessor's for the very same text positions. */
  private mapRange(layer: PaintLayer, span: Span): Range | null {
    const reuse = this.reuse.get(layer);
    const b = reuse && this.map.toBoundaries?.(span.start, span.end);
    const kept = b ? reuse?.take(b) : null;
    return kept ?? this.map.toRange(span.start, span.end);
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
    // First show of a successor, or the page edited the Highlight it can read: bring it to exactly our ranges, in place.
    const hl = cached?.hl ?? this.surface.highlight(HIGHLIGHT_NAME[layer], PRIORITY[layer], win);
    const count = syncHighlight(hl, this.allRanges(layer));
    this.built.set(layer, { hl, count });
    return count ? hl : null;
  }

  private render(changed: ReadonlySet<PaintLayer>): void {
    if (!this.owns()) return;
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
        // Only names this surface registered are removed: other code's highlights stay.
        if (!hl) { this.surface.hide(reg, name); continue; }
        this.surface.show(reg, name, hl);
      }
      return;
    }
    this.syncStyle();
    this.marks?.wrap(LAYERS.filter((l) => this.visible.has(l)).map((l) => [l, this.spans.get(l) ?? []] as const));
  }

  private needsStyle(): boolean {
    return this.visible.size > 0 && [...this.visible].some((l) => (this.spans.get(l)?.length ?? 0) > 0);
  }

  /** CSS present while something is painted, so "all off" leaves the DOM untouched (an adopted sheet stays: no DOM). */
  private syncStyle(): void {
    this.surface.sheet.sync(this.needsStyle());
  }
}
