/**
 * Where the story's text ends: its paragraphs sit together in one group of
 * the page, and kept text outside that group is often other stories (snippet
 * streams around the article, a full article printed in a "latest news" box
 * after the story's share bar and related links).
 */
import type { Block } from './blocks.ts';
import { namesRelated } from './patterns.ts';

function ancestorAt(el: Element, level: number): Element | null {
  let e: Element | null = el;
  for (let i = 0; i < level && e; i++) e = e.parentElement;
  return e;
}

/** Text in list items weighs less when looking for the story's group: teaser streams are lists, story text rarely. */
function groupWeight(b: Block): number {
  return b.listItem ? 0.3 * b.text.length : b.text.length;
}

/**
 * The story's paragraphs sit together (siblings, or siblings one wrapper up).
 * A run of three or more kept paragraphs outside that group, each under a
 * parent of its own, is a stream of other stories' snippets around the
 * article (portal sidebars, "more news" feeds), not the story. So is a list
 * of linked snippets that comes before the story's group (a "breaking news"
 * ticker above the headline).
 */
export function dropStreams(kept: Block[], inRoot: readonly Block[]): Block[] {
  const prose = kept.filter((b) => b.heading === 0);
  const total = prose.reduce((n, b) => n + groupWeight(b), 0);
  let main: Element | null = null;
  for (let level = 1; level <= 3 && !main; level++) {
    const groups = new Map<Element, number>();
    for (const b of prose) {
      const a = ancestorAt(b.owner, level);
      if (a) groups.set(a, (groups.get(a) ?? 0) + groupWeight(b));
    }
    for (const [el, n] of groups) if (n > 0.5 * total) main = el;
  }
  if (!main) return kept;
  const group = main;
  const out: Block[] = [];
  let run: Block[] = [];
  let leading = true;
  const flushRun = (): void => {
    const paras = run.filter((b) => b.heading === 0);
    const parents = new Set(paras.map((b) => b.owner.parentElement));
    if (leading && isSnippetList(paras)) {
      // The list goes; a heading between it and the story (the story's own headline) stays.
      let lastItem = -1;
      for (let i = 0; i < run.length; i++) if (run[i]!.listItem) lastItem = i;
      out.push(...run.slice(lastItem + 1));
    } else if (paras.length < 3 || parents.size < paras.length) out.push(...run);
    run = [];
  };
  for (const b of kept) {
    if (group.contains(b.owner)) {
      flushRun();
      leading = false;
      out.push(b);
    } else run.push(b);
  }
  flushRun();
  return dropTrailingStory(out, inRoot, group);
}

/**
 * Three or more list items of snippet length that carry links (a linked
 * headline with its summary each). A story's own lists above its text (key
 * points, a table of contents) are short lines, or links without prose.
 */
function isSnippetList(paras: readonly Block[]): boolean {
  let items = 0;
  let chars = 0;
  let links = 0;
  for (const b of paras) {
    if (!b.listItem || b.text.length < 100) continue;
    items++;
    chars += b.text.length;
    links += b.linkChars;
  }
  return items >= 3 && items >= 0.8 * paras.length && links >= 0.1 * chars;
}

/** Furniture between two blocks that ends a story: a share bar, related links, tags, an ad label or two. */
const END_FURNITURE_BLOCKS = 4;
const END_FURNITURE_CHARS = 200;

/**
 * Once the story's paragraph group has ended and a stretch of furniture has
 * followed (share bar, related links, tag list, ads), a heading with
 * paragraphs of its own outside the group starts another story: a "latest
 * news" box that prints an article in full, the next article of an endless
 * page. That heading and everything kept after it go. A story split around
 * a single ad slot is not cut: one ad label is not a stretch of furniture.
 */
function dropTrailingStory(kept: Block[], inRoot: readonly Block[], group: Element): Block[] {
  let last = -1;
  for (let i = 0; i < kept.length; i++) if (group.contains(kept[i]!.owner)) last = i;
  if (last < 0 || last >= kept.length - 3) return kept;
  const end = kept[last]!.index;
  // Furniture counted from the story's end up to each candidate; candidates come in document order,
  // so one pointer walks inRoot once.
  let at = 0;
  while (at < inRoot.length && inRoot[at]!.index <= end) at++;
  let blocks = 0;
  let chars = 0;
  for (let i = last + 1; i < kept.length - 2; i++) {
    const h = kept[i]!;
    if (h.heading === 0 || group.contains(h.owner)) continue;
    // Its own paragraphs: at least two, under one parent, straight after the heading.
    const a = kept[i + 1]!;
    const b = kept[i + 2]!;
    if (a.heading > 0 || b.heading > 0 || a.owner.parentElement !== b.owner.parentElement || group.contains(a.owner)) continue;
    for (; at < inRoot.length && inRoot[at]!.index < h.index; at++) {
      const x = inRoot[at]!;
      if (x.junk) {
        blocks++;
        chars += x.text.length;
      }
    }
    if (blocks >= END_FURNITURE_BLOCKS && chars >= END_FURNITURE_CHARS) return kept.slice(0, i);
  }
  return kept;
}


/**
 * A heading whose own class names related content ("You may also like",
 * class "relatedpoststitle") labels what follows it in its parent: those
 * blocks are other stories, however long their excerpts. Not when the
 * parent holds kept story text before the heading (a "related" label in
 * the middle of the story's own container is followed by the story again).
 */
export function dropRelatedSections(kept: Block[], inRoot: readonly Block[]): Block[] {
  let drop: Set<Block> | null = null;
  for (let i = 0; i < inRoot.length; i++) {
    const h = inRoot[i]!;
    if (h.heading === 0 || !h.junk || h.junkBy[h.junkBy.length - 1] !== h.owner || !namesRelated(h.owner)) continue;
    const parent = h.owner.parentElement;
    if (!parent || kept.some((b) => b.index < h.index && parent.contains(b.owner))) continue;
    let j = i + 1;
    for (; j < inRoot.length && parent.contains(inRoot[j]!.owner); j++) (drop ??= new Set()).add(inRoot[j]!);
    i = j - 1;
  }
  return drop ? kept.filter((b) => !drop.has(b)) : kept;
}
