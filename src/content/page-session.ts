/**
 * One page's life with Kontext, from start-up to teardown.
 *
 *   settings ──► site decision ──► find article (retry while the page renders)
 *        │                              │ cs/analyse
 *        │                              ▼
 *        │                        background engine ──► TextAnalysis + contexts
 *        │                              │
 *        └──── storage changes ───► HighlightController ◄── bg/step-focus, bg/scroll-to
 *                                       │
 *                                 PopupController (hover / keyboard)
 *
 * One AbortController for the page; each analysis gets a child controller so
 * an SPA navigation or "never on this site" tears down exactly what that
 * analysis added (highlights, popup host, style, listeners).
 *
 * A page that says "no article" is watched cheaply for one arriving late
 * (late-article-watch.ts); one found there is analysed like any other.
 *
 * Pages that change: the article watcher and the URL check ask the
 * refresher (article-refresh.ts) to look again; it re-extracts, diffs, asks
 * the engine only when the text changed, and hands the new run to present(),
 * which keeps the old painting until the new one is ready. A new path or
 * query (SPA navigation) starts a fresh session instead.
 */
import { browser, extensionAlive, ownId } from './extension-api.ts';
import { makeTranslate, type Translate } from '../shared/i18n.ts';
import { isBgToCs, type BgToCs, type CsToBg, type PageReport } from '../shared/messages.ts';
import { siteDecision, type Settings } from '../shared/settings.ts';
import { loadSettings, onSettingsChanged } from './content-settings.ts';
import type { PageStatus } from '../shared/views.ts';
import type { ExtractedArticle } from '../dom/article/index.ts';
import { HighlightController } from './highlight-controller.ts';
import { PopupController } from './popup-controller.ts';
import { clearPageState, setPageState } from './page-state.ts';
import { watchArticle } from './article-watch.ts';
import { articlePayload, requestAnalysis, type EngineResult } from './engine-request.ts';
import { findArticle } from './find-article.ts';
import { watchForLateArticle } from './late-article-watch.ts';
import { ArticleRefresher } from './article-refresh.ts';
import { newRun, type AnalysedRun } from './analysed-run.ts';
import { yieldToPage } from '../dom/yield-to-page.ts';

const URL_CHECK_MS = 1000;

export class PageSession {
  private readonly page = new AbortController();
  private readonly t: Translate = makeTranslate((k, s) => browser.i18n.getMessage(k, s));
  private settings: Settings | null = null;
  private status: PageStatus = 'analysing';
  private current: AnalysedRun | null = null;
  private url: string;
  /** Looks again at an article that changes (see article-refresh.ts). */
  readonly refresher: ArticleRefresher;

  constructor(private readonly doc: Document) {
    this.url = doc.location?.href ?? '';
    this.refresher = new ArticleRefresher({
      doc,
      pageSignal: this.page.signal,
      current: () => this.current,
      present: (run, extracted, result, replacing) => this.present(run, extracted, result, replacing),
      restart: () => this.restart(),
    });
  }

  get signal(): AbortSignal {
    return this.page.signal;
  }

  async start(): Promise<void> {
    const signal = this.page.signal;
    const onMessage = (msg: unknown, sender: { id?: string }): Promise<unknown> | undefined => {
      if (sender.id !== ownId() || !isBgToCs(msg)) return undefined;
      return this.onMessage(msg);
    };
    browser.runtime.onMessage.addListener(onMessage);
    signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(onMessage), { once: true });
    signal.addEventListener('abort', () => this.refresher.reset(), { once: true });
    onSettingsChanged((s) => this.onSettings(s), signal);

    const view = this.doc.defaultView;
    view?.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', () => this.current?.highlights?.refreshColours(), { signal });
    if (view) {
      const timer = view.setInterval(() => this.checkUrl(), URL_CHECK_MS);
      signal.addEventListener('abort', () => view.clearInterval(timer), { once: true });
      // Back and forward in a single-page app: no need to wait for the next URL check.
      view.addEventListener('popstate', () => this.checkUrl(), { signal });
    }

    this.settings = await loadSettings();
    await this.decideAndRun();
  }

  /** Remove everything Kontext added to the page and stop listening. */
  stop(): void {
    this.dispose();
    this.page.abort();
    clearPageState(this.doc);
  }

  private host(): string {
    return this.doc.location?.hostname ?? '';
  }

  private async decideAndRun(): Promise<void> {
    const s = this.settings;
    if (!s) return;
    const decision = siteDecision(s, this.host());
    if (decision === 'never' || decision === 'paused') {
      this.dispose();
      this.setStatus(decision);
      return;
    }
    if (!this.current) await this.analyse();
  }

  private async analyse(): Promise<void> {
    const run = newRun();
    this.current = run;
    const stop = (): boolean => run.controller.signal.aborted || this.page.signal.aborted;
    this.setStatus('analysing');

    const signal = stopSignal(run.controller.signal, this.page.signal);
    const extracted = await findArticle(this.doc, stop, signal);
    if (stop()) return;
    if (!extracted) {
      this.setStatus('no-article');
      // The article may still arrive (late shell, consent overlay, "read more"): watch cheaply until the run ends.
      watchForLateArticle(this.doc, (found) => {
        if (stop() || this.current !== run) return;
        this.setStatus('analysing');
        void this.analyseFound(run, found, stop);
      }, signal);
      return;
    }
    await this.analyseFound(run, extracted, stop);
  }

  /** Ask the engine about an article found for `run` and paint the answer. */
  private async analyseFound(run: AnalysedRun, extracted: ExtractedArticle, stop: () => boolean): Promise<void> {
    const payload = articlePayload(this.doc, extracted);
    run.article = payload;
    const result = await requestAnalysis(payload, stop);
    if (result === 'stopped') return;
    if (result === 'error') {
      this.setStatus('error');
      return;
    }
    await this.present(run, extracted, result, null);
  }

  /**
   * Paint an analysis. With `replacing`, the run on screen stays painted until
   * the new one is ready, then the two swap in one task (no flash of an
   * unpainted article on every refresh of a live blog).
   */
  private async present(run: AnalysedRun, extracted: ExtractedArticle, result: EngineResult, replacing: AnalysedRun | null): Promise<void> {
    const stop = (): boolean => run.controller.signal.aborted || this.page.signal.aborted;
    run.article = result.payload;
    run.analysis = result.analysis;
    run.contexts = result.contexts;
    run.extracted = extracted;
    // Sorting the spans and reading the page's colours is one task, mapping them in slices more.
    await yieldToPage();
    if (stop()) return;
    const highlights = new HighlightController(this.doc, extracted.map, extracted.root, result.analysis, replacing?.highlights ?? null);
    run.highlights = highlights;
    run.controller.signal.addEventListener('abort', () => highlights.destroy(), { once: true });
    await yieldToPage();
    if (stop()) return;
    await highlights.prepare(run.controller.signal);
    if (stop()) return;
    await yieldToPage();
    if (stop()) return;
    if (replacing && this.current !== replacing) { run.controller.abort(); return; }
    // Current first: the replaced run's end must not take its successor with it (see refresh).
    this.current = run;
    replacing?.controller.abort();
    if (this.settings) highlights.applySettings(this.settings);
    run.popups = new PopupController(this.doc, highlights, result.analysis, result.contexts, this.t, run.controller.signal);
    this.setStatus('ready', false);
    // Wrapper marks change the DOM themselves; only the DOM-free painter can watch the article safely.
    if (highlights.painter.mode === 'highlight-api') watchArticle(extracted.root, () => this.refresher.request(), run.controller.signal);
  }

  /** Start this page's analysis over (the body was replaced, or the painter cannot follow changes). */
  private async restart(): Promise<void> {
    this.dispose();
    await this.analyse();
  }

  private onSettings(s: Settings): void {
    this.settings = s;
    const decision = siteDecision(s, this.host());
    if (decision !== 'run') {
      if (this.status !== decision) { this.dispose(); this.setStatus(decision); }
      return;
    }
    if (!this.current) { void this.analyse(); return; }
    this.current.highlights?.applySettings(s);
  }

  private async onMessage(msg: BgToCs): Promise<unknown> {
    const run = this.current;
    switch (msg.type) {
      case 'bg/step-focus': {
        const target = run?.highlights?.stepFocus(msg.direction) ?? null;
        if (target) run?.popups?.openForKeyboard(target);
        return { ok: target !== null };
      }
      case 'bg/scroll-to':
        return { ok: run?.highlights?.scrollTo({ start: msg.start, end: msg.end }) ?? false };
      case 'bg/report':
        return {
          status: this.status, url: this.doc.location?.href ?? '', host: this.host(),
          article: run?.article ?? null, analysis: run?.analysis ?? null,
        } satisfies PageReport;
      case 'bg/run-now':
        if (!this.current || this.status === 'no-article' || this.status === 'error') {
          this.dispose();
          void this.analyse();
        }
        return { ok: true };
    }
  }

  /**
   * A single-page app changed the URL: what was painted belongs to the old
   * article, so a fresh session starts (new budget, nothing carried over).
   * A change of the fragment alone (an in-page link, a hash router) is only
   * a reason to look whether the article changed.
   */
  private checkUrl(): void {
    // After the extension is updated, disabled or removed, this copy is orphaned: clean up after ourselves.
    if (!extensionAlive()) { this.stop(); return; }
    const now = this.doc.location?.href ?? '';
    this.current?.highlights?.painter.ensureStyle();
    if (now === this.url) {
      const root = this.current?.extracted?.root;
      if (root && !root.isConnected) this.refresher.request();
      return;
    }
    const hashOnly = withoutHash(now) === withoutHash(this.url);
    this.url = now;
    if (hashOnly && this.current?.highlights) { this.refresher.request(); return; }
    this.dispose();
    this.refresher.reset();
    void this.decideAndRun();
  }

  private dispose(): void {
    this.current?.controller.abort();
    this.current = null;
  }

  private setStatus(status: PageStatus, report = true): void {
    this.status = status;
    setPageState(this.doc, status);
    if (!report) return;
    const msg: CsToBg = { type: 'cs/status', status, url: this.doc.location?.href ?? '', host: this.host() };
    browser.runtime.sendMessage(msg).catch(() => undefined);
  }
}

function withoutHash(url: string): string {
  const i = url.indexOf('#');
  return i === -1 ? url : url.slice(0, i);
}

/** Aborted when either run or page is; AbortSignal.any is missing in older browsers, where the run's own signal has to do. */
function stopSignal(run: AbortSignal, page: AbortSignal): AbortSignal {
  const any = (AbortSignal as { any?: (signals: AbortSignal[]) => AbortSignal }).any;
  return typeof any === 'function' ? any.call(AbortSignal, [run, page]) : run;
}
