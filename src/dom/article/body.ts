/**
 * Choosing the body: every block votes for the elements around it (story-like
 * prose for, links/furniture/short fragments against), the element with the
 * best balance is the body container, and inside it the blocks that read
 * like story text are kept in document order. Scores are sums over blocks,
 * so the search is one pass up the ancestor chains.
 */
import { isJsSpace } from './block-text.ts';
import type { Block } from './blocks.ts';
import { isBodyHint } from './patterns.ts';

export interface BodyStats {
  /** Σ block values (story text minus weighted furniture). */
  score: number;
  /** Characters in story-like paragraphs. */
  good: number;
  /** Number of story-like paragraphs. */
  paras: number;
  /** All characters. */
  total: number;
  links: number;
}

export interface BodyChoice {
  root: Element;
  stats: BodyStats;
  /** Blocks whose owner lies in root, document order. */
  inRoot: Block[];
  /** The body container was marked by itemprop/class (articleBody, article-body, entry-content…). */
  hinted: boolean;
  /** The container, or the sibling containers the story is split over (then root is their parent). */
  members: Element[];
}

/** Characters a sentence-shaped block ends with (a set of code units: no regex on this per-block path). */
const END_PUNCT = new Set(Array.from('.!?…:;"“”»«\')]。！？」』', (c) => c.charCodeAt(0)));

function endsSentence(text: string): boolean {
  return text.length > 0 && END_PUNCT.has(text.charCodeAt(text.length - 1));
}

function hasSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isJsSpace(text.charCodeAt(i))) return true;
  return false;
}

/** Story-like prose: long enough or sentence-shaped, few links, not furniture. */
export function isProse(b: Block): boolean {
  if (b.junk || b.heading > 0) return false;
  const ld = b.linkChars / b.text.length;
  if (ld > 0.35 || b.alpha < 0.5) return false;
  const w = b.weight;
  return w >= 80 || (w >= 25 && endsSentence(b.text) && (hasSpace(b.text) || w > b.text.length));
}

export function blockValue(b: Block): number {
  const len = b.text.length;
  if (b.junk) return -0.5 * len;
  // Prose inside list items is mostly teaser cards in streams; story paragraphs are rarely <li>.
  if (isProse(b)) return (b.listItem ? 0.3 : 1) * (len - b.linkChars);
  if (b.heading > 0) return 0;
  return -(0.6 * b.linkChars + 0.2 * (len - b.linkChars));
}

export function emptyStats(): BodyStats {
  return { score: 0, good: 0, paras: 0, total: 0, links: 0 };
}

/** Adds one block's votes to a container's stats. */
export function addBlock(s: BodyStats, b: Block, v: number, prose: boolean): void {
  s.score += v;
  s.total += b.text.length;
  s.links += b.linkChars;
  if (prose) {
    s.good += b.text.length;
    s.paras++;
  }
}

/** The stats of sibling containers taken as one. */
export function sumStats(list: readonly BodyStats[]): BodyStats {
  const merged = emptyStats();
  for (const s of list) {
    merged.score += s.score;
    merged.good += s.good;
    merged.paras += s.paras;
    merged.total += s.total;
    merged.links += s.links;
  }
  return merged;
}

/** The best body container, in one go. */
export function chooseBody(blocks: Block[], scope: Element): BodyChoice | null {
  const steps = chooseBodySteps(blocks, scope, null);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Blocks (or stats entries) between two looks at the clock in the sliced run. */
const CHECK_EVERY = 256;

/**
 * chooseBody as a generator that yields whenever `due` says the time slice
 * is used up (extractArticleAsync): on a page of 100,000 nodes the walk up
 * the ancestor chains alone is a task of well over 10 ms.
 */
export function* chooseBodySteps(blocks: Block[], scope: Element, due: (() => boolean) | null): Generator<void, BodyChoice | null> {
  const stats = new Map<Element, BodyStats>();
  for (let i = 0; i < blocks.length; i++) {
    if (due && (i + 1) % CHECK_EVERY === 0 && due()) yield;
    const b = blocks[i]!;
    const v = blockValue(b);
    const prose = isProse(b);
    for (let el: Element | null = b.owner; el; el = el.parentElement) {
      let s = stats.get(el);
      if (!s) {
        s = emptyStats();
        stats.set(el, s);
      }
      addBlock(s, b, v, prose);
      if (el === scope) break;
    }
  }
  if (due?.()) yield;
  let winner: [Element, BodyStats] | undefined;
  let seen = 0;
  for (const [el, s] of stats) {
    if (due && ++seen % CHECK_EVERY === 0 && due()) yield;
    if (s.good === 0) continue;
    // On a tie the inner element wins: a wrapper adds nothing.
    if (!winner || s.score > winner[1].score || (s.score === winner[1].score && s.good === winner[1].good && winner[0].contains(el))) {
      winner = [el, s];
    }
  }
  if (!winner) return null;
  if (due?.()) yield;
  let [best, bestStats] = winner;
  // A container the markup names as the body wins when it holds (nearly) the same story text.
  let hinted = false;
  const hintedCandidates: Array<[Element, BodyStats]> = [];
  seen = 0;
  for (const [el, s] of stats) {
    if (due && ++seen % CHECK_EVERY === 0 && due()) yield;
    if (s.good < 0.8 * bestStats.good || !isBodyHint(el)) continue;
    if (el !== best && !best.contains(el) && !el.contains(best)) continue;
    if (el.contains(best) && el !== best && s.score < 0.9 * bestStats.score) continue;
    hintedCandidates.push([el, s]);
  }
  let top: [Element, BodyStats] | undefined;
  for (const c of hintedCandidates) {
    if (!top || c[1].good > top[1].good || (c[1].good === top[1].good && c[0].contains(top[0]))) top = c;
  }
  if (top) {
    best = top[0];
    bestStats = top[1];
    hinted = true;
  }
  // Stories split over sibling containers (an ad or a "continue reading" slot between two body divs):
  // siblings with substantial prose join, as Readability does.
  const members = [best];
  const parent = best.parentElement;
  if (parent && parent !== scope) {
    const threshold = Math.max(150, 0.15 * bestStats.score);
    for (let sib = parent.firstElementChild; sib; sib = sib.nextElementSibling) {
      if (sib === best) continue;
      const s = stats.get(sib);
      if (!s || s.good === 0 || s.good / s.total < 0.6) continue;
      const sameKind = sib.localName === best.localName && sib.getAttribute('class') === best.getAttribute('class');
      if (s.score >= (sameKind ? 0.3 * threshold : threshold)) members.push(sib);
    }
  }
  if (due?.()) yield;
  if (members.length === 1) {
    const root = best;
    const inRoot: Block[] = [];
    for (let i = 0; i < blocks.length; i++) {
      if (due && (i + 1) % CHECK_EVERY === 0 && due()) yield;
      const b = blocks[i]!;
      if (b.owner === root || root.contains(b.owner)) inRoot.push(b);
    }
    return { root, stats: bestStats, inRoot, hinted, members };
  }
  const merged = sumStats(members.map((m) => stats.get(m)!));
  // The story runs from the first member's first block to the last member's last one; what stands between
  // two members (a list of the story's items, an ad slot) is inside it and left to keepBodyBlocks to judge.
  let from = Infinity;
  let to = -1;
  for (let i = 0; i < blocks.length; i++) {
    if (due && (i + 1) % CHECK_EVERY === 0 && due()) yield;
    const b = blocks[i]!;
    if (!members.some((m) => m === b.owner || m.contains(b.owner))) continue;
    if (b.index < from) from = b.index;
    to = b.index;
  }
  // Block indexes are positions in the scanned list, so the region is one slice of it.
  const inRoot = blocks[from]?.index === from ? blocks.slice(from, to + 1) : blocks.filter((b) => b.index >= from && b.index <= to);
  return { root: parent!, stats: merged, inRoot, hinted, members };
}
