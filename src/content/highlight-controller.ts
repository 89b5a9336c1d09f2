/**
 * The painted state of one analysed page: which spans each kind has, which
 * kinds are visible, the colours for this page, the keyboard focus mark, and
 * hit tests. Sits between the page session (settings, messages) and the
 * painter (CSS highlights or wrapper marks).
 */
import type { EntityDetail, QuoteDetail, Span, TextAnalysis } from '../core/types.ts';
import type { TextMap } from '../dom/text-map.ts';
import { HighlightPainter, type PaintedRef } from '../dom/paint/highlight-painter.ts';
import { highlightCss, MARK_TAG } from '../dom/paint/highlight-styles.ts';
import { choosePalette, type Palette } from '../dom/paint/palette.ts';
import { detectPageColours } from '../dom/paint/page-background.ts';
import { HIGHLIGHT_KINDS, kindOfEntityType, type HighlightKind } from '../shared/kinds.ts';
import { shownQuotes } from '../shared/display.ts';
import type { Settings } from '../shared/settings.ts';
import { visibleKinds } from '../shared/toggles.ts';
import { focusTargets, stepFocus, type FocusTarget } from './focus-order.ts';
import { offsetAtPoint, rangeContainsPoint, spanIndexAt } from './hit-test.ts';

export type HitTarget =
  | { layer: 'quote'; index: number; quote: QuoteDetail }
  | { layer: Exclude<HighlightKind, 'quote'>; index: number; entity: EntityDetail };

export class HighlightController {
  readonly painter: HighlightPainter;
  readonly quotes: QuoteDetail[];
  private readonly entities = new Map<HighlightKind, EntityDetail[]>();
  private readonly spans = new Map<HighlightKind, Span[]>();
  private visible = new Set<HighlightKind>();
  private focused: FocusTarget | null = null;
  private style: Settings['style'] = 'full';
  palette: Palette;

  /**
   * `replacing`: the controller on screen when this one is a refresh of a
   * changing page. Its painting stays until this one's first applySettings,
   * which then edits it in place (unchanged spans keep their ranges).
   */
  constructor(private readonly doc: Document, private readonly map: TextMap, private readonly root: Element, analysis: TextAnalysis, replacing: HighlightController | null = null) {
    this.painter = new HighlightPainter(doc, map, false, replacing?.painter ?? null);
    this.quotes = inStartOrder(shownQuotes(analysis));
    for (const k of HIGHLIGHT_KINDS) if (k !== 'quote') this.entities.set(k, []);
    const entities = analysis.entities;
    for (const e of isInStartOrder(entities) ? entities : inStartOrder([...entities])) this.entities.get(kindOfEntityType(e.type))?.push(e);
    // Quotes and entities are spans themselves: on a huge page a copy of each was tens of thousands of objects.
    this.spans.set('quote', this.quotes);
    for (const [k, list] of this.entities) this.spans.set(k, list);
    this.palette = this.computePalette();
    this.painter.setCss(highlightCss(this.palette, this.style));
    for (const [k, list] of this.spans) this.painter.setSpans(k, list);
  }

  /** Map all spans to ranges in small slices (see HighlightPainter.prepare); call before the first applySettings. */
  prepare(signal: AbortSignal): Promise<void> {
    return this.painter.prepare(signal);
  }

  applySettings(s: Settings): void {
    if (s.style !== this.style) {
      this.style = s.style;
      this.painter.setCss(highlightCss(this.palette, this.style));
    }
    this.visible = visibleKinds(s);
    this.painter.show(this.visible);
    if (this.focused && !this.visible.has(this.focused.layer)) this.clearFocus();
  }

  /** Re-read the page's colours (the page or the OS switched between light and dark). */
  refreshColours(): void {
    this.palette = this.computePalette();
    this.painter.setCss(highlightCss(this.palette, this.style));
  }

  get visibleKinds(): ReadonlySet<HighlightKind> {
    return this.visible;
  }

  /** Move the keyboard focus mark; returns the newly focused target. */
  stepFocus(dir: 1 | -1): HitTarget | null {
    const targets = focusTargets(this.spans, this.visible);
    const next = stepFocus(targets, this.focused, dir, this.focused ? 0 : this.firstOnScreen(targets));
    if (!next) return null;
    this.focused = next;
    this.painter.setFocus(next);
    const range = this.painter.rangeOf(next.layer, next.index);
    if (range) this.scrollIntoView(range);
    return this.target(next.layer, next.index);
  }

  clearFocus(): void {
    this.focused = null;
    this.painter.setFocus(null);
  }

  /** Scroll to a span of the article and flash it. */
  scrollTo(span: Span): boolean {
    const range = this.map.toRange(span.start, span.end);
    if (!range) return false;
    this.scrollIntoView(range);
    this.painter.flash(span);
    return true;
  }

  /** The highlight under a point; names win over the quote around them. */
  hitTest(x: number, y: number, target: EventTarget | null): HitTarget | null {
    if (this.painter.mode === 'wrappers') {
      const mark = target instanceof Element ? target.closest(MARK_TAG) : null;
      if (!mark) return null;
      return this.best(this.painter.refsOfMark(mark).filter((r) => r.layer !== 'focus' && r.layer !== 'flash'));
    }
    const offset = offsetAtPoint(this.doc, this.map, x, y);
    if (offset === null) return null;
    const refs: PaintedRef[] = [];
    for (const layer of this.visible) {
      for (const index of spanIndexAt(this.spans.get(layer) ?? [], offset)) {
        const range = this.painter.rangeOf(layer, index);
        if (range && rangeContainsPoint(range, x, y)) refs.push({ layer, index });
      }
    }
    return this.best(refs);
  }

  rangeOf(layer: HighlightKind, index: number): Range | null {
    return this.painter.rangeOf(layer, index);
  }

  /** The element the extractor judged to hold the body (watched for being replaced). */
  get articleRoot(): Element {
    return this.root;
  }

  destroy(): void {
    this.painter.destroy();
  }

  private best(refs: readonly PaintedRef[]): HitTarget | null {
    const entity = refs.find((r) => r.layer !== 'quote');
    const pick = entity ?? refs[0];
    if (!pick || pick.layer === 'focus' || pick.layer === 'flash') return null;
    return this.target(pick.layer, pick.index);
  }

  private target(layer: HighlightKind, index: number): HitTarget | null {
    if (layer === 'quote') {
      const quote = this.quotes[index];
      return quote ? { layer, index, quote } : null;
    }
    const entity = this.entities.get(layer)?.[index];
    return entity ? { layer, index, entity } : null;
  }

  private firstOnScreen(targets: readonly FocusTarget[]): number {
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i];
      if (!t) continue;
      const r = this.painter.rangeOf(t.layer, t.index)?.getBoundingClientRect();
      if (r && r.bottom >= 0) return i;
    }
    return 0;
  }

  private scrollIntoView(range: Range): void {
    const rect = range.getBoundingClientRect();
    const view = this.doc.defaultView;
    const h = view?.innerHeight ?? 0;
    if (rect.top >= 0 && rect.bottom <= h && (rect.width > 0 || rect.height > 0)) return;
    const el = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  }

  private computePalette(): Palette {
    const c = detectPageColours(this.root);
    return choosePalette(c.background, c.text);
  }
}

function isInStartOrder(list: readonly Span[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i]!.start < list[i - 1]!.start) return false;
  return true;
}

/** Sorted by start, in place; the engine already reports spans in order, so usually only checked. */
function inStartOrder<T extends Span>(list: T[]): T[] {
  return isInStartOrder(list) ? list : list.sort((a, b) => a.start - b.start);
}
