/**
 * Toggle logic for highlights: which kinds are visible, and what a toggle
 * does to the settings. Pure, so the shortcut, the side panel and the
 * options page behave the same and can be tested without a browser.
 */
import { HIGHLIGHT_KINDS, type HighlightKind } from './kinds.ts';
import type { Settings } from './settings.ts';

export function visibleKinds(s: Settings): Set<HighlightKind> {
  if (!s.highlightsOn) return new Set();
  return new Set(HIGHLIGHT_KINDS.filter((k) => s.kinds[k]));
}

/** Flip the master switch. Turning it on with every kind off turns the default kinds back on, so something shows. */
export function toggleAll(s: Settings): Settings {
  if (s.highlightsOn) return { ...s, highlightsOn: false };
  const anyKind = HIGHLIGHT_KINDS.some((k) => s.kinds[k]);
  return { ...s, highlightsOn: true, kinds: anyKind ? s.kinds : { ...s.kinds, quote: true, per: true, loc: true, org: true } };
}

/** Set one kind. Turning a kind on while the master switch is off also turns the master on, showing just that kind's change. */
export function setKind(s: Settings, kind: HighlightKind, on: boolean): Settings {
  const kinds = { ...s.kinds, [kind]: on };
  if (on && !s.highlightsOn) {
    return { ...s, highlightsOn: true, kinds: Object.fromEntries(HIGHLIGHT_KINDS.map((k) => [k, k === kind])) as Record<HighlightKind, boolean> };
  }
  return { ...s, kinds };
}
