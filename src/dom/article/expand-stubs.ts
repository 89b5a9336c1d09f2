/**
 * The second half of a stub-mode scan (blocks.ts, Stubs): the furniture
 * subtrees that were only counted while the body container was chosen are
 * walked now if they lie inside it (an article's own <header> with its
 * byline, a <figure> with a credit, a <footer> with "RND/dpa"), and the
 * container's figures are recounted from the real blocks. What the
 * extraction returns then rests on the same blocks as a full walk would
 * give; only the choice among containers saw the stubs' estimated sizes.
 */
import { expandStub, type Block, type Stubs } from './blocks.ts';
import { addBlock, blockValue, emptyStats, isProse, sumStats, type BodyChoice } from './body.ts';

export interface Expanded {
  blocks: Block[];
  choice: BodyChoice;
}

/** Walks the stubs inside choice.inRoot; returns the inputs unchanged when there are none. */
export function expandChoice(blocks: Block[], choice: BodyChoice, stubs: Stubs): Expanded {
  if (stubs.size === 0 || !choice.inRoot.some((b) => stubs.has(b))) return { blocks, choice };
  const inRootSet = new Set(choice.inRoot);
  const all: Block[] = [];
  const inRoot: Block[] = [];
  for (const b of blocks) {
    const ctx = inRootSet.has(b) ? stubs.get(b) : undefined;
    const list = ctx ? expandStub(b, ctx) : [b];
    for (const x of list) {
      x.index = all.length;
      all.push(x);
      if (inRootSet.has(b)) inRoot.push(x);
    }
  }
  return { blocks: all, choice: { ...choice, inRoot, stats: recount(inRoot, choice.members) } };
}

/** The container's stats from its blocks, summed per member in member order as chooseBody sums them. */
function recount(inRoot: Block[], members: Element[]) {
  const per = members.map(() => emptyStats());
  for (const b of inRoot) {
    const i = members.findIndex((m) => m === b.owner || m.contains(b.owner));
    if (i >= 0) addBlock(per[i]!, b, blockValue(b), isProse(b));
  }
  return members.length === 1 ? per[0]! : sumStats(per);
}
