/**
 * One read-only pass over the page that cuts its visible text into blocks
 * (the inline content of one block-level element between two block
 * boundaries), remembering for each block its Text nodes, how much of it is
 * link text, and whether markup marks it as furniture. Everything later
 * (choosing the body container, filtering, the text map) works on this list,
 * so the DOM is walked once and never touched.
 */
import { BLOCK_TAGS, SKIP_TAGS, isHiddenElement, isJunkElement } from './patterns.ts';

/** A piece of a block: a Text node, or a line break (null). */
export type BlockItem = Text | null;

export interface Block {
  /** The nearest block-level element around the text. */
  owner: Element;
  items: BlockItem[];
  /** Whitespace-collapsed, trimmed text (for classification; the text map is built separately). */
  text: string;
  /** Characters inside <a>. */
  linkChars: number;
  /** Markup marks it as navigation, ad, teaser, comment, caption… */
  junk: boolean;
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

const DROPPED = /[\u00ad\u200b\u2060\ufeff]/g;

/** Cut the page into text blocks. `relaxed` ignores class/id/role junk hints (fallback for pages whose wrappers carry them). */
export function scanBlocks(root: Element, relaxed = false): Block[] {
  const blocks: Block[] = [];
  let open: Open | null = null;

  const flush = (): void => {
    if (!open) return;
    const o: Open = open;
    open = null;
    const text = o.raw.join('').replace(DROPPED, '').replace(/\s+/g, ' ').trim();
    if (text.length === 0) return;
    while (o.items.length > 0 && o.items[o.items.length - 1] === null) o.items.pop();
    blocks.push({
      owner: o.ctx.owner, items: o.items, text, linkChars: Math.min(o.linkChars, text.length), junk: o.ctx.junk,
      heading: o.ctx.heading, listItem: o.ctx.listItem, quote: o.ctx.quote, index: blocks.length,
    });
  };

  const visit = (el: Element, ctx: Ctx): void => {
    for (let child = el.firstChild; child; child = child.nextSibling) {
      const type = child.nodeType;
      if (type === 3) {
        const t = child as Text;
        const data = t.data;
        if (open && open.ctx.owner !== ctx.owner) flush();
        if (!open) {
          if (data.trim().length === 0) continue;
          open = { ctx, items: [], raw: [], linkChars: 0, lastWasBreak: false };
        }
        open.items.push(t);
        open.raw.push(data);
        if (ctx.link) open.linkChars += data.trim().length;
        if (data.trim().length > 0) open.lastWasBreak = false;
        continue;
      }
      if (type !== 1) continue;
      const c = child as Element;
      const tag = c.localName;
      if (SKIP_TAGS.has(tag) || isHiddenElement(c)) continue;
      if (tag === 'br') {
        if (open) {
          if (open.lastWasBreak) flush();
          else {
            open.items.push(null);
            open.raw.push(' ');
            open.lastWasBreak = true;
          }
        }
        continue;
      }
      const junk = ctx.junk || (relaxed ? isStructuralJunk(tag) : isJunkElement(c, tag));
      if (BLOCK_TAGS.has(tag)) {
        flush();
        const h = /^h[1-6]$/.test(tag) ? Number(tag[1]) : ctx.heading;
        visit(c, {
          owner: c, junk, link: ctx.link, heading: h, listItem: ctx.listItem || tag === 'li',
          quote: ctx.quote || tag === 'blockquote',
        });
        flush();
      } else {
        // In-page anchors (section permalinks, footnotes) are not links away from the story.
        const link = ctx.link || (tag === 'a' && isOutboundLink(c));
        // Inline junk (a share button, a screen-reader label) drops out of its block; blocks stay whole otherwise.
        if (junk && !ctx.junk) continue;
        visit(c, link === ctx.link ? ctx : { ...ctx, link });
      }
    }
  };

  visit(root, { owner: root, junk: false, link: false, heading: 0, listItem: false, quote: false });
  flush();
  return blocks;
}

function isOutboundLink(a: Element): boolean {
  const href = a.getAttribute('href');
  return href != null && href.length > 0 && href[0] !== '#' && !href.startsWith('javascript:');
}

function isStructuralJunk(tag: string): boolean {
  return tag === 'nav' || tag === 'footer' || tag === 'aside' || tag === 'figcaption';
}
