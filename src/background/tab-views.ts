/**
 * Per-tab state in the background: what each tab's content script reported
 * and the analysis built for it, as the TabView the side panel renders.
 * Kept in memory only; after the service worker restarts, views are rebuilt
 * on demand from the content script's own report (see rebuildFromReport),
 * so nothing about the reader's pages is ever written to disk.
 */
import type { Lang, TextAnalysis } from '../core/types.ts';
import type { PageReport } from '../shared/messages.ts';
import { emptyTabView, type ArticlePayload, type TabView } from '../shared/views.ts';
import { backgroundFor, contextsFor } from './knowledge-views.ts';

export function articleMeta(a: ArticlePayload): NonNullable<TabView['article']> {
  return { title: a.title, byline: a.byline, published: a.published, language: a.language, agencies: a.agencies, dateline: a.dateline };
}

export function readyView(tabId: number, article: ArticlePayload, analysis: TextAnalysis, lang: Lang): TabView {
  return {
    tabId, status: 'ready', url: article.url, host: article.host, article: articleMeta(article), analysis,
    contexts: contextsFor(analysis, lang, article.published), background: backgroundFor(analysis, lang, article.published), lang,
  };
}

export function statusView(tabId: number, status: TabView['status'], url: string | null, host: string | null, lang: Lang): TabView {
  return { ...emptyTabView(tabId, status), url, host, lang };
}

/** The view for a tab whose content script answered bg/report (worker restarted since). */
export function rebuildFromReport(tabId: number, r: PageReport, lang: Lang): TabView {
  if (r.status === 'ready' && r.article && r.analysis) return readyView(tabId, r.article, r.analysis, lang);
  return { ...statusView(tabId, r.status, r.url, r.host, lang), article: r.article ? articleMeta(r.article) : null };
}

/** Same view with knowledge texts in another language (the reader changed the setting). */
export function relocalise(view: TabView, lang: Lang): TabView {
  if (view.lang === lang || !view.analysis) return { ...view, lang };
  const published = view.article?.published ?? null;
  return { ...view, lang, contexts: contextsFor(view.analysis, lang, published), background: backgroundFor(view.analysis, lang, published) };
}
