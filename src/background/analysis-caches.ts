/**
 * One AnalysisCache per tab, so a page that changes (live blog, "load more")
 * is re-analysed at the cost of what changed. Bounded twice: each cache by
 * its byte budget (core/analysis-cache.ts), and the number of tabs that keep
 * one, least recently analysed first out. A tab's cache goes when the tab
 * closes; a navigation keeps it (its entries are keyed by text, so nothing
 * stale can be served, and going back to the page is cheap).
 */
import { AnalysisCache } from '../core/analysis-cache.ts';

/** Tabs whose cache is kept; the worker's memory stays bounded whatever the reader opens. */
export const MAX_CACHED_TABS = 4;

export class TabAnalysisCaches {
  private readonly byTab = new Map<number, AnalysisCache>();

  constructor(private readonly maxTabs = MAX_CACHED_TABS, private readonly make: () => AnalysisCache = () => new AnalysisCache()) {}

  /** The tab's cache (made on first use), marked as the most recently used. */
  for(tabId: number): AnalysisCache {
    let cache = this.byTab.get(tabId);
    if (cache) this.byTab.delete(tabId);
    else cache = this.make();
    this.byTab.set(tabId, cache);
    for (const id of this.byTab.keys()) {
      if (this.byTab.size <= this.maxTabs) break;
      this.byTab.delete(id);
    }
    return cache;
  }

  drop(tabId: number): void {
    this.byTab.delete(tabId);
  }

  get size(): number {
    return this.byTab.size;
  }
}
