/**
 * Inside the chosen container, which blocks are the story: paragraphs,
 * subheadings, block quotes and list items that read as text, in order.
 * Left out: furniture the markup marks, link lists ("read also"), labels
 * ("Anzeige", "Advertisement"), byline and date lines, and headings with
 * no story text under them. Credit lines ("RND/dpa/ngo") become metadata;
 * a closing one also stays as the story's last line.
 */
import type { Block } from './blocks.ts';
import { isProse } from './body.ts';
import { parseCreditLine } from './credits.ts';
import { dropRelatedSections, dropStreams } from './keep-streams.ts';
import { isBylineLine, isDateLine, isLabel } from './line-shapes.ts';

export interface KeptBody {
  blocks: Block[];
  /** Credit lines taken out of the body, e.g. "RND/dpa/ngo". */
  creditLines: string[];
  /** Byline lines seen inside the body container ("Von Anna Meier"). */
  bylineLines: string[];
  /** The h1 inside the container, if any (a title candidate). */
  heading1: string | null;
  /** Characters of prose dropped as teaser summaries (text under a linked headline). */
  teaserChars: number;
}

export function keepBodyBlocks(inRoot: Block[]): KeptBody {
  const creditLines: string[] = [];
  const bylineLines: string[] = [];
  let heading1: string | null = null;
  const kept: Block[] = [];
  /** Blocks left out only for their shape (short, linked, code-like): candidates for in-story structure. */
  const undecided: Block[] = [];
  let teaserChars = 0;
  // Under a headline that is a link, short prose is a teaser summary of another story (homepages, related rails).
  const teasers = teaserBlocks(inRoot);
  const cards = cardListBlocks(inRoot);
  for (const b of inRoot) {
    const t = b.text;
    const len = t.length;
    if (b.heading === 1) {
      heading1 ??= t;
      continue;
    }
    if (teasers.has(b)) {
      teaserChars += len;
      continue;
    }
    if (cards.has(b)) continue;
    // Photo credits ("dpa" under a picture) credit the picture, not the text.
    if (len < 100 && !b.owner.closest('figure, figcaption') && parseCreditLine(t)) {
      creditLines.push(t);
      // A closing credit ("RND/dpa/ngo") is visible text of the story that names
      // its agencies: keep it, so readers see those organisations marked too.
      if (kept.length > 0) kept.push(b);
      continue;
    }
    if (b.junk) {
      if (len < 120 && isBylineLine(t)) bylineLines.push(t);
      continue;
    }
    const ld = b.linkChars / len;
    if (b.heading > 0) {
      if (len <= 200 && ld < 0.5 && !isLabel(t)) kept.push(b);
      continue;
    }
    if (len < 120 && isBylineLine(t) && !END_SENTENCE.test(t)) {
      bylineLines.push(t);
      continue;
    }
    if (len < 60 && (isLabel(t) || isDateLine(t))) continue;
    if (isProse(b)) {
      kept.push(b);
      continue;
    }
    // Short text: a list item or quote with few links, or a sentence-shaped line.
    if (ld <= 0.3 && (b.listItem || b.quote) && len >= 15) kept.push(b);
    else if (ld <= 0.3 && b.weight >= 15 && END_SENTENCE.test(t) && (/\s/.test(t) || b.weight > len)) kept.push(b);
    else undecided.push(b);
  }
  const story = withInStoryStructure(kept, undecided);
  return { blocks: dropOrphanHeadings(dropStreams(dropRelatedSections(story, inRoot), inRoot)), creditLines, bylineLines, heading1, teaserChars };
}

/**
 * Lists, tables, preformatted blocks and formulas that stand between the
 * story's first and last paragraph are part of it (a list of demands, a
 * results table, a code sample, a displayed equation, a short line among the
 * story's own paragraphs), even when
 * their items are short or carry links. Left out:
 * lists that are mostly link text ("read also" between paragraphs, with or
 * without kickers) and layout tables (a table that holds the story's own
 * paragraphs and has no header cells).
 */
function withInStoryStructure(kept: Block[], undecided: Block[]): Block[] {
  const prose = kept.filter((b) => b.heading === 0 && isProse(b));
  const first = prose[0];
  const last = prose[prose.length - 1];
  if (!first || !last || undecided.length === 0) return kept;
  const layoutTables = new Set<Element>();
  for (const b of prose) {
    const t = nearest(b.owner, TABLE);
    if (t) layoutTables.add(t);
  }
  // Header cells make a data table (a filmography with description cells), even when some cells are prose.
  const dataTables = new Set<Element>();
  for (const b of [...kept, ...undecided]) {
    if (b.owner.localName !== 'th') continue;
    const t = nearest(b.owner, TABLE);
    if (t) dataTables.add(t);
  }
  // Link density per list over all its blocks: teaser lists ("Kicker: linked headline") are mostly links.
  const listLinks = new Map<Element, [number, number]>();
  for (const b of [...kept, ...undecided]) {
    if (!b.listItem) continue;
    const list = nearest(b.owner, LIST);
    if (!list) continue;
    const e = listLinks.get(list) ?? [0, 0];
    e[0] += b.linkChars;
    e[1] += b.text.length;
    listLinks.set(list, e);
  }
  const proseParents = new Set(prose.map((b) => b.owner.parentElement));
  const add: Block[] = [];
  for (const b of undecided) {
    if (b.index <= first.index || b.index >= last.index || b.heading > 0) continue;
    const ld = b.linkChars / b.text.length;
    if (nearest(b.owner, PRE) || isFormula(b)) {
      add.push(b);
      continue;
    }
    const table = nearest(b.owner, TABLE);
    if (table) {
      if (dataTables.has(table) || !isInside(table, layoutTables)) add.push(b);
      continue;
    }
    // A short line among the story's own paragraphs (same parent), e.g. unpunctuated CJK photo-blog lines.
    if (b.owner.localName === 'p' && ld <= 0.3 && b.alpha >= 0.5 && proseParents.has(b.owner.parentElement)) {
      add.push(b);
      continue;
    }
    // A full sentence among the story's own paragraphs whose words are mostly a link (a live blog entry's
    // lead linked to the full report): the reader reads it as story text. Promos ("Read more: …") are labelled.
    if (b.owner.localName === 'p' && ld <= 0.85 && b.weight >= 100 && b.alpha >= 0.5 && END_SENTENCE.test(b.text) &&
      !isLabel(b.text) && proseParents.has(b.owner.parentElement)) {
      add.push(b);
      continue;
    }
    if (b.listItem && ld <= 0.9) {
      const list = nearest(b.owner, LIST);
      const links = list ? listLinks.get(list) : undefined;
      if (!links || links[0] <= 0.6 * links[1]) add.push(b);
    }
  }
  if (add.length === 0) return kept;
  return [...kept, ...add].sort((a, b) => a.index - b.index);
}

/** MathML elements that hold text (identifiers, operators, numbers, text, string literals). */
const MATH_TOKENS = new Set(['mi', 'mo', 'mn', 'mtext', 'ms']);

/**
 * A formula line: a third or more of the block's text sits in MathML token
 * elements (a displayed equation, or a short lead-in with its formula). Its
 * text is symbols and single letters, so it never reads as prose, yet it
 * belongs to the story as much as a table does.
 */
function isFormula(b: Block): boolean {
  let math = 0;
  let all = 0;
  for (const item of b.items) {
    if (item === null) continue;
    // Indentation between MathML elements is not text; only what a reader sees counts.
    const n = item.data.trim().length;
    all += n;
    const p = item.parentElement;
    if (p && MATH_TOKENS.has(p.localName)) math += n;
  }
  return all > 0 && 3 * math >= all;
}

/** The nearest ancestor-or-self with one of the tag names (a parent walk; selector matching is slow in linkedom). */
function nearest(el: Element, tags: ReadonlySet<string>): Element | null {
  for (let e: Element | null = el; e; e = e.parentElement) if (tags.has(e.localName)) return e;
  return null;
}

const PRE = new Set(['pre']);
const TABLE = new Set(['table']);
const LIST = new Set(['ul', 'ol']);
const LI = new Set(['li']);

function isInside(el: Element, set: Set<Element>): boolean {
  for (const t of set) if (t === el || t.contains(el) || el.contains(t)) return true;
  return false;
}

/**
 * Teaser summaries: the one short paragraph under a headline that links
 * elsewhere, in the same card, when the container has several such headlines (one linked
 * headline is a permalink title; a listicle's linked headings have whole
 * sections under them).
 */
function teaserBlocks(inRoot: Block[]): Set<Block> {
  const out = new Set<Block>();
  const headlines = inRoot.filter(isLinkedHeadline);
  if (headlines.length < 3) return out;
  for (let i = 0; i < inRoot.length; i++) {
    if (!isLinkedHeadline(inRoot[i]!)) continue;
    const section: Block[] = [];
    let j = i + 1;
    for (; j < inRoot.length && inRoot[j]!.heading === 0; j++) if (!inRoot[j]!.junk) section.push(inRoot[j]!);
    const chars = section.reduce((n, b) => n + b.text.length, 0);
    // A teaser card holds its headline and summary together; a linked headline dropped between two story
    // paragraphs (an inline "related" link) has no summary of its own.
    let card: Element | null = inRoot[i]!.owner.parentElement;
    const first = section[0];
    while (card && first && !card.contains(first.owner)) card = card.parentElement;
    const inCard = card != null && section.every((b) => card.contains(b.owner)) &&
      headlines.filter((h) => card.contains(h.owner)).length === 1;
    if (inCard && section.length <= 2 && chars < 400) for (const b of section) out.add(b);
    i = j - 1;
  }
  return out;
}

/**
 * Lists of cards: a <ul>/<ol> in which two or more items each carry their own
 * heading is a slideshow's legends, a "recommended" stream or a teaser rail.
 * Story lists (steps, bullet points, references) hold text, not headings.
 */
function cardListBlocks(inRoot: Block[]): Set<Block> {
  const headedItems = new Map<Element, Set<Element>>();
  const itemOf = new Map<Block, Element>();
  for (const b of inRoot) {
    if (!b.listItem) continue;
    const li = nearest(b.owner, LI);
    if (!li) continue;
    itemOf.set(b, li);
    const list = li.parentElement;
    if (b.heading === 0 || !list) continue;
    let items = headedItems.get(list);
    if (!items) headedItems.set(list, (items = new Set()));
    items.add(li);
  }
  const out = new Set<Block>();
  for (const [b, li] of itemOf) {
    const list = li.parentElement;
    if (list && (headedItems.get(list)?.size ?? 0) >= 2) out.add(b);
  }
  return out;
}

function isLinkedHeadline(b: Block): boolean {
  return b.heading > 1 && b.linkChars / b.text.length > 0.5;
}

const END_SENTENCE = /[.!?…"“”»«。！？」』]$/;

/** Subheadings are story text only when story text follows them before the next heading or the end. */
function dropOrphanHeadings(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.heading > 0) {
      const next = blocks[i + 1];
      if (!next || next.heading > 0) continue;
    }
    out.push(b);
  }
  return out;
}
