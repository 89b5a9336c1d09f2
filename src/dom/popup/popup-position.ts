/**
 * Where the popup goes: below the highlighted words, left edges aligned, 6 px
 * away; above them when there is no room below; shifted sideways to stay
 * 8 px inside the viewport. For a name that wraps over two lines, the line
 * under the pointer is the anchor (hover), or the last line (keyboard).
 * Coordinates are viewport pixels for a `position: fixed` element.
 *
 * Written out instead of using a positioning library: the content script is
 * evaluated on every page, and its size is paid there on each load.
 */
const GAP = 6;
const PADDING = 8;

interface Box { left: number; top: number; right: number; bottom: number }

function hasBox(r: Box): boolean {
  return r.right > r.left || r.bottom > r.top;
}

/** The anchor's line boxes: the one under the point, else the last; top and bottom span all lines (as for a multi-line name). */
export function anchorBox(rects: readonly Box[], whole: Box, point?: { x: number; y: number }): Box {
  const lines = rects.filter(hasBox);
  if (lines.length === 0) return whole;
  if (point) {
    let best = lines[0]!;
    let bestDist = Number.POSITIVE_INFINITY;
    for (const r of lines) {
      const dx = point.x < r.left ? r.left - point.x : point.x > r.right ? point.x - r.right : 0;
      const dy = point.y < r.top ? r.top - point.y : point.y > r.bottom ? point.y - r.bottom : 0;
      const d = dx * dx + dy * dy;
      if (d < bestDist) { best = r; bestDist = d; }
    }
    return best;
  }
  const last = lines[lines.length - 1]!;
  return { left: last.left, right: last.right, top: Math.min(...lines.map((r) => r.top)), bottom: Math.max(...lines.map((r) => r.bottom)) };
}

/** Top-left corner for a popup of `size` next to `anchor` in a viewport of `view`. */
export function placeBelowOrAbove(anchor: Box, size: { width: number; height: number }, view: { width: number; height: number }): { x: number; y: number } {
  const below = anchor.bottom + GAP;
  const above = anchor.top - GAP - size.height;
  const fitsBelow = below + size.height <= view.height - PADDING;
  const fitsAbove = above >= PADDING;
  // Neither fits: the side with more room.
  const y = fitsBelow || (!fitsAbove && view.height - anchor.bottom >= anchor.top) ? below : above;
  const maxX = view.width - PADDING - size.width;
  const x = Math.max(PADDING, Math.min(anchor.left, maxX));
  return { x, y };
}

/** Position `floating` against `anchor` now. */
export function positionPopup(anchor: Range, floating: HTMLElement, point?: { x: number; y: number }): void {
  const view = floating.ownerDocument.defaultView;
  if (!view) return;
  const rects = typeof anchor.getClientRects === 'function' ? [...anchor.getClientRects()] : [];
  const box = anchorBox(rects, anchor.getBoundingClientRect(), point);
  const size = floating.getBoundingClientRect();
  const { x, y } = placeBelowOrAbove(box, size, { width: view.innerWidth, height: view.innerHeight });
  floating.style.left = `${Math.round(x)}px`;
  floating.style.top = `${Math.round(y)}px`;
}

/**
 * Keep the popup next to its anchor while the page scrolls (any scroller),
 * the window resizes or the popup's own size changes. Returns the stop function.
 */
export function followAnchor(floating: HTMLElement, update: () => void): () => void {
  const doc = floating.ownerDocument;
  const view = doc.defaultView;
  if (!view) return () => undefined;
  let frame = 0;
  const schedule = (): void => {
    if (frame) return;
    frame = view.requestAnimationFrame(() => { frame = 0; update(); });
  };
  const stop = new AbortController();
  const opts = { passive: true, capture: true, signal: stop.signal } as const;
  doc.addEventListener('scroll', schedule, opts);
  view.addEventListener('resize', schedule, { passive: true, signal: stop.signal });
  const resize = typeof view.ResizeObserver === 'function' ? new view.ResizeObserver(schedule) : null;
  resize?.observe(floating);
  return () => {
    stop.abort();
    resize?.disconnect();
    if (frame) view.cancelAnimationFrame(frame);
    frame = 0;
  };
}
