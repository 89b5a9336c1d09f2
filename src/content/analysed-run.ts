/**
 * One analysis of the page as the session holds it: the extracted article,
 * the engine's answer and what paints it. Each run has its own
 * AbortController, so ending a run (navigation, "never on this site", the
 * swap to a fresher run) removes exactly what that run added.
 */
import type { ArticlePayload, EntityContext } from '../shared/views.ts';
import type { TextAnalysis } from '../core/types.ts';
import type { ExtractedArticle } from '../dom/article/index.ts';
import type { HighlightController } from './highlight-controller.ts';
import type { PopupController } from './popup-controller.ts';

export interface AnalysedRun {
  controller: AbortController;
  article: ArticlePayload | null;
  analysis: TextAnalysis | null;
  contexts: Record<string, EntityContext>;
  extracted: ExtractedArticle | null;
  highlights: HighlightController | null;
  popups: PopupController | null;
}

export function newRun(): AnalysedRun {
  return { controller: new AbortController(), article: null, analysis: null, contexts: {}, extracted: null, highlights: null, popups: null };
}
