/**
 * Keyboard navigation order over painted highlights: document order (by
 * start; an enclosing quote before the names inside it), wrapping at both
 * ends. Pure, so the "next/previous highlight" commands are tested without
 * a page.
 */
import type { Span } from '../core/types.ts';
import type { HighlightKind } from '../shared/kinds.ts';

export interface FocusTarget extends Span {
  layer: HighlightKind;
  /** Index into that layer's span list. */
  index: number;
}

export function focusTargets(spans: ReadonlyMap<HighlightKind, readonly Span[]>, visible: ReadonlySet<HighlightKind>): FocusTarget[] {
  const out: FocusTarget[] = [];
  for (const [layer, list] of spans) {
    if (!visible.has(layer)) continue;
    list.forEach((s, index) => out.push({ layer, index, start: s.start, end: s.end }));
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end || a.layer.localeCompare(b.layer));
}

/**
 * The target after (dir 1) or before (dir -1) the current one. With nothing
 * focused yet, start from `startAt` (the first target on screen), so the
 * first press lands where the reader is looking.
 */
export function stepFocus(targets: readonly FocusTarget[], current: FocusTarget | null, dir: 1 | -1, startAt = 0): FocusTarget | null {
  if (!targets.length) return null;
  const n = targets.length;
  if (!current) {
    const i = Math.min(Math.max(startAt, 0), n - 1);
    return dir === 1 ? targets[i] ?? null : targets[(i - 1 + n) % n] ?? null;
  }
  let pos = targets.findIndex((t) => t.layer === current.layer && t.index === current.index);
  if (pos < 0) {
    // The focused kind was switched off: continue from the nearest position in document order.
    pos = targets.findIndex((t) => t.start >= current.start);
    if (pos < 0) pos = n;
    return dir === 1 ? targets[pos % n] ?? null : targets[(pos - 1 + n) % n] ?? null;
  }
  return targets[(pos + dir + n) % n] ?? null;
}
