/**
 * The Range objects of a previous painting, for a successor to take over.
 *
 * When the page changes and the article is analysed again, most spans still
 * cover the very same text nodes and offsets (a live blog prepends a post:
 * every offset in the article text moves, the DOM positions of the old
 * posts do not). Handing the successor the same Range object for those
 * keeps the Highlight unchanged there, so the browser repaints only what is
 * new. Ranges are live: a kept one is reused only when its boundaries, as
 * they are now, are exactly the new span's.
 */
import type { TextBoundaries } from '../text-map.ts';

export class RangeReuse {
  private readonly byStart = new Map<Node, Range[]>();

  add(r: Range): void {
    const list = this.byStart.get(r.startContainer);
    if (list) list.push(r); else this.byStart.set(r.startContainer, [r]);
  }

  /** A kept Range with exactly these boundaries (each handed out once), or null. */
  take(b: TextBoundaries): Range | null {
    const list = this.byStart.get(b.startNode);
    if (!list) return null;
    const i = list.findIndex((r) => r.startContainer === b.startNode && r.startOffset === b.startOffset
      && r.endContainer === b.endNode && r.endOffset === b.endOffset);
    if (i < 0) return null;
    const [r] = list.splice(i, 1);
    if (!list.length) this.byStart.delete(b.startNode);
    return r ?? null;
  }
}
