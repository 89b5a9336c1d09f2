/**
 * Page analysis: find the article in a Document, run the text engine on its
 * body, return the public result plus what the page layer needs (the text
 * map). Works on a live page and on a parsed document in Node alike.
 */
import { analyzeTextAsync } from '../core/analyze-text.ts';
import type { AnalysisResult, TextAnalysis } from '../core/types.ts';
import type { KnowledgeBase } from '../core/knowledge/index.ts';
import { extractArticle, type ExtractedArticle } from './article/index.ts';

/** Quotes below this confidence (likely scare quotes or titles) are left out of the public result. */
export const QUOTE_CONFIDENCE_THRESHOLD = 0.5;

export interface DocumentAnalysis {
  result: AnalysisResult;
  detail: TextAnalysis | null;
  extracted: ExtractedArticle | null;
}

export async function analyzeDocument(doc: Document, opts: { url?: string | null; knowledge?: KnowledgeBase } = {}): Promise<DocumentAnalysis> {
  const url = opts.url ?? null;
  const extracted = extractArticle(doc, { url });
  if (!extracted) {
    return { result: { url, article: null, quotes: [], entities: [], concepts: [], topics: [] }, detail: null, extracted: null };
  }
  const { article } = extracted;
  const detail = await analyzeTextAsync(article.text, {
    language: article.language,
    published: article.published,
    title: article.title,
    ...(opts.knowledge ? { knowledge: opts.knowledge } : {}),
  });
  article.language = detail.language;
  return { result: toPublicResult(url, extracted, detail), detail, extracted };
}

/** Strip UI-only detail so the JSON matches the documented shape exactly. */
export function toPublicResult(url: string | null, extracted: ExtractedArticle, d: TextAnalysis): AnalysisResult {
  const a = extracted.article;
  return {
    url,
    article: {
      title: a.title, byline: a.byline, published: a.published, language: d.language,
      agencies: a.agencies, dateline: a.dateline, text: a.text,
    },
    quotes: d.quotes
      .filter((q) => q.kind === 'direct' && q.confidence >= QUOTE_CONFIDENCE_THRESHOLD)
      .map((q) => ({ text: q.text, start: q.start, end: q.end, speaker: q.speaker ? { name: q.speaker.name, entityId: q.speaker.entityId } : null })),
    entities: d.entities.map((e) => ({ text: e.text, start: e.start, end: e.end, type: e.type, entityId: e.entityId })),
    concepts: d.concepts.map((c) => ({ text: c.text, start: c.start, end: c.end, entityId: c.entityId })),
    topics: d.topics.map((t) => ({ id: t.id, score: Math.round(t.score * 1000) / 1000 })),
  };
}
