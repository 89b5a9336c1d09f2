/**
 * One read-only pass over the page that cuts its visible text into blocks
 * (the inline content of one block-level element between two block
 * boundaries), remembering for each block its Text nodes, how much of it is
 * link text, and whether markup marks it as furniture. Everything later
 * (choosing the body container, filtering, the text map) works on this list,
 * so the DOM is walked once and never touched.
 */
import { BLOCK_TAGS, JUNK_TAGS, SKIP_TAGS, isHiddenElement, isJunkElement } from './patterns.ts';

/** A piece of a block: a Text node, or a line break (null). */
export type BlockItem = Text | null;

export interface Block {
  /** The nearest block-level element around the text. */
  owner: Element;
  items: BlockItem[];
  /** Whitespace-collapsed, trimmed text (for classification; the text map is built separately). */
  text: string;
  /** Length for thresholds: CJK characters count three times (they carry a word each, with no spaces between). */
  weight: number;
  /** Share of letters among the characters (ASCII art, tables of numbers and code score low). */
  alpha: number;
  /** Characters inside <a>. */
  linkChars: number;
  /** Markup marks it as navigation, ad, teaser, comment, caption… */
  junk: boolean;
  /** The elements whose class/id/role made it junk (outermost first); empty when junk by tag only or not junk. */
  junkBy: readonly Element[];
  /** 1–6 for headings, 0 otherwise. */
  heading: number;
  /** Inside <li>. */
  listItem: boolean;
  /** Inside <blockquote>. */
  quote: boolean;
  /** Position in document order. */
  index: number;
}

interface Ctx {
  owner: Element;
  junk: boolean;
  junkBy: readonly Element[];
  /** Junk because of a structural tag (nav, aside, footer…), which is never overruled. */
  tagJunk: boolean;
  link: boolean;
  heading: number;
  listItem: boolean;
  quote: boolean;
}

interface Open {
  ctx: Ctx;
  items: BlockItem[];
  raw: string[];
  linkChars: number;
  lastWasBreak: boolean;
}

const NON_SPACE = /\S/;
const DROPPED = /[\u00ad\u200b\u2060\ufeff]/g;
const DROPPED_ANY = /[\u00ad\u200b\u2060\ufeff]/;

/** Elements the metadata reader needs, gathered during the same walk (one DOM pass instead of many selector queries). */
export interface PageParts {
  metas: Element[];
  ldJson: Element[];
  /** Elements with itemprop or itemtype. */
  microdata: Element[];
  times: Element[];
  h1: Element | null;
  title: Element | null;
}

export function emptyParts(): PageParts {
  return { metas: [], ldJson: [], microdata: [], times: [], h1: null, title: null };
}

function collect(el: Element, tag: string, parts: PageParts): void {
  if (tag === 'meta') parts.metas.push(el);
  else if (tag === 'script') {
    if ((el.getAttribute('type') ?? '').toLowerCase() === 'application/ld+json') parts.ldJson.push(el);
    return;
  } else if (tag === 'time') {
    if (el.hasAttribute('datetime')) parts.times.push(el);
  } else if (tag === 'h1') parts.h1 ??= el;
  else if (tag === 'title') parts.title ??= el;
  if (el.hasAttribute('itemprop') || el.hasAttribute('itemtype')) parts.microdata.push(el);
}

/**
 * Cut the page into text blocks. `relaxed` ignores class/id/role junk hints
 * (fallback for pages whose wrappers carry them); `parts` collects the
 * metadata elements on the way.
 */
export function scanBlocks(root: Element, relaxed = false, parts: PageParts | null = null): Block[] {
  const scanner = new BlockScanner(root, relaxed, parts);
  scanner.run(null);
  return scanner.finish();
}

/** One level of the walk: the next child to look at, and whether leaving it closes a block. */
interface Frame {
  next: ChildNode | null;
  ctx: Ctx;
  block: boolean;
}

/**
 * The walk behind scanBlocks as an explicit stack, so it can stop after any
 * node and resume later (extractArticleAsync yields to the page between slices);
 * run to the end in one go it is the synchronous scan.
 */
export class BlockScanner {
  private readonly blocks: Block[] = [];
  private open: Open | null = null;
  private readonly stack: Frame[] = [];

  constructor(root: Element, private readonly relaxed: boolean, private readonly parts: PageParts | null) {
    const ctx: Ctx = { owner: root, junk: false, junkBy: [], tagJunk: false, link: false, heading: 0, listItem: false, quote: false };
    this.stack.push({ next: root.firstChild, ctx, block: false });
  }

  /** Walk until done (true) or until `due()` says the slice is over (false); `due` is asked every 64 nodes. */
  run(due: (() => boolean) | null): boolean {
    const stack = this.stack;
    const parts = this.parts;
    let count = 0;
    while (stack.length > 0) {
      if (due && (++count & 63) === 0 && due()) return false;
      const frame = stack[stack.length - 1]!;
      const child = frame.next;
      if (!child) {
        stack.pop();
        if (frame.block) this.flush();
        continue;
      }
      frame.next = child.nextSibling;
      const ctx = frame.ctx;
      const type = child.nodeType;
      if (type === 3) {
        this.addText(child as Text, ctx);
        continue;
      }
      if (type !== 1) continue;
      const c = child as Element;
      const tag = c.localName;
      if (parts) collect(c, tag, parts);
      if (tag === 'head') {
        stack.push({ next: c.firstChild, ctx: { ...ctx, junk: true, tagJunk: true }, block: false });
        continue;
      }
      // Elements without attributes cannot be hidden or marked as furniture by class/id/role.
      const attrs = c.hasAttributes();
      if (SKIP_TAGS.has(tag) || (attrs && isHiddenElement(c))) continue;
      if (tag === 'br') {
        const open = this.open;
        if (open) {
          if (open.lastWasBreak) this.flush();
          else {
            open.items.push(null);
            open.raw.push(' ');
            open.lastWasBreak = true;
          }
        }
        continue;
      }
      const structural = isStructuralJunk(tag);
      const own = structural || (!this.relaxed && (JUNK_TAGS.has(tag) || (attrs && isJunkElement(c, tag))));
      const junk = ctx.junk || own;
      const tagJunk = ctx.tagJunk || structural;
      const junkBy = own && !structural ? [...ctx.junkBy, c] : ctx.junkBy;
      if (BLOCK_TAGS.has(tag)) {
        this.flush();
        const h = headingLevel(tag, ctx.heading);
        const listItem = ctx.listItem || tag === 'li';
        const quote = ctx.quote || tag === 'blockquote';
        stack.push({ next: c.firstChild, ctx: { owner: c, junk, junkBy, tagJunk, link: ctx.link, heading: h, listItem, quote }, block: true });
      } else {
        // In-page anchors (section permalinks, footnotes) are not links away from the story.
        const link = ctx.link || (tag === 'a' && isOutboundLink(c));
        // Inline junk (a share button, a screen-reader label) drops out of its block; blocks stay whole otherwise.
        if (junk && !ctx.junk) continue;
        stack.push({ next: c.firstChild, ctx: link === ctx.link ? ctx : { ...ctx, link }, block: false });
      }
    }
    return true;
  }

  /** The blocks, once run() returned true. */
  finish(): Block[] {
    this.flush();
    unjunkWrappers(this.blocks);
    return this.blocks;
  }

  private addText(t: Text, ctx: Ctx): void {
    const data = t.data;
    const blank = !NON_SPACE.test(data);
    if (this.open && this.open.ctx.owner !== ctx.owner) this.flush();
    let open = this.open;
    if (!open) {
      if (blank) return;
      open = { ctx, items: [], raw: [], linkChars: 0, lastWasBreak: false };
      this.open = open;
    }
    open.items.push(t);
    open.raw.push(data);
    if (!blank) {
      if (ctx.link) open.linkChars += data.trim().length;
      open.lastWasBreak = false;
    }
  }

  private flush(): void {
    const o = this.open;
    if (!o) return;
    this.open = null;
    const joined = o.raw.length === 1 ? o.raw[0]! : o.raw.join('');
    const text = collapse(joined);
    if (text.length === 0) return;
    while (o.items.length > 0 && o.items[o.items.length - 1] === null) o.items.pop();
    const blocks = this.blocks;
    blocks.push({
      owner: o.ctx.owner, items: o.items, text, weight: weightOf(text), alpha: alphaOf(text), linkChars: Math.min(o.linkChars, text.length), junk: o.ctx.junk, junkBy: o.ctx.tagJunk ? [] : o.ctx.junkBy,
      heading: o.ctx.heading, listItem: o.ctx.listItem, quote: o.ctx.quote, index: blocks.length,
    });
  }
}

const MULTI_SPACE = /\s\s|[\t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/** Drop invisible characters, collapse whitespace, trim; skips the regex passes when there is nothing to do. */
function collapse(raw: string): string {
  const dropped = DROPPED_ANY.test(raw) ? raw.replace(DROPPED, '') : raw;
  const collapsed = MULTI_SPACE.test(dropped) ? dropped.replace(/\s+/g, ' ') : dropped;
  return collapsed.trim();
}

function headingLevel(tag: string, inherited: number): number {
  if (tag.length === 2 && tag.charCodeAt(0) === 104) {
    const d = tag.charCodeAt(1) - 48;
    if (d >= 1 && d <= 6) return d;
  }
  return inherited;
}

const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/g;

function weightOf(text: string): number {
  const m = text.length > 0 && text.charCodeAt(0) < 0x2e80 && !/[\u2e80-\uffef]/.test(text) ? null : text.match(CJK);
  return text.length + 2 * (m?.length ?? 0);
}

function alphaOf(text: string): number {
  let letters = 0;
  let visible = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) continue;
    visible++;
    // ASCII letters, and everything above Latin-1 punctuation (accented and non-Latin letters) counts as a letter.
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f) && !(c >= 0xff00 && c <= 0xff0f))) letters++;
  }
  return letters / Math.max(1, visible);
}

function isOutboundLink(a: Element): boolean {
  const href = a.getAttribute('href');
  return href != null && href.length > 0 && href[0] !== '#' && !href.startsWith('javascript:');
}

function isStructuralJunk(tag: string): boolean {
  return tag === 'nav' || tag === 'footer' || tag === 'aside' || tag === 'figcaption' || tag === 'figure' || tag === 'menu' || tag === 'header';
}

/**
 * A class that reads like furniture on an element that holds most of the
 * page's prose is a layout wrapper ("contentWithSidebar", "has-related"), not
 * furniture: its own verdict is withdrawn (junk inside it stays junk).
 */
function unjunkWrappers(blocks: Block[]): void {
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
