/**
 * Data shapes that travel between the extension's parts: what the content
 * script sends about a page, what the background sends back for popups, and
 * the per-tab view the side panel renders. Plain JSON-safe data only.
 */
import type { Article, Lang, TextAnalysis } from '../core/types.ts';
import type { Background, EntityContext } from '../core/knowledge/index.ts';

/** The article as the content script extracted it (text + metadata), sent for analysis. */
export interface ArticlePayload extends Article {
  url: string;
  host: string;
}

/** What a page is doing, as reported by its content script. */
export type PageStatus = 'analysing' | 'ready' | 'no-article' | 'error' | 'never' | 'paused';
export const PAGE_STATUSES: readonly PageStatus[] = ['analysing', 'ready', 'no-article', 'error', 'never', 'paused'];

/**
 * Who or what a known entity is, as of the article's date, in one language
 * (from KnowledgeBase.contextFor); a topic's background (KnowledgeBase.background).
 */
export type { EntityContext, Background } from '../core/knowledge/index.ts';

/** A matched topic's background plus why it matched (the names and concepts that counted). */
export interface BackgroundView {
  background: Background;
  evidence: string[];
}

/** Everything the side panel shows for one tab. */
export interface TabView {
  tabId: number;
  /** "unavailable": no content script ever reported from this tab (browser pages, PDF viewer, store). */
  status: PageStatus | 'unavailable';
  url: string | null;
  host: string | null;
  article: Omit<ArticlePayload, 'text' | 'url' | 'host'> | null;
  analysis: TextAnalysis | null;
  contexts: Record<string, EntityContext>;
  background: BackgroundView | null;
  /** Language the knowledge texts are written in. */
  lang: Lang;
}

export function emptyTabView(tabId: number, status: TabView['status'] = 'unavailable'): TabView {
  return { tabId, status, url: null, host: null, article: null, analysis: null, contexts: {}, background: null, lang: 'en' };
}
