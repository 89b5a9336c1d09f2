/**
 * What the scan needs to know about one element, read with as few DOM calls
 * as possible: its attributes in one getAttributeNames() pass, and its tag's
 * roles (skipped, block, furniture by tag) from one memo lookup. The walk
 * runs this for every element of the page, so each saved call counts.
 */
import { BLOCK_TAGS, JUNK_TAGS, SKIP_TAGS } from './patterns.ts';

/**
 * What one element's attributes say, read with one getAttributeNames() call
 * and a getAttribute() per attribute that matters: most elements carry one
 * or two attributes, so this replaces about ten DOM calls per element (the
 * hidden/junk/microdata/link checks each used to ask for their attributes).
 * Names are matched exactly in lower case, which is what getAttribute(name)
 * sees in an HTML document (Chromium lower-cases names; linkedom keeps them
 * as written and its getAttribute does not find the upper-case ones either).
 */
export interface AttrInfo {
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
export function readAttrs(el: Element, out: AttrInfo): boolean {
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

export const K_SKIP = 1;
export const K_BLOCK = 2;
export const K_JUNK_TAG = 4;
export const K_STRUCTURAL = 8;
export const K_VERDICT_BY_TAG = 16;
/** Tags the metadata reader collects whatever their attributes (meta, script, time, h1, title). */
export const K_PART = 32;
const PART_TAGS = new Set(['meta', 'script', 'time', 'h1', 'title']);
/** Tag name → its K_* bits: one map lookup per element instead of four set lookups (a memo of fixed tables). */
const tagKinds = new Map<string, number>();

export function kindOf(tag: string): number {
  let k = tagKinds.get(tag);
  if (k === undefined) {
    k = (SKIP_TAGS.has(tag) ? K_SKIP : 0) | (BLOCK_TAGS.has(tag) ? K_BLOCK : 0) | (JUNK_TAGS.has(tag) ? K_JUNK_TAG : 0) |
      (isStructuralJunk(tag) ? K_STRUCTURAL : 0) | (VERDICT_BY_TAG.has(tag) ? K_VERDICT_BY_TAG : 0) |
      (PART_TAGS.has(tag) ? K_PART : 0);
    // Pages can invent any number of custom element names; the memo only keeps the first thousand.
    if (tagKinds.size < 1000) tagKinds.set(tag, k);
  }
  return k;
}

function isStructuralJunk(tag: string): boolean {
  return tag === 'nav' || tag === 'footer' || tag === 'aside' || tag === 'figcaption' || tag === 'figure' || tag === 'menu' || tag === 'header';
}
