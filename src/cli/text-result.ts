/**
 * The public per-text result of `kontext analyze --jsonl`: the analysis
 * part of AnalysisResult (no page, no topics) for a plain text. Mirrors
 * what toPublicResult in src/dom/analyze-document.ts keeps, including its
 * quote confidence threshold, so a text gives the same quotes as the same
 * text found on a page.
 */
import { QUOTE_CONFIDENCE_THRESHOLD } from '../dom/analyze-document.ts';
import type { Concept, Entity, Quote, TextAnalysis } from '../core/types.ts';

export interface TextResult {
  id: string | number;
  language: string;
  quotes: Quote[];
  entities: Entity[];
  concepts: Concept[];
}

export function toTextResult(id: string | number, d: TextAnalysis): TextResult {
  return {
    id,
    language: d.language,
    quotes: d.quotes
      .filter((q) => q.kind === 'direct' && q.confidence >= QUOTE_CONFIDENCE_THRESHOLD)
      .map((q) => ({ text: q.text, start: q.start, end: q.end, speaker: q.speaker ? { name: q.speaker.name, entityId: q.speaker.entityId } : null })),
    entities: d.entities.map((e) => ({ text: e.text, start: e.start, end: e.end, type: e.type, entityId: e.entityId })),
    concepts: d.concepts.map((c) => ({ text: c.text, start: c.start, end: c.end, entityId: c.entityId })),
  };
}
