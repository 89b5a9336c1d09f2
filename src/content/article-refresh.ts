/**
 * Keeping the painting current on a page that changes (late content, "load
 * more", live blogs), without looping on our own work.
 *
 *   watcher / URL check ──► request() ──(budget allows?)──► look:
 *     re-extract ──► diff against the painted text (article-diff.ts)
 *       same words, same nodes  ──► nothing
 *       same words, new nodes   ──► repaint the analysis we have
 *       new or changed text     ──► engine (per-tab cache: costs ≈ what is new) ──► swap paintings
 *
 * One look at a time; requests during a look make one more look after it.
 * Looks are paced by the refresh budget (rate, not count: a live blog stays
 * current for as long as it runs). A look that finds the same text ends
 * there, so nothing Kontext does to the page can make it look again and again.
 */
import type { ArticleDiff } from './article-diff.ts';
import { diffArticleText } from './article-diff.ts';
import { paintIntact } from './article-watch.ts';
import { articlePayload, requestAnalysis, type EngineResult } from './engine-request.ts';
import { extractOnce } from './find-article.ts';
import { lookOutcome, RefreshBudget } from './refresh-budget.ts';
import { newRun, type AnalysedRun } from './analysed-run.ts';
import type { ExtractedArticle } from '../dom/article/index.ts';

/** What the refresher needs from the page session. */
export interface RefreshHost {
  readonly doc: Document;
  readonly pageSignal: AbortSignal;
  /** The run on screen. */
  current(): AnalysedRun | null;
  /** Paint `run`, swapping it in for `replacing` once it is ready. */
  present(run: AnalysedRun, extracted: ExtractedArticle, result: EngineResult, replacing: AnalysedRun): Promise<void>;
  /** Start the page's analysis over. */
  restart(): Promise<void>;
}

export class ArticleRefresher {
  private budget = new RefreshBudget();
  private looking = false;
  private again = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** What the last look found (for pacing, tests and diagnostics). */
  lastChange: ArticleDiff | null = null;

  constructor(private readonly host: RefreshHost) {}

  /** The article may have changed: look again as soon as the budget allows, one look at a time. */
  request(): void {
    if (this.host.pageSignal.aborted || this.timer !== null) return;
    if (this.looking) { this.again = true; return; }
    const budget = this.budget;
    const wait = budget.waitMs(performance.now());
    if (wait > 0) {
      this.timer = setTimeout(() => { this.timer = null; this.request(); }, wait);
      return;
    }
    const run = this.host.current();
    // Nothing painted (an analysis under way, or no article): there is nothing to keep current.
    if (!run?.highlights) return;
    this.looking = true;
    this.lastChange = null;
    const started = performance.now();
    // The wrapper painter changes the DOM itself and is not watched: there a look is a fresh start.
    const look = run.highlights.painter.mode === 'highlight-api' ? this.look(run) : this.host.restart();
    void look.finally(() => {
      budget.record(started, performance.now(), lookOutcome(this.lastChange));
      if (budget !== this.budget) return;
      this.looking = false;
      if (this.again) { this.again = false; this.request(); }
    });
  }

  /** A new page (SPA navigation) or the end of the session: forget pending looks and the pace. */
  reset(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.again = false;
    this.looking = false;
    this.budget = new RefreshBudget();
  }

  private async look(run: AnalysedRun): Promise<void> {
    const { extracted: before, article, analysis } = run;
    if (!before || !article || !analysis) return;
    const host = this.host;
    const next = newRun();
    // Whatever ends the run on screen (navigation, "never on this site") also ends its replacement, unless it was the swap.
    const follow = (): void => { if (host.current() !== next) next.controller.abort(); };
    run.controller.signal.addEventListener('abort', follow, { once: true });
    const stop = (): boolean => next.controller.signal.aborted || host.pageSignal.aborted;
    try {
      const found = await extractOnce(host.doc, host.doc.location?.href ?? null, next.controller.signal);
      if (stop()) return;
      if (!found) {
        // The body went away: start over (that also says "no article" if it stays away).
        if (!before.root.isConnected) await host.restart();
        return;
      }
      const diff = diffArticleText(article.text, found.article.text);
      this.lastChange = diff;
      if (diff.kind === 'same') {
        const spans = [...analysis.entities, ...analysis.quotes];
        if (found.root === before.root && paintIntact(before.map, article.text, spans)) return;
        // The same words on new nodes (a re-render): the analysis stands, only the painting moves.
        await host.present(next, found, { payload: articlePayload(host.doc, found), analysis, contexts: run.contexts }, run);
        return;
      }
      const result = await requestAnalysis(articlePayload(host.doc, found), stop);
      // On an engine error the old painting stays: it still matches most of the page.
      if (typeof result === 'string') return;
      await host.present(next, found, result, run);
    } finally {
      run.controller.signal.removeEventListener('abort', follow);
      if (host.current() !== next) next.controller.abort();
    }
  }
}
