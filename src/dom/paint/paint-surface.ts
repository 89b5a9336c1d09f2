/**
 * What a chain of painters on one page shares: the stylesheet and one
 * Highlight object per registry name.
 *
 * A page that changes (live blog, "load more") gets a new analysis and so a
 * new painter, but the page should pay only for what changed: re-adopting
 * the stylesheet is a page-wide restyle, and replacing a Highlight that
 * holds thousands of ranges repaints all of them. So a successor painter
 * joins its predecessor's surface and, once it is shown, edits the same
 * Highlight objects in place (see syncHighlight).
 *
 * Ownership: exactly one painter of the chain (the owner) may touch the
 * registry and the sheet; a successor becomes owner when it is first shown,
 * so the old painting stays on screen while the new one is prepared. The
 * surface removes its paint when its last painter leaves. It only ever
 * deletes registry names it registered itself: highlights others
 * registered under other names are left alone.
 */
import { PainterStylesheet } from './painter-stylesheet.ts';

export class PaintSurface {
  readonly sheet: PainterStylesheet;
  /** The painter allowed to change what is on screen. */
  owner: object | null = null;
  private readonly hls = new Map<string, Highlight>();
  /** Names we registered and did not remove since (a name, not an identity check: Firefox's Xray wrappers make identity unreliable). */
  private readonly registered = new Set<string>();
  private users = 0;

  constructor(doc: Document, preferAdopted: boolean) {
    this.sheet = new PainterStylesheet(doc, preferAdopted);
  }

  join(): void {
    this.users++;
  }

  /** The one Highlight behind `name`, made on first use. */
  highlight(name: string, priority: number, win: Window & typeof globalThis): Highlight {
    let hl = this.hls.get(name);
    if (!hl) {
      hl = new win.Highlight();
      hl.priority = priority;
      this.hls.set(name, hl);
    }
    return hl;
  }

  /** Register `name` (our Highlight for it). */
  show(reg: HighlightRegistry, name: string, hl: Highlight): void {
    // Setting the object already registered is skipped: the swap of a refresh edits it in place.
    if (!this.registered.has(name) || reg.get(name) !== hl) reg.set(name, hl);
    this.registered.add(name);
  }

  /** Unregister `name`, only when we registered it: names other code registered are left alone. */
  hide(reg: HighlightRegistry | null, name: string): void {
    if (!this.registered.delete(name)) return;
    reg?.delete(name);
  }

  /** A painter is done; the last one out removes everything the surface put on the page. */
  leave(painter: object, reg: HighlightRegistry | null): void {
    this.users--;
    if (this.owner === painter) this.owner = null;
    if (this.users > 0) return;
    for (const name of [...this.registered]) this.hide(reg, name);
    this.sheet.release();
  }
}

/**
 * What each of our Highlights holds, as we put it there: iterating a
 * Highlight from a Firefox content script (through Xray wrappers) did not
 * work, and comparing with our own record is cheaper anyway. All changes go through
 * the functions below; a size that no longer matches means the page edited
 * the Highlight, and it is then refilled from scratch.
 */
const held = new WeakMap<Highlight, Set<Range>>();

function heldBy(hl: Highlight): Set<Range> {
  let set = held.get(hl);
  if (!set || set.size !== hl.size) {
    if (hl.size) hl.clear();
    held.set(hl, (set = new Set()));
  }
  return set;
}

export function addRange(hl: Highlight, r: Range): boolean {
  const set = heldBy(hl);
  if (set.has(r)) return false;
  hl.add(r);
  set.add(r);
  return true;
}

export function deleteRange(hl: Highlight, r: Range): boolean {
  const set = heldBy(hl);
  if (!set.delete(r)) return false;
  hl.delete(r);
  return true;
}

/**
 * Make `hl` hold exactly `want`, touching only the ranges that differ (a
 * Range kept from the previous painting stays, and is not repainted).
 * Returns the size it ends with.
 */
export function syncHighlight(hl: Highlight, want: readonly Range[]): number {
  const set = heldBy(hl);
  const keep = new Set(want);
  for (const r of set) if (!keep.has(r)) { hl.delete(r); set.delete(r); }
  for (const r of want) if (!set.has(r)) { hl.add(r); set.add(r); }
  return hl.size;
}
