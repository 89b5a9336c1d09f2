/**
 * The text-node pieces a Range covers, as (node, start, end) triples. Used by
 * the wrapper fallback, which can only wrap whole pieces of single text nodes.
 */
export interface TextPiece { node: Text; start: number; end: number }

export function textPiecesOf(range: Range): TextPiece[] {
  const out: TextPiece[] = [];
  const doc = range.startContainer.ownerDocument ?? (range.startContainer as Document);
  const rootNode = range.commonAncestorContainer;
  if (rootNode.nodeType === 3) {
    const t = rootNode as Text;
    if (range.endOffset > range.startOffset) out.push({ node: t, start: range.startOffset, end: range.endOffset });
    return out;
  }
  const walker = doc.createTreeWalker(rootNode, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    if (!range.intersectsNode(t)) continue;
    const start = t === range.startContainer ? range.startOffset : 0;
    const end = t === range.endContainer ? range.endOffset : t.data.length;
    if (end > start) out.push({ node: t, start, end });
  }
  return out;
}
