/**
 * Layout wrappers that read like furniture: a class such as
 * "contentWithSidebar" or "has-related" on the element that holds most of
 * the page's prose in sibling paragraphs would make the whole story junk.
 * Run once over the scanned blocks.
 */
import type { Block } from './blocks.ts';

/**
 * A class that reads like furniture on an element that holds most of the
 * page's prose is a layout wrapper ("contentWithSidebar", "has-related"), not
 * furniture: its own verdict is withdrawn (junk inside it stays junk).
 */
export function unjunkWrappers(blocks: Block[]): void {
  let prose = 0;
  const byEl = new Map<Element, [number, number]>();
  for (const b of blocks) {
    if (b.heading > 0 || b.weight < 80 || b.linkChars / b.text.length > 0.35) continue;
    prose += b.text.length;
    for (const e of b.junkBy) {
      const c = byEl.get(e);
      if (c) {
        c[0] += b.text.length;
        c[1]++;
      } else byEl.set(e, [b.text.length, 1]);
    }
  }
  const wrappers = new Set<Element>();
  for (const [e, [chars, paras]] of byEl) if (paras >= 3 && chars >= 500 && chars > 0.5 * prose) wrappers.add(e);
  if (wrappers.size === 0) return;
  // A story's paragraphs are mostly siblings; a rail of teaser cards puts each description under its own parent.
  for (const w of [...wrappers]) {
    const byParent = new Map<Element | null, number>();
    let total = 0;
    for (const b of blocks) {
      if (!b.junkBy.includes(w) || b.heading > 0 || b.weight < 80) continue;
      const p = b.owner.parentElement;
      byParent.set(p, (byParent.get(p) ?? 0) + b.text.length);
      total += b.text.length;
    }
    if (Math.max(0, ...byParent.values()) < 0.5 * total) wrappers.delete(w);
  }
  if (wrappers.size === 0) return;
  for (const b of blocks) {
    if (b.junk && b.junkBy.length > 0 && b.junkBy.every((e) => wrappers.has(e))) b.junk = false;
  }
}
