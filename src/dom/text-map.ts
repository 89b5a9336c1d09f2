/**
 * Offsets in extracted text <-> live DOM text positions.
 *
 * The extractor never wraps or moves page nodes, so highlights and hit tests
 * need a way back from `article.text` offsets to the page's own Text nodes.
 * The builder records, while the text is produced, "segments": runs of text
 * that correspond one-to-one to a slice of one Text node, plus single spaces
 * that stand for a collapsed whitespace run. Characters dropped from the text
 * (soft hyphens, zero-width spaces, word joiners, BOMs, leading/trailing and
 * repeated whitespace) simply fall into gaps between segments. Block
 * separators ("\n\n") and the space that stands for a <br> have no segment.
 * Lookups are binary searches over the segment array.
 */

export interface TextMap {
  /** A DOM Range covering [start, end) of the extracted text, or null if it no longer maps (page changed) or the DOM has no usable Range. */
  toRange(start: number, end: number): Range | null;
  /** The text offset of a DOM position (e.g. from a selection or a hit test), or null if outside the article. */
  toOffset(node: Node, offset: number): number | null;
  /** The boundary points of [start, end) without creating a Range (works in DOMs without Range support). */
  toBoundaries?(start: number, end: number): TextBoundaries | null;
  /** The Text nodes the text was read from, in document order (for mutation watching). */
  readonly nodes?: readonly Text[];
  /** False once any mapped Text node was detached or its data changed. */
  isValid?(): boolean;
}

/** The map the extractor builds: every TextMap member present. */
export interface SegmentedTextMap extends TextMap {
  toBoundaries(start: number, end: number): TextBoundaries | null;
  readonly nodes: readonly Text[];
  isValid(): boolean;
}

export interface TextBoundaries {
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

/** One mapped run. `len` text chars ↔ node data [nodeStart, nodeEnd); 1:1 unless it is a collapsed space (len 1, wider node range). */
interface Segment {
  start: number;
  len: number;
  node: Text;
  nodeStart: number;
  nodeEnd: number;
}

/** Characters that are invisible in rendering and only hurt text analysis; dropped from the text. */
export function isDroppedChar(c: number): boolean {
  return c === 0x00ad || c === 0x200b || c === 0x2060 || c === 0xfeff;
}

/** Whitespace that collapses to one ASCII space (nbsp included: the analysis wants plain spaces). */
export function isCollapsibleSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Text that needs the character loop: a whitespace character other than a plain space, two spaces in a row, or a dropped character. */
const NEEDS_SCAN = /[\t-\r\u00a0\u00ad\u2000-\u200b\u202f\u205f\u2060\u3000\ufeff]| {2}/;

/**
 * Builds text and map together, block by block. Within a block whitespace is
 * collapsed to single spaces and trimmed; blocks are joined by "\n\n".
 */
export class TextMapBuilder {
  /**
   * The latest builder, kept so that V8 keeps this class's instance shape
   * and the optimised code that checks for it across garbage collections
   * (the same reason as BlockScanner.latest in article/blocks.ts); build()
   * empties it.
   */
  private static latest: TextMapBuilder | null = null;
  private pieces: string[] = [];
  private segs: Segment[] = [];
  private length = 0;
  private blockHasText = false;
  private blockCount = 0;
  private pending: { node: Text; from: number; to: number } | null = null;
  private pendingVirtual = false;
  private skip = 0;
  private snapshot = new Map<Text, string>();
  /** The verbatim run not yet cut into a piece: runData[runFrom, runTo) of runNode. */
  private runNode: Text | null = null;
  private runData = '';
  private runFrom = 0;
  private runTo = 0;

  constructor() {
    TextMapBuilder.latest = this;
  }

  /** Begin a block; `skipVisible` non-whitespace characters at its start are left out (a dateline). */
  startBlock(skipVisible = 0): void {
    this.skip = skipVisible;
    this.blockHasText = false;
    this.pending = null;
    this.pendingVirtual = false;
  }

  /** A <br> or similar: one space if text follows in the same block. */
  addBreak(): void {
    if (this.blockHasText) this.pendingVirtual = true;
  }

  /** Append node.data[from, to), collapsing whitespace and dropping invisible characters. */
  appendText(node: Text, from = 0, to?: number): void {
    const data = node.data;
    const end = to ?? data.length;
    if (!this.snapshot.has(node)) this.snapshot.set(node, data);
    // Most text is words between single plain spaces: then the whole range is one verbatim run, with at
    // most one space before and after it, and the per-character loop below would produce exactly that.
    if (this.skip === 0 && !NEEDS_SCAN.test(data)) {
      let a = from;
      let b = end;
      if (a < b && data.charCodeAt(a) === 32) this.space(node, a++);
      const trailing = b > a && data.charCodeAt(b - 1) === 32;
      if (trailing) b--;
      if (a < b) this.emitRun(node, data, a, b);
      if (trailing) this.space(node, b);
      return;
    }
    this.scanText(node, data, from, end);
  }

  /** A collapsible space at data[i] of `node`: it becomes one pending space once text follows in the block. */
  private space(node: Text, i: number): void {
    if (!this.blockHasText) return;
    if (this.pending && this.pending.node === node && this.pending.to === i) this.pending.to = i + 1;
    else if (!this.pending) this.pending = { node, from: i, to: i + 1 };
  }

  /** The general case, one character at a time: whitespace runs, dropped characters, a dateline to skip. */
  private scanText(node: Text, data: string, from: number, to: number): void {
    let runStart = -1;
    for (let i = from; i < to; i++) {
      const c = data.charCodeAt(i);
      const space = isCollapsibleSpace(c);
      if (space || isDroppedChar(c)) {
        if (runStart >= 0) {
          this.emitRun(node, data, runStart, i);
          runStart = -1;
        }
        if (space) this.space(node, i);
        continue;
      }
      if (runStart < 0) runStart = i;
    }
    if (runStart >= 0) this.emitRun(node, data, runStart, to);
  }

  private emitRun(node: Text, data: string, runFrom: number, to: number): void {
    let from = runFrom;
    if (this.skip > 0) {
      const n = Math.min(this.skip, to - from);
      this.skip -= n;
      from += n;
      if (from >= to) return;
    }
    if (!this.blockHasText) {
      if (this.blockCount > 0) this.push('\n\n');
      this.blockCount++;
      this.blockHasText = true;
    } else if (this.pending) {
      const p = this.pending;
      this.addSeg(p.node, p.from, p.to, 1);
      // A single plain space in this node continues the verbatim run (one piece per node, not two per word).
      if (p.node === node && p.to === p.from + 1 && data.charCodeAt(p.from) === 32) this.pushData(node, data, p.from, p.to);
      else this.push(' ');
      this.pendingVirtual = false;
    } else if (this.pendingVirtual) {
      this.push(' ');
    }
    this.pending = null;
    this.pendingVirtual = false;
    this.addSeg(node, from, to, to - from);
    this.pushData(node, data, from, to);
  }

  private push(s: string): void {
    this.flushRun();
    this.pieces.push(s);
    this.length += s.length;
  }

  /** Append data[from, to) of `node` verbatim, extending the open run when it continues it. */
  private pushData(node: Text, data: string, from: number, to: number): void {
    if (this.runNode === node && this.runTo === from) this.runTo = to;
    else {
      this.flushRun();
      this.runNode = node;
      this.runData = data;
      this.runFrom = from;
      this.runTo = to;
    }
    this.length += to - from;
  }

  private flushRun(): void {
    if (!this.runNode) return;
    this.pieces.push(this.runData.slice(this.runFrom, this.runTo));
    this.runNode = null;
  }

  private addSeg(node: Text, nodeStart: number, nodeEnd: number, len: number): void {
    const last = this.segs[this.segs.length - 1];
    if (
      last && last.node === node && last.nodeEnd === nodeStart && last.start + last.len === this.length &&
      last.len === last.nodeEnd - last.nodeStart && len === nodeEnd - nodeStart
    ) {
      last.len += len;
      last.nodeEnd = nodeEnd;
      return;
    }
    this.segs.push({ start: this.length, len, node, nodeStart, nodeEnd });
  }

  /** Current text length (offset the next character would get). */
  get offset(): number {
    return this.length;
  }

  /** `root` bounds toOffset: positions outside it are not in the article. */
  build(root: Node | null = null): { text: string; map: SegmentedTextMap } {
    this.flushRun();
    const text = this.pieces.join('');
    const map = new SegmentTextMap(this.segs, this.snapshot, root);
    // The map owns the segments and the snapshot now; the builder keeps nothing of the page.
    this.pieces = [];
    this.segs = [];
    this.snapshot = new Map();
    this.pending = null;
    this.runNode = null;
    this.runData = '';
    return { text, map };
  }
}

class SegmentTextMap implements SegmentedTextMap {
  readonly nodes: readonly Text[];
  private readonly byNode = new Map<Text, [number, number]>();

  constructor(
    private readonly segs: readonly Segment[],
    private readonly snapshot: Map<Text, string>,
    private readonly root: Node | null,
  ) {
    const nodes: Text[] = [];
    segs.forEach((s, i) => {
      const r = this.byNode.get(s.node);
      if (r) r[1] = i;
      else {
        this.byNode.set(s.node, [i, i]);
        nodes.push(s.node);
      }
    });
    this.nodes = nodes;
  }

  isValid(): boolean {
    for (const [node, data] of this.snapshot) if (!node.isConnected || node.data !== data) return false;
    return true;
  }

  private nodeOk(node: Text): boolean {
    return node.isConnected && node.data === this.snapshot.get(node);
  }

  /** Index of the first segment whose end is > offset. */
  private firstEndingAfter(offset: number): number {
    let lo = 0;
    let hi = this.segs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const s = this.segs[mid]!;
      if (s.start + s.len > offset) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  toBoundaries(start: number, end: number): TextBoundaries | null {
    if (!(start >= 0) || !(end >= start)) return null;
    const si = this.firstEndingAfter(start);
    const a = this.segs[si];
    if (!a) return null;
    const s0 = Math.max(start, a.start);
    const startOffset = a.len === a.nodeEnd - a.nodeStart ? a.nodeStart + (s0 - a.start) : a.nodeStart;
    let endNode = a.node;
    let endOffset = startOffset;
    if (end > s0) {
      // Last segment starting before `end`.
      const ei = this.firstEndingAfter(end - 1);
      let b = this.segs[ei];
      if (!b || b.start >= end) b = this.segs[ei - 1];
      if (!b) return null;
      const e0 = Math.min(end, b.start + b.len);
      endNode = b.node;
      endOffset = b.len === b.nodeEnd - b.nodeStart ? b.nodeStart + (e0 - b.start) : b.nodeEnd;
    }
    if (!this.nodeOk(a.node) || !this.nodeOk(endNode)) return null;
    return { startNode: a.node, startOffset, endNode, endOffset };
  }

  toRange(start: number, end: number): Range | null {
    const b = this.toBoundaries(start, end);
    if (!b) return null;
    const doc = b.startNode.ownerDocument;
    const range = doc.createRange() as Range | undefined;
    if (!range || typeof range.setStart !== 'function') return null;
    range.setStart(b.startNode, b.startOffset);
    range.setEnd(b.endNode, b.endOffset);
    return range;
  }

  toOffset(node: Node, offset: number): number | null {
    if (this.root && node !== this.root && !this.root.contains(node)) return null;
    let target: Node | null = node;
    let off = offset;
    if (!this.byNode.has(node as Text)) {
      // An element boundary (or an unmapped text node): use the next mapped text in document order.
      target = node.nodeType === 1 ? (node.childNodes[offset] ?? nextInOrder(node, true)) : nextInOrder(node, true);
      off = 0;
      let guard = 0;
      while (target && !this.byNode.has(target as Text) && guard++ < 100_000) {
        target = nextInOrder(target, false);
        // Past the article's last mapped text (still inside its container): the end of the text.
        if (target && this.root && !this.root.contains(target)) target = null;
      }
      if (!target) {
        const last = this.segs[this.segs.length - 1];
        return last ? last.start + last.len : null;
      }
    }
    const range = this.byNode.get(target as Text);
    if (!range) return null;
    const first = this.segs[range[0]]!;
    const last = this.segs[range[1]]!;
    if (off <= first.nodeStart) return first.start;
    for (let i = range[0]; i <= range[1]; i++) {
      const s = this.segs[i]!;
      if (off < s.nodeStart) return s.start;
      if (off <= s.nodeEnd) {
        if (s.len === s.nodeEnd - s.nodeStart) return s.start + (off - s.nodeStart);
        return off === s.nodeStart ? s.start : s.start + 1;
      }
    }
    return last.start + last.len;
  }
}

/** The next node in document order; when `skipChildren`, the subtree of `n` is skipped. */
function nextInOrder(n: Node, skipChildren: boolean): Node | null {
  if (!skipChildren && n.firstChild) return n.firstChild;
  let cur: Node | null = n;
  while (cur) {
    if (cur.nextSibling) return cur.nextSibling;
    cur = cur.parentNode;
  }
  return null;
}
