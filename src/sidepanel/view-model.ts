/**
 * The side panel's lists, derived from a tab's analysis: quotes grouped by
 * speaker (one group per speaker cluster, unattributed last) and names
 * grouped by kind (one row per entity cluster with its mention count). Pure,
 * so the grouping is tested without rendering.
 */
import type { EntityDetail, QuoteDetail, Span, TextAnalysis } from '../core/types.ts';
import { shownQuotes } from '../shared/display.ts';
import { kindOfEntityType, type HighlightKind } from '../shared/kinds.ts';
import type { EntityContext } from '../shared/views.ts';

export interface SpeakerGroup {
  key: string;
  /** Null for quotes whose speaker was not identified. */
  name: string | null;
  /** First role the knowledge pack gives (as of the article's date), if known. */
  role: string | null;
  quotes: QuoteDetail[];
}

export interface EntityRow {
  key: string;
  name: string;
  count: number;
  /** The first mention, for "show in article". */
  first: Span;
  description: string | null;
}

export type EntityKind = Exclude<HighlightKind, 'quote'>;

function speakerKey(q: QuoteDetail): string | null {
  if (!q.speaker) return null;
  if (q.speakerCluster !== null) return `c${q.speakerCluster}`;
  if (q.speaker.entityId) return `e${q.speaker.entityId}`;
  return `n${q.speaker.name.toLowerCase()}`;
}

export function groupQuotesBySpeaker(analysis: TextAnalysis, contexts: Record<string, EntityContext>): SpeakerGroup[] {
  const groups = new Map<string, SpeakerGroup>();
  const unattributed: QuoteDetail[] = [];
  for (const q of shownQuotes(analysis).sort((a, b) => a.start - b.start)) {
    const key = speakerKey(q);
    if (key === null || !q.speaker) { unattributed.push(q); continue; }
    let g = groups.get(key);
    if (!g) {
      const ctx = q.speaker.entityId ? contexts[q.speaker.entityId] : undefined;
      g = { key, name: ctx?.name ?? q.speaker.name, role: ctx?.roles[0] ?? null, quotes: [] };
      groups.set(key, g);
    } else if (q.speaker.name.length > (g.name?.length ?? 0) && !(q.speaker.entityId && contexts[q.speaker.entityId])) {
      // The longest name the article uses for this speaker is the most complete one.
      g.name = q.speaker.name;
    }
    g.quotes.push(q);
  }
  // Most-quoted first; ties keep the order of first appearance.
  const sorted = [...groups.values()].sort((a, b) => b.quotes.length - a.quotes.length);
  if (unattributed.length) sorted.push({ key: 'unattributed', name: null, role: null, quotes: unattributed });
  return sorted;
}

export function entitiesByKind(analysis: TextAnalysis, contexts: Record<string, EntityContext>): Record<EntityKind, EntityRow[]> {
  const out: Record<EntityKind, EntityRow[]> = { per: [], loc: [], org: [], misc: [] };
  const rows = new Map<string, EntityRow & { kind: EntityKind }>();
  const sorted: EntityDetail[] = [...analysis.entities].sort((a, b) => a.start - b.start);
  for (const e of sorted) {
    const kind = kindOfEntityType(e.type) as EntityKind;
    const key = `${kind}:${e.cluster}`;
    const row = rows.get(key);
    if (row) { row.count++; continue; }
    const ctx = e.entityId ? contexts[e.entityId] : undefined;
    rows.set(key, { key, kind, name: ctx?.name ?? e.canonical, count: 1, first: { start: e.start, end: e.end }, description: ctx?.description ?? null });
  }
  for (const { kind, ...row } of rows.values()) out[kind].push(row);
  for (const list of Object.values(out)) list.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return out;
}

/** "dpa, RND · example.com" — who the article credits, and where it is. */
export function sourceLine(agencies: readonly string[], host: string | null): string {
  return [agencies.join(', '), host ?? ''].filter(Boolean).join(' · ');
}
