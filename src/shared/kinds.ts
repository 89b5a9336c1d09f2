/**
 * The kinds of marks Kontext paints, shared by the painter, the toggles, the
 * side panel and the settings. One list, so a new kind cannot be forgotten
 * in one of them.
 */
import type { EntityType } from '../core/types.ts';

export const HIGHLIGHT_KINDS = ['quote', 'per', 'loc', 'org', 'misc'] as const;
export type HighlightKind = (typeof HIGHLIGHT_KINDS)[number];

export function isHighlightKind(v: unknown): v is HighlightKind {
  return typeof v === 'string' && (HIGHLIGHT_KINDS as readonly string[]).includes(v);
}

export function kindOfEntityType(type: EntityType): HighlightKind {
  switch (type) {
    case 'PER': return 'per';
    case 'LOC': return 'loc';
    case 'ORG': return 'org';
    case 'MISC': return 'misc';
  }
}

/** Everything Kontext injects into a page carries this prefix (elements, attributes, highlight names). */
export const PREFIX = 'kontext-';
