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
 * deletes registry entries that hold its own Highlight objects: highlights
 * others registered, under other names or after us, are left alone.
 */
import { PainterStylesheet } from './painter-stylesheet.ts';

export class PaintSurface {
  readonly sheet: PainterStylesheet;
  /** The painter allowed to change what is on screen. */
  owner: object | null = null;
  private readonly hls = new Map<string, Highlight>();
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
    if (reg.get(name) !== hl) reg.set(name, hl);
  }

  /** Unregister `name`, only when the registry holds our Highlight under it. */
  hide(reg: HighlightRegistry | null, name: string): void {
    const own = this.hls.get(name);
    if (reg && own && reg.get(name) === own) reg.delete(name);
  }

  /** A painter is done; the last one out removes everything the surface put on the page. */
  leave(painter: object, reg: HighlightRegistry | null): void {
    this.users--;
    if (this.owner === painter) this.owner = null;
    if (this.users > 0) return;
    for (const name of this.hls.keys()) this.hide(reg, name);
    this.sheet.release();
  }
}

/**
 * Make `hl` hold exactly `want`, touching only the ranges that differ (a
 * Range kept from the previous painting stays, and is not repainted).
 * Returns the size it ends with.
 */
export function syncHighlight(hl: Highlight, want: readonly Range[]): number {
  const keep = new Set(want);
  const extra: Range[] = [];
  for (const r of hl) if (!keep.has(r as Range)) extra.push(r as Range);
  for (const r of extra) hl.delete(r);
  for (const r of want) if (!hl.has(r)) hl.add(r);
  return hl.size;
}
