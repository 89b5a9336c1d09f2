/**
 * Asking the background engine to analyse an extracted article, and turning
 * its packed answer back into a TextAnalysis. The same for the first
 * analysis of a page and for every refresh of a page that changed (the
 * engine keeps a per-tab cache of sentence results, so a refresh costs
 * about what is new).
 *
 * Receiving and checking a big analysis is one task and unpacking it
 * another: we yield between them so neither joins the next.
 */
import { browser } from './extension-api.ts';
import { isAnalyseResponse, type CsToBg } from '../shared/messages.ts';
import { unpackAnalysis } from '../shared/packed-analysis.ts';
import type { ArticlePayload, EntityContext } from '../shared/views.ts';
import type { TextAnalysis } from '../core/types.ts';
import type { ExtractedArticle } from '../dom/article/index.ts';
import { yieldToPage } from '../dom/yield-to-page.ts';

export interface EngineResult {
  payload: ArticlePayload;
  analysis: TextAnalysis;
  contexts: Record<string, EntityContext>;
}

export function articlePayload(doc: Document, extracted: ExtractedArticle): ArticlePayload {
  const a = extracted.article;
  return {
    url: doc.location?.href ?? '', host: doc.location?.hostname ?? '', title: a.title, byline: a.byline, published: a.published,
    language: a.language, agencies: a.agencies, dateline: a.dateline, text: a.text,
  };
}

/** 'stopped' when `stop()` turned true on the way; 'error' when the engine failed or answered nonsense. */
export async function requestAnalysis(payload: ArticlePayload, stop: () => boolean): Promise<EngineResult | 'stopped' | 'error'> {
  let response: unknown;
  try {
    response = await browser.runtime.sendMessage({ type: 'cs/analyse', article: payload } satisfies CsToBg);
  } catch {
    response = null;
  }
  if (stop()) return 'stopped';
  if (!isAnalyseResponse(response) || !response.ok) return 'error';
  await yieldToPage();
  if (stop()) return 'stopped';
  const analysis = unpackAnalysis(response.packed);
  return { payload, analysis, contexts: response.contexts };
}
