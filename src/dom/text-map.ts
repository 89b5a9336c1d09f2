/**
 * Offsets in extracted text <-> live DOM text positions (contract).
 * PLACEHOLDER: the extractor replaces this module.
 */
export interface TextMap {
  /** A DOM Range covering [start, end) of the extracted text, or null if it no longer maps (page changed). */
  toRange(start: number, end: number): Range | null;
  /** The text offset of a DOM position (e.g. from a selection or a hit test), or null if outside the article. */
  toOffset(node: Node, offset: number): number | null;
}
