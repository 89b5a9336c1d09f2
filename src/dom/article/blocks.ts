/**
 * One read-only pass over the page that cuts its visible text into blocks
 * (the inline content of one block-level element between two block
 * boundaries), remembering for each block its Text nodes, how much of it is
 * link text, and whether markup marks it as furniture. Everything later
 * (choosing the body container, filtering, the text map) works on this list,
 * so the DOM is walked once and never touched.
 */
import { collapse, measure, measuredCjk, trimmedLength } from './block-text.ts';
import { K_BLOCK, K_JUNK_TAG, K_PART, K_SKIP, K_STRUCTURAL, K_VERDICT_BY_TAG, kindOf, readAttrs, type AttrInfo } from './element-facts.ts';
import { isHiddenElement, isJunkElement, junkMemos, rememberBounded, SKIP_TAGS } from './patterns.ts';
import { unjunkWrappers } from './unjunk-wrappers.ts';

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

/** What the walk knows about the element it is inside (exported for stubs; fields are read-only by convention). */
export interface Ctx {
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

/**
 * Every Ctx comes from this one literal, so they share one object shape
 * (object spreads such as { ...ctx, link } made extra shapes per variant).
 * In Node's --trace-deopt the walk was then no longer among the functions
 * deoptimised after a garbage collection; Chromium still deoptimises it
 * (docs/article-extraction.md, round two).
 */
function makeCtx(owner: Element, junk: boolean, junkBy: readonly Element[], tagJunk: boolean, link: boolean, heading: number, listItem: boolean, quote: boolean): Ctx {
  return { owner, junk, junkBy, tagJunk, link, heading, listItem, quote };
}

interface Open {
  ctx: Ctx;
  items: BlockItem[];
  /** The block's raw text so far (concatenation builds a rope; collapse() flattens it once). */
  raw: string;
  linkChars: number;
  lastWasBreak: boolean;
}


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
 * A structural furniture subtree (nav, header, footer, aside, figure,
 * figcaption, menu) that a stub-mode scan counted without walking: every
 * block inside it would be junk that no later rule withdraws, so only its
 * size matters for choosing the body. The subtrees that end up inside the
 * chosen body are walked afterwards (expandStub), where their bylines,
 * credits and headings count.
 */
export type Stubs = Map<Block, Ctx>;

/**
 * What a stub must look at inside its subtree, as one selector: the elements
 * the walk never reads (skipped tags, and maybe-hidden elements, whose text
 * is subtracted) and the metadata parts (meta, JSON-LD, time, h1, title,
 * microdata). One native query per stub instead of one per purpose.
 */
const STUB_SELECTOR = [...SKIP_TAGS, 'time', 'h1', '[hidden]', '[aria-hidden="true"]', '[style]', '[itemprop]', '[itemtype]'].join(',');
const WHITESPACE_RUNS = /\s+/g;

function squeezedLength(text: string | null): number {
  return text ? text.replace(WHITESPACE_RUNS, ' ').trim().length : 0;
}

/**
 * Class string → isJunkElement verdict, for elements whose verdict depends on
 * the class string alone (no id or role, a tag that does not decide by
 * itself). Pages repeat a few hundred class strings over thousands of
 * elements, and a re-extraction of the same page (late content, a
 * single-page-app navigation) meets the same strings again, so the memo
 * outlives one scan; it is a pure function of the string, and bounded.
 * (It also saves the role, class and id reads that isJunkElement's own
 * memo, keyed by class and id together, still needs.)
 */
const CLASS_JUNK = new Map<string, boolean>();
junkMemos.push(CLASS_JUNK);

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
 * The walk behind scanBlocks as an explicit stack, so it can stop after any
 * node and resume later (extractArticleAsync yields to the page between slices);
 * run to the end in one go it is the synchronous scan. The stack is three
 * parallel arrays (no object per element), and the class-word junk verdict
 * is computed once per distinct class string (CLASS_JUNK).
 */
export class BlockScanner {
  /**
   * The latest instance, kept so that V8 keeps this class's instance shape:
   * the shape an instance reaches in its constructor is reachable only
   * through weak transitions, so once no instance is left a garbage
   * collection drops it, and every optimised method that checks for it is
   * thrown away ("embedded weak objects cleared" under --trace-deopt). A page
   * is scanned again on every change it makes, so the walk would otherwise
   * start unoptimised after each collection. finish() and takeStubs() empty
   * what the instance holds.
   */
  private static latest: BlockScanner | null = null;
  private blocks: Block[] = [];
  private open: Open | null = null;
  private readonly nexts: Array<ChildNode | null> = [];
  private readonly ctxs: Ctx[] = [];
  private readonly closes: boolean[] = [];
  private depth = 0;
  private readonly attrs: AttrInfo = { cls: null, idOrRole: false, mayHide: false, microdata: false, href: null, datetime: false, type: null };

  /** Stubbed structural subtrees (stub mode only). */
  stubs: Stubs = new Map();

  /**
   * `stubMode` counts furniture subtrees instead of walking them (see Stubs);
   * `rootCtx` walks a subtree as the full walk would have seen it (expandStub).
   */
  constructor(root: Element, private readonly relaxed: boolean, private readonly parts: PageParts | null, private readonly stubMode = false, rootCtx: Ctx | null = null) {
    const ctx = rootCtx ?? makeCtx(root, false, [], false, false, 0, false, false);
    this.push(root.firstChild, ctx, false);
    BlockScanner.latest = this;
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
      const kind = kindOf(tag);
      // Only a few tags, and elements with microdata, are metadata parts: most elements skip the call.
      if (parts && ((kind & K_PART) !== 0 || (hasAttrs && a.microdata))) {
        collect(c, tag, parts, hasAttrs ? a : null);
        if (tag === 'script') continue;
      }
      if (tag === 'head') {
        this.push(c.firstChild, makeCtx(ctx.owner, true, ctx.junkBy, true, ctx.link, ctx.heading, ctx.listItem, ctx.quote), false);
        continue;
      }
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
      // Under a structural tag every block is junk for good and keeps no junkBy, so class words decide nothing there.
      const own = structural || (!this.relaxed && !ctx.tagJunk && ((kind & K_JUNK_TAG) !== 0 || (hasAttrs && this.junkByMarkup(c, kind, a))));
      const junk = ctx.junk || own;
      if ((kind & K_BLOCK) !== 0) {
        this.flush();
        const tagJunk = ctx.tagJunk || structural;
        const junkBy = own && !structural ? [...ctx.junkBy, c] : ctx.junkBy;
        const h = headingLevel(tag, ctx.heading);
        const listItem = ctx.listItem || tag === 'li';
        const quote = ctx.quote || tag === 'blockquote';
        const inner = makeCtx(c, junk, junkBy, tagJunk, ctx.link, h, listItem, quote);
        if (structural && this.stubMode && !ctx.tagJunk) this.stub(c, inner);
        else this.push(c.firstChild, inner, true);
      } else {
        // Inline junk (a share button, a screen-reader label) drops out of its block; blocks stay whole otherwise.
        if (junk && !ctx.junk) continue;
        // In-page anchors (section permalinks, footnotes) are not links away from the story.
        const link = ctx.link || (tag === 'a' && hasAttrs && isOutboundHref(a.href));
        this.push(c.firstChild, link === ctx.link ? ctx : makeCtx(ctx.owner, ctx.junk, ctx.junkBy, ctx.tagJunk, link, ctx.heading, ctx.listItem, ctx.quote), false);
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
    let v = CLASS_JUNK.get(a.cls);
    if (v === undefined) {
      v = isJunkElement(c, tag);
      rememberBounded(CLASS_JUNK, a.cls, v);
    }
    return v;
  }

  /**
   * Count a structural subtree without walking it: one junk block as long as
   * the subtree's visible text (estimated natively; its text is that many
   * characters of the subtree's text, and only its length is read), and its
   * metadata elements by one selector.
   */
  private stub(c: Element, ctx: Ctx): void {
    const all = c.textContent ?? '';
    const n = this.readStub(c, squeezedLength(all));
    if (n === 0) return;
    const text = all.slice(0, n);
    const blocks = this.blocks;
    // weight 0: the wrapper test (unjunkWrappers) counts long prose blocks, and furniture seldom holds any.
    const b: Block = {
      owner: c, items: [], text, weight: 0, alpha: 0, linkChars: 0, junk: true, junkBy: [],
      heading: ctx.heading, listItem: ctx.listItem, quote: ctx.quote, index: blocks.length,
    };
    blocks.push(b);
    this.stubs.set(b, ctx);
  }

  /**
   * One pass over a stub's selector hits, in document order: the text of
   * each outermost unread element comes off `chars` (so the result is about
   * what the walk would have found: inline scripts and style sheets, icon
   * titles and hidden menus left out), and each metadata part the walk would
   * have reached (not inside an unread element) is collected.
   */
  private readStub(c: Element, chars: number): number {
    const parts = this.parts;
    if (chars === 0 && !parts) return 0;
    const a = this.attrs;
    const hits = c.querySelectorAll(STUB_SELECTOR);
    /** The last outermost unread element: hits inside it are neither read nor reached. */
    let unread: Element | null = null;
    for (let i = 0; i < hits.length; i++) {
      const el = hits[i]!;
      if (unread && unread.contains(el)) continue;
      const tag = el.localName;
      const kind = kindOf(tag);
      const hasAttrs = readAttrs(el, a);
      if (parts && ((kind & K_PART) !== 0 || (hasAttrs && a.microdata))) collect(el, tag, parts, hasAttrs ? a : null);
      if ((kind & K_SKIP) !== 0 || (hasAttrs && a.mayHide && isHiddenElement(el))) {
        chars -= squeezedLength(el.textContent);
        unread = el;
      }
    }
    return Math.max(0, chars);
  }

  /** The blocks, once run() returned true. */
  finish(): Block[] {
    this.flush();
    const blocks = this.blocks;
    unjunkWrappers(blocks);
    // Hold nothing of the page once done (see latest).
    this.blocks = [];
    this.ctxs.length = 0;
    this.nexts.length = 0;
    return blocks;
  }

  /** The stubs, handed over: the scanner keeps none. */
  takeStubs(): Stubs {
    const stubs = this.stubs;
    this.stubs = new Map();
    return stubs;
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

/**
 * The blocks a full walk would have made from a stubbed subtree (ctx as the
 * walk would have entered it), indexed from 0.
 */
export function expandStub(stub: Block, ctx: Ctx): Block[] {
  const scanner = new BlockScanner(stub.owner, false, null, false, ctx);
  scanner.run(null);
  return scanner.finish();
}

function headingLevel(tag: string, inherited: number): number {
  if (tag.length === 2 && tag.charCodeAt(0) === 104) {
    const d = tag.charCodeAt(1) - 48;
    if (d >= 1 && d <= 6) return d;
  }
  return inherited;
}

function isOutboundHref(href: string | null): boolean {
  return href != null && href.length > 0 && href[0] !== '#' && !href.startsWith('javascript:');
}
