/**
 * Which parts of an analysis the reader sees. The engine reports uncertain
 * and indirect quotes too; the UI shows direct quotes above the same
 * confidence threshold the command line uses (src/dom/analyze-document.ts),
 * repeated here because the background and UI must not import the DOM layer.
 */
import type { EntityDetail, QuoteDetail, TextAnalysis } from '../core/types.ts';

export const QUOTE_CONFIDENCE_THRESHOLD = 0.5;

export function shownQuotes(a: TextAnalysis): QuoteDetail[] {
  return a.quotes.filter((q) => q.kind === 'direct' && q.confidence >= QUOTE_CONFIDENCE_THRESHOLD);
}

/** Quotes attributed to the entity's cluster (or, failing that, to its knowledge id). */
export function quotesBy(entity: EntityDetail, quotes: readonly QuoteDetail[]): QuoteDetail[] {
  return quotes.filter((q) =>
    (q.speakerCluster !== null && q.speakerCluster === entity.cluster)
    || (entity.entityId !== null && q.speaker?.entityId === entity.entityId));
}

/** All mentions in the same cluster as the entity (the entity itself included). */
export function mentionsOf(entity: EntityDetail, entities: readonly EntityDetail[]): EntityDetail[] {
  return entities.filter((e) => e.cluster === entity.cluster && e.type === entity.type);
}
