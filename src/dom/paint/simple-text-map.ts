/**
 * A minimal TextMap over all text nodes of one element, concatenated with
 * nothing in between. For unit tests of the painting and page layers, which
 * need a map but not the extractor's real one (src/dom/text-map.ts).
 */
import type { TextBoundaries, TextMap } from '../text-map.ts';

export function simpleTextMap(root: Element): TextMap {
  const doc = root.ownerDocument;
  const nodes = (): Text[] => {
    const out: Text[] = [];
    const w = doc.createTreeWalker(root, 4);
    for (let n = w.nextNode(); n; n = w.nextNode()) out.push(n as Text);
    return out;
  };
  const locate = (offset: number, preferNext: boolean): [Text, number] | null => {
    let pos = 0;
    for (const t of nodes()) {
      const len = t.data.length;
      if (offset < pos + len || (offset === pos + len && !preferNext)) return [t, offset - pos];
      pos += len;
    }
    return null;
  };
  const toBoundaries = (start: number, end: number): TextBoundaries | null => {
    const a = locate(start, true), b = locate(end, false);
    return a && b ? { startNode: a[0], startOffset: a[1], endNode: b[0], endOffset: b[1] } : null;
  };
  return {
    toBoundaries,
    toRange(start, end) {
      const b = toBoundaries(start, end);
      if (!b) return null;
      const r = doc.createRange();
      r.setStart(b.startNode, b.startOffset);
      r.setEnd(b.endNode, b.endOffset);
      return r;
    },
    toOffset(node, offset) {
      let pos = 0;
      for (const t of nodes()) { if (t === node) return pos + offset; pos += t.data.length; }
      return null;
    },
  };
}
