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
 */
import { browser, extensionAlive, ownId } from './extension-api.ts';
import { makeTranslate, type Translate } from '../shared/i18n.ts';
import { isBgToCs, type BgToCs, type CsToBg, type PageReport } from '../shared/messages.ts';
import { siteDecision, type Settings } from '../shared/settings.ts';
import { loadSettings, onSettingsChanged } from './content-settings.ts';
import type { ArticlePayload, EntityContext, PageStatus } from '../shared/views.ts';
import type { TextAnalysis } from '../core/types.ts';
import { extractArticleAsync, type ExtractedArticle } from '../dom/article/index.ts';
import { HighlightController } from './highlight-controller.ts';
import { PopupController } from './popup-controller.ts';
import { clearPageState, setPageState } from './page-state.ts';
import { paintIntact, watchArticle } from './article-watch.ts';
import { diffArticleText, type ArticleDiff } from './article-diff.ts';
import { articlePayload, requestAnalysis, type EngineResult } from './engine-request.ts';
import { RefreshBudget, type LookOutcome } from './refresh-budget.ts';
import { yieldToPage } from '../dom/paint/yield-to-page.ts';

/** Pages that render their article late get a couple more looks before "no article". */
const RETRY_DELAYS_MS = [1500, 4000];
/** Below this much body text a loaded page may be a script-rendered shell still filling in. */
const SHELL_TEXT_CHARS = 1500;
const URL_CHECK_MS = 1000;

interface Analysed {
  controller: AbortController;
  article: ArticlePayload | null;
  analysis: TextAnalysis | null;
  contexts: Record<string, EntityContext>;
  extracted: ExtractedArticle | null;
  highlights: HighlightController | null;
  popups: PopupController | null;
}

function newRun(): Analysed {
  return { controller: new AbortController(), article: null, analysis: null, contexts: {}, extracted: null, highlights: null, popups: null };
}

export class PageSession {
  private readonly page = new AbortController();
  private readonly t: Translate = makeTranslate((k, s) => browser.i18n.getMessage(k, s));
  private settings: Settings | null = null;
  private status: PageStatus = 'analysing';
  private current: Analysed | null = null;
  private url: string;
  /** Looks at the changing article: rate-limited by their cost, one at a time (see refresh-budget.ts). */
  private budget = new RefreshBudget();
  private refreshing = false;
  private refreshAgain = false;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  /** What the last look found (for pacing, tests and diagnostics). */
  lastChange: ArticleDiff | null = null;

  constructor(private readonly doc: Document) {
    this.url = doc.location?.href ?? '';
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
    signal.addEventListener('abort', () => this.cancelRefresh(), { once: true });
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

    const extracted = await this.findArticle(stop, stopSignal(run.controller.signal, this.page.signal));
    if (stop()) return;
    if (!extracted) {
      this.setStatus('no-article');
      return;
    }
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
  private async present(run: Analysed, extracted: ExtractedArticle, result: EngineResult, replacing: Analysed | null): Promise<void> {
    const stop = (): boolean => run.controller.signal.aborted || this.page.signal.aborted;
    run.article = result.payload;
    run.analysis = result.analysis;
    run.contexts = result.contexts;
    run.extracted = extracted;
    // Sorting the spans and reading the page's colours is one task, mapping them in slices more.
    await yieldToPage();
    if (stop()) return;
    const highlights = new HighlightController(this.doc, extracted.map, extracted.root, result.analysis);
    run.highlights = highlights;
    run.controller.signal.addEventListener('abort', () => highlights.destroy(), { once: true });
    // A new painter clears the registry names it does not show yet: put the old painting back until the swap.
    if (replacing?.highlights) repaint(replacing.highlights, this.settings);
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
    if (highlights.painter.mode === 'highlight-api') watchArticle(extracted.root, () => this.requestRefresh(), run.controller.signal);
  }

  /** The article may have changed: look again as soon as the budget allows, one look at a time. */
  private requestRefresh(): void {
    if (this.page.signal.aborted || this.refreshTimer !== null) return;
    if (this.refreshing) { this.refreshAgain = true; return; }
    const budget = this.budget;
    const wait = budget.waitMs(performance.now());
    if (wait > 0) {
      this.refreshTimer = setTimeout(() => { this.refreshTimer = null; this.requestRefresh(); }, wait);
      return;
    }
    const run = this.current;
    if (!run) return;
    this.refreshing = true;
    const started = performance.now();
    this.lastChange = null;
    const look = run.highlights?.painter.mode === 'highlight-api' ? this.refresh(run) : this.restart();
    void look.finally(() => {
      budget.record(started, performance.now(), outcomeOf(this.lastChange));
      if (budget !== this.budget) return;
      this.refreshing = false;
      if (this.refreshAgain) { this.refreshAgain = false; this.requestRefresh(); }
    });
  }

  /**
   * Extract the article again and compare: nothing changed (or only nodes
   * moved: the same words) costs no analysis; new or changed text goes to the
   * engine, whose per-tab cache re-tags only the sentences it has not seen.
   */
  private async refresh(run: Analysed): Promise<void> {
    const { extracted: before, article, analysis } = run;
    if (!before || !article || !analysis) return;
    const next = newRun();
    // Whatever ends the run on screen (navigation, "never on this site") also ends its replacement, unless it was the swap.
    const follow = (): void => { if (this.current !== next) next.controller.abort(); };
    run.controller.signal.addEventListener('abort', follow, { once: true });
    const stop = (): boolean => next.controller.signal.aborted || this.page.signal.aborted;
    try {
      let found: ExtractedArticle | null = null;
      try {
        found = await extractArticleAsync(this.doc, { url: this.doc.location?.href ?? null, signal: next.controller.signal });
      } catch {
        found = null;
      }
      if (stop()) return;
      if (!found?.article.text.trim()) {
        // The body went away: start over (that also says "no article" if it stays away).
        if (!before.root.isConnected) await this.restart();
        return;
      }
      const diff = diffArticleText(article.text, found.article.text);
      this.lastChange = diff;
      if (diff.kind === 'same') {
        const spans = [...analysis.entities, ...analysis.quotes];
        if (found.root === before.root && paintIntact(before.map, article.text, spans)) return;
        // The same words on new nodes (a re-render): the analysis stands, only the painting moves.
        await this.present(next, found, { payload: articlePayload(this.doc, found), analysis, contexts: run.contexts }, run);
        return;
      }
      const result = await requestAnalysis(articlePayload(this.doc, found), stop);
      // On an engine error the old painting stays: it still matches most of the page.
      if (typeof result === 'string') return;
      await this.present(next, found, result, run);
    } finally {
      run.controller.signal.removeEventListener('abort', follow);
      if (this.current !== next) next.controller.abort();
    }
  }

  /** Start this page's analysis over (the body was replaced, or the painter cannot follow changes). */
  private async restart(): Promise<void> {
    this.dispose();
    await this.analyse();
  }

  private cancelRefresh(): void {
    if (this.refreshTimer !== null) clearTimeout(this.refreshTimer);
    this.refreshTimer = null;
    this.refreshAgain = false;
    this.refreshing = false;
    this.budget = new RefreshBudget();
  }

  private async findArticle(stop: () => boolean, signal: AbortSignal): Promise<ExtractedArticle | null> {
    const url = this.doc.location?.href ?? null;
    for (let attempt = 0; ; attempt++) {
      try {
        // Sliced: on a big page extraction alone would be a long task (the budget allows none over 50 ms).
        const found = await extractArticleAsync(this.doc, { url, signal });
        if (found && found.article.text.trim()) return found;
      } catch {
        // A page the extractor cannot read counts as "no article", never as a broken page.
      }
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined || stop() || !this.mayStillRender()) return null;
      await new Promise((r) => setTimeout(r, delay));
      if (stop()) return null;
    }
  }

  /**
   * Worth another look later? Only while the page is still loading or looks
   * like an app shell that renders its content with script (little text yet).
   */
  private mayStillRender(): boolean {
    if (this.doc.readyState !== 'complete') return true;
    return (this.doc.body?.textContent?.trim().length ?? 0) < SHELL_TEXT_CHARS;
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
      if (root && !root.isConnected) this.requestRefresh();
      return;
    }
    const hashOnly = withoutHash(now) === withoutHash(this.url);
    this.url = now;
    if (hashOnly && this.current?.highlights) { this.requestRefresh(); return; }
    this.dispose();
    this.cancelRefresh();
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

/** For the refresh budget: one block replaced by one (a ticking clock, a score) counts as a rewrite in place. */
function outcomeOf(diff: ArticleDiff | null): LookOutcome {
  if (!diff || diff.kind === 'same') return 'unchanged';
  return diff.kind === 'changed' && diff.removedBlocks === 1 && diff.addedBlocks === 1 ? 'rewritten' : 'grew';
}

function withoutHash(url: string): string {
  const i = url.indexOf('#');
  return i === -1 ? url : url.slice(0, i);
}

/** Put a painter's highlights back into the registry (same kinds, same ranges; nothing is recomputed). */
function repaint(highlights: HighlightController, settings: Settings | null): void {
  if (!settings || highlights.painter.mode !== 'highlight-api') return;
  highlights.painter.show(new Set());
  highlights.applySettings(settings);
}

/** Aborted when either run or page is; AbortSignal.any is missing in older browsers, where the run's own signal has to do. */
function stopSignal(run: AbortSignal, page: AbortSignal): AbortSignal {
  const any = (AbortSignal as { any?: (signals: AbortSignal[]) => AbortSignal }).any;
  return typeof any === 'function' ? any.call(AbortSignal, [run, page]) : run;
}
