/**
 * What changed between two extractions of the same article, block by block.
 *
 * The extractor joins the article's blocks (paragraphs, subheadings, list
 * items) with "\n\n". Comparing the two texts block-wise from both ends
 * tells the page session whether anything changed at all (a page that only
 * moved nodes around, or the extension's own work, gives "same" and nothing
 * is re-analysed: no loop), and how: paragraphs appended ("load more"),
 * posts prepended (live blog), or something replaced or removed in between.
 * Offsets in the unchanged head and tail map one-to-one between the texts.
 */

export const BLOCK_SEPARATOR = '\n\n';

export type ChangeKind = 'same' | 'appended' | 'prepended' | 'removed' | 'changed';

export interface ArticleDiff {
  kind: ChangeKind;
  /** Leading blocks equal in both texts. */
  headBlocks: number;
  /** Trailing blocks equal in both texts (not overlapping the head). */
  tailBlocks: number;
  /** Blocks of the old text between head and tail (gone or replaced). */
  removedBlocks: number;
  /** Blocks of the new text between head and tail (new or replacing). */
  addedBlocks: number;
  /** [0, headChars) is the same text in both. */
  headChars: number;
  /** old[oldTail..] equals new[newTail..]. */
  oldTail: number;
  newTail: number;
  /** Characters of new text between head and tail: roughly what the engine has to look at afresh. */
  addedChars: number;
}

interface Block {
  start: number;
  end: number;
}

function blocksOf(text: string): Block[] {
  const out: Block[] = [];
  let start = 0;
  for (;;) {
    const i = text.indexOf(BLOCK_SEPARATOR, start);
    if (i === -1) break;
    out.push({ start, end: i });
    start = i + BLOCK_SEPARATOR.length;
  }
  out.push({ start, end: text.length });
  return out;
}

function sameBlock(a: string, ab: Block, b: string, bb: Block): boolean {
  const len = ab.end - ab.start;
  return len === bb.end - bb.start && a.startsWith(b.slice(bb.start, bb.end), ab.start);
}

export function diffArticleText(oldText: string, newText: string): ArticleDiff {
  if (oldText === newText) {
    return { kind: 'same', headBlocks: 0, tailBlocks: 0, removedBlocks: 0, addedBlocks: 0, headChars: newText.length, oldTail: oldText.length, newTail: newText.length, addedChars: 0 };
  }
  const ob = oldText ? blocksOf(oldText) : [];
  const nb = newText ? blocksOf(newText) : [];
  let head = 0;
  while (head < ob.length && head < nb.length && sameBlock(oldText, ob[head]!, newText, nb[head]!)) head++;
  let tail = 0;
  while (tail < ob.length - head && tail < nb.length - head && sameBlock(oldText, ob[ob.length - 1 - tail]!, newText, nb[nb.length - 1 - tail]!)) tail++;
  const removed = ob.length - head - tail;
  const added = nb.length - head - tail;
  // Offsets: the head ends after its last block's separator; the tail starts at its first block.
  const headChars = head ? nb[head - 1]!.end : 0;
  const oldTail = tail ? ob[ob.length - tail]!.start : oldText.length;
  const newTail = tail ? nb[nb.length - tail]!.start : newText.length;
  const addedChars = added ? nb[head + added - 1]!.end - nb[head]!.start : 0;
  let kind: ChangeKind = 'changed';
  if (removed === 0 && tail === 0) kind = 'appended';
  else if (removed === 0 && head === 0) kind = 'prepended';
  else if (added === 0) kind = 'removed';
  return { kind, headBlocks: head, tailBlocks: tail, removedBlocks: removed, addedBlocks: added, headChars, oldTail, newTail, addedChars };
}
