/**
 * The painter's fallback for browsers without the CSS Custom Highlight API:
 * covered text is wrapped in `<kontext-mark data-kontext-kind="…">`. Each
 * wrapped text node is replaced by its pieces and the ORIGINAL node object
 * is kept, so unwrapping puts back the very same nodes: the page's DOM is
 * exactly as before. Every wrap starts by unwrapping, so marks never nest.
 */
import type { Span } from '../../core/types.ts';
import type { TextMap } from '../text-map.ts';
import type { PaintedRef, PaintLayer } from './highlight-painter.ts';
import { MARK_TAG } from './highlight-styles.ts';
import { textPiecesOf } from './text-pieces.ts';

interface WrapRecord { original: Text; parts: Node[] }

export class WrapMarks {
  private readonly wrapped: WrapRecord[] = [];
  private readonly markRefs = new WeakMap<Element, PaintedRef[]>();
  /** The marks painting each span, by "layer:index". */
  private readonly marksOf = new Map<string, Element[]>();

  constructor(private readonly doc: Document, private readonly map: TextMap) {}

  /** The spans a mark element paints (for hit tests). */
  refsOf(el: Element): readonly PaintedRef[] {
    return this.markRefs.get(el) ?? [];
  }

  /** A Range over a span's marks; null when it is not painted (or no longer on the page). */
  rangeOf(layer: PaintLayer, index: number, span: Span): Range | null {
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

  unwrapAll(): void {
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

  /** Paint exactly these layers' spans (whatever was wrapped before is unwrapped first). */
  wrap(layers: readonly (readonly [PaintLayer, readonly Span[]])[]): void {
    this.unwrapAll();
    // Collect, per text node, the covered pieces and which spans cover them.
    const perNode = new Map<Text, { start: number; end: number; ref: PaintedRef }[]>();
    for (const [layer, spans] of layers) {
      spans.forEach((s, index) => {
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
