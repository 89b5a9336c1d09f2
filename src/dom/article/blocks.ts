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
  /** The block's raw text so far (concatenation builds a rope; collapse() flattens it once). */
  raw: string;
  linkChars: number;
  lastWasBreak: boolean;
}

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

function collect(el: Element, tag: string, parts: PageParts, a: AttrInfo | null): void {
  if (tag === 'meta') parts.metas.push(el);
  else if (tag === 'script') {
    if (a && (a.type ?? '').toLowerCase() === 'application/ld+json') parts.ldJson.push(el);
    return;
  } else if (tag === 'time') {
    if (a?.datetime) parts.times.push(el);
  } else if (tag === 'h1') parts.h1 ??= el;
  else if (tag === 'title') parts.title ??= el;
  if (a?.microdata) parts.microdata.push(el);
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

/**
 * What one element's attributes say, read with one getAttributeNames() call
 * and a getAttribute() per attribute that matters: most elements carry one
 * or two attributes, so this replaces about ten DOM calls per element (the
 * hidden/junk/microdata/link checks each used to ask for their attributes).
 * Names are matched exactly in lower case, which is what getAttribute(name)
 * sees in an HTML document (Chromium lower-cases names; linkedom keeps them
 * as written and its getAttribute does not find the upper-case ones either).
 */
interface AttrInfo {
  cls: string | null;
  /** id or role present: the junk verdict depends on more than the class. */
  idOrRole: boolean;
  /** hidden, aria-hidden or style present: isHiddenElement must look. */
  mayHide: boolean;
  microdata: boolean;
  href: string | null;
  datetime: boolean;
  type: string | null;
}

/** Fills `out` from el's attributes; false when it has none (one call either way: no hasAttributes() first). */
function readAttrs(el: Element, out: AttrInfo): boolean {
  const names = el.getAttributeNames();
  if (names.length === 0) return false;
  out.cls = null;
  out.idOrRole = false;
  out.mayHide = false;
  out.microdata = false;
  out.href = null;
  out.datetime = false;
  out.type = null;
  for (let i = 0; i < names.length; i++) {
    switch (names[i]) {
      case 'class': out.cls = el.getAttribute('class'); break;
      case 'id': case 'role': out.idOrRole = true; break;
      case 'hidden': case 'aria-hidden': case 'style': out.mayHide = true; break;
      case 'itemprop': case 'itemtype': out.microdata = true; break;
      case 'href': out.href = el.getAttribute('href'); break;
      case 'datetime': out.datetime = true; break;
      case 'type': out.type = el.getAttribute('type'); break;
    }
  }
  return true;
}

/** Tags whose junk verdict isJunkElement decides by tag before it reads any class word. */
const VERDICT_BY_TAG = new Set(['body', 'html', 'main', 'article']);

const K_SKIP = 1;
const K_BLOCK = 2;
const K_JUNK_TAG = 4;
const K_STRUCTURAL = 8;
const K_VERDICT_BY_TAG = 16;
/** Tag name → its K_* bits: one map lookup per element instead of four set lookups (a memo of fixed tables). */
const tagKinds = new Map<string, number>();

function kindOf(tag: string): number {
  let k = tagKinds.get(tag);
  if (k === undefined) {
    k = (SKIP_TAGS.has(tag) ? K_SKIP : 0) | (BLOCK_TAGS.has(tag) ? K_BLOCK : 0) | (JUNK_TAGS.has(tag) ? K_JUNK_TAG : 0) |
      (isStructuralJunk(tag) ? K_STRUCTURAL : 0) | (VERDICT_BY_TAG.has(tag) ? K_VERDICT_BY_TAG : 0);
    // Pages can invent any number of custom element names; the memo only keeps the first thousand.
    if (tagKinds.size < 1000) tagKinds.set(tag, k);
  }
  return k;
}

/**
 * The walk behind scanBlocks as an explicit stack, so it can stop after any
 * node and resume later (extractArticleAsync yields to the page between slices);
 * run to the end in one go it is the synchronous scan. The stack is three
 * parallel arrays (no object per element), and the class-word junk verdict
 * is computed once per distinct class string: pages repeat a few hundred
 * class strings over thousands of elements.
 */
export class BlockScanner {
  private readonly blocks: Block[] = [];
  private open: Open | null = null;
  private readonly nexts: Array<ChildNode | null> = [];
  private readonly ctxs: Ctx[] = [];
  private readonly closes: boolean[] = [];
  private depth = 0;
  private readonly attrs: AttrInfo = { cls: null, idOrRole: false, mayHide: false, microdata: false, href: null, datetime: false, type: null };
  /** Class string → isJunkElement verdict, for elements whose verdict depends on the class alone. */
  private readonly classJunk = new Map<string, boolean>();

  constructor(root: Element, private readonly relaxed: boolean, private readonly parts: PageParts | null) {
    const ctx: Ctx = { owner: root, junk: false, junkBy: [], tagJunk: false, link: false, heading: 0, listItem: false, quote: false };
    this.push(root.firstChild, ctx, false);
  }

  private push(next: ChildNode | null, ctx: Ctx, closes: boolean): void {
    const d = this.depth++;
    this.nexts[d] = next;
    this.ctxs[d] = ctx;
    this.closes[d] = closes;
  }

  /** Walk until done (true) or until `due()` says the slice is over (false); `due` is asked every 64 nodes. */
  run(due: (() => boolean) | null): boolean {
    const nexts = this.nexts;
    const ctxs = this.ctxs;
    const parts = this.parts;
    const a = this.attrs;
    let count = 0;
    while (this.depth > 0) {
      if (due && (++count & 63) === 0 && due()) return false;
      const d = this.depth - 1;
      const child = nexts[d]!;
      if (!child) {
        this.depth = d;
        nexts[d] = null;
        if (this.closes[d]) this.flush();
        continue;
      }
      nexts[d] = child.nextSibling;
      const ctx = ctxs[d]!;
      const type = child.nodeType;
      if (type === 3) {
        this.addText(child as Text, ctx);
        continue;
      }
      if (type !== 1) continue;
      const c = child as Element;
      const tag = c.localName;
      const hasAttrs = readAttrs(c, a);
      if (parts) {
        collect(c, tag, parts, hasAttrs ? a : null);
        if (tag === 'script') continue;
      }
      if (tag === 'head') {
        this.push(c.firstChild, { ...ctx, junk: true, tagJunk: true }, false);
        continue;
      }
      const kind = kindOf(tag);
      if ((kind & K_SKIP) !== 0 || (hasAttrs && a.mayHide && isHiddenElement(c))) continue;
      if (tag === 'br') {
        const open = this.open;
        if (open) {
          if (open.lastWasBreak) this.flush();
          else {
            open.items.push(null);
            open.raw += ' ';
            open.lastWasBreak = true;
          }
        }
        continue;
      }
      const structural = (kind & K_STRUCTURAL) !== 0;
      const own = structural || (!this.relaxed && ((kind & K_JUNK_TAG) !== 0 || (hasAttrs && this.junkByMarkup(c, kind, a))));
      const junk = ctx.junk || own;
      if ((kind & K_BLOCK) !== 0) {
        this.flush();
        const tagJunk = ctx.tagJunk || structural;
        const junkBy = own && !structural ? [...ctx.junkBy, c] : ctx.junkBy;
        const h = headingLevel(tag, ctx.heading);
        const listItem = ctx.listItem || tag === 'li';
        const quote = ctx.quote || tag === 'blockquote';
        this.push(c.firstChild, { owner: c, junk, junkBy, tagJunk, link: ctx.link, heading: h, listItem, quote }, true);
      } else {
        // Inline junk (a share button, a screen-reader label) drops out of its block; blocks stay whole otherwise.
        if (junk && !ctx.junk) continue;
        // In-page anchors (section permalinks, footnotes) are not links away from the story.
        const link = ctx.link || (tag === 'a' && hasAttrs && isOutboundHref(a.href));
        this.push(c.firstChild, link === ctx.link ? ctx : { ...ctx, link }, false);
      }
    }
    return true;
  }

  /** isJunkElement for an element with attributes, cached by class string when nothing else can decide. */
  private junkByMarkup(c: Element, kind: number, a: AttrInfo): boolean {
    // isJunkElement reads role, class and id: without any of them no class word can make it junk.
    if (a.cls === null && !a.idOrRole) return false;
    const tag = c.localName;
    if (a.idOrRole || a.cls === null || (kind & K_VERDICT_BY_TAG) !== 0) return isJunkElement(c, tag);
    let v = this.classJunk.get(a.cls);
    if (v === undefined) {
      v = isJunkElement(c, tag);
      this.classJunk.set(a.cls, v);
    }
    return v;
  }

  /** The blocks, once run() returned true. */
  finish(): Block[] {
    this.flush();
    unjunkWrappers(this.blocks);
    return this.blocks;
  }

  private addText(t: Text, ctx: Ctx): void {
    const data = t.data;
    const visible = trimmedLength(data);
    if (this.open && this.open.ctx.owner !== ctx.owner) this.flush();
    let open = this.open;
    if (!open) {
      if (visible === 0) return;
      open = { ctx, items: [], raw: '', linkChars: 0, lastWasBreak: false };
      this.open = open;
    }
    open.items.push(t);
    open.raw += data;
    if (visible > 0) {
      if (ctx.link) open.linkChars += visible;
      open.lastWasBreak = false;
    }
  }

  private flush(): void {
    const o = this.open;
    if (!o) return;
    this.open = null;
    const text = collapse(o.raw);
    if (text.length === 0) return;
    while (o.items.length > 0 && o.items[o.items.length - 1] === null) o.items.pop();
    const blocks = this.blocks;
    const alpha = measure(text);
    blocks.push({
      owner: o.ctx.owner, items: o.items, text, weight: text.length + 2 * measuredCjk, alpha, linkChars: Math.min(o.linkChars, text.length), junk: o.ctx.junk, junkBy: o.ctx.tagJunk ? [] : o.ctx.junkBy,
      heading: o.ctx.heading, listItem: o.ctx.listItem, quote: o.ctx.quote, index: blocks.length,
    });
  }
}

/** JavaScript's \s (also what String.prototype.trim strips). */
function isJsSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/** data.trim().length without building the trimmed string (0 for whitespace-only text). */
function trimmedLength(data: string): number {
  let a = 0;
  let b = data.length;
  while (a < b && isJsSpace(data.charCodeAt(a))) a++;
  while (b > a && isJsSpace(data.charCodeAt(b - 1))) b--;
  return b - a;
}

const MULTI_SPACE = /\s\s|[\t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
/** MULTI_SPACE or a dropped character. */
const NEEDS_COLLAPSE = /\s\s|[\t\n\r\f\v\u00a0\u00ad\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]/;

/** Drop invisible characters, collapse whitespace, trim; skips the regex passes when there is nothing to do. */
function collapse(raw: string): string {
  // One test for the common case: nothing to drop and no whitespace run, only the ends to trim.
  if (!NEEDS_COLLAPSE.test(raw)) return raw.trim();
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

/** CJK characters counted by the last measure() call (a module scratch value: no object per block). */
let measuredCjk = 0;

/**
 * Share of letters among the non-space characters (ASCII art, tables of
 * numbers and code score low), and in `measuredCjk` the CJK characters,
 * which weigh three in thresholds (a word each, no spaces between): one
 * pass over the text for both.
 */
function measure(text: string): number {
  let letters = 0;
  let visible = 0;
  let cjk = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) continue;
    visible++;
    if (c < 0xc0) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
      continue;
    }
    // Everything above Latin-1 punctuation (accented and non-Latin letters) counts as a letter.
    if (c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f) && !(c >= 0xff00 && c <= 0xff0f)) letters++;
    if ((c >= 0x2e80 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef)) cjk++;
  }
  measuredCjk = cjk;
  return letters / Math.max(1, visible);
}

function isOutboundHref(href: string | null): boolean {
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
