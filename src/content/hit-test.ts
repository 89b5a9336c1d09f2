/**
 * Which painted highlight is under the pointer. Highlights painted with the
 * Custom Highlight API are not elements, so there is no hover event: find
 * the text position under the pointer (caretPositionFromPoint, or WebKit's
 * caretRangeFromPoint), map it to an article offset, look the offset up in
 * the sorted span lists, and confirm with the span's own line boxes (the
 * caret API also answers for points in the margin next to a line).
 */
import type { Span } from '../core/types.ts';
import type { TextMap } from '../dom/text-map.ts';

export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    const p = doc.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof doc.caretRangeFromPoint === 'function') {
    const r = doc.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

export function offsetAtPoint(doc: Document, map: TextMap, x: number, y: number): number | null {
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== 3) return null;
  return map.toOffset(caret.node, caret.offset);
}

/** Index of the span containing `offset` (or ending right at it: the caret snaps to the nearer edge), in a list sorted by start. */
export function spanIndexAt(spans: readonly Span[], offset: number): number[] {
  let lo = 0, hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid]?.start ?? 0) <= offset) lo = mid + 1; else hi = mid;
  }
  const out: number[] = [];
  // Spans may nest or overlap a little; look back a few entries.
  for (let i = lo - 1; i >= 0 && i >= lo - 4; i--) {
    const s = spans[i];
    if (s && s.start <= offset && offset <= s.end) out.push(i);
  }
  return out;
}

export function rangeContainsPoint(range: Range, x: number, y: number, slack = 1): boolean {
  for (const r of range.getClientRects()) {
    if (x >= r.left - slack && x <= r.right + slack && y >= r.top - slack && y <= r.bottom + slack) return true;
  }
  return false;
}
