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
import { browser, extensionAlive, ownId } from '../shared/browser.ts';
import { makeTranslate, type Translate } from '../shared/i18n.ts';
import { isAnalyseResponse, isBgToCs, type BgToCs, type CsToBg, type PageReport } from '../shared/messages.ts';
import { unpackAnalysis } from '../shared/packed-analysis.ts';
import { siteDecision, type Settings } from '../shared/settings.ts';
import { loadSettings, onSettingsChanged } from '../shared/settings-store.ts';
import type { ArticlePayload, PageStatus } from '../shared/views.ts';
import type { TextAnalysis } from '../core/types.ts';
import { extractArticleAsync, type ExtractedArticle } from '../dom/article/index.ts';
import { HighlightController } from './highlight-controller.ts';
import { PopupController } from './popup-controller.ts';
import { clearPageState, setPageState } from './page-state.ts';
import { spansIntact, watchArticle } from './article-watch.ts';
import { yieldToPage } from '../dom/paint/yield-to-page.ts';

/** Pages that render their article late get a couple more looks before "no article". */
const RETRY_DELAYS_MS = [1500, 4000];
/** Below this much body text a loaded page may be a script-rendered shell still filling in. */
const SHELL_TEXT_CHARS = 1500;
const URL_CHECK_MS = 1000;
/** Re-analyses per page after the article text changed under us; beyond this the page is left as it is. */
const MAX_RERUNS = 10;

interface Analysed {
  controller: AbortController;
  article: ArticlePayload | null;
  analysis: TextAnalysis | null;
  highlights: HighlightController | null;
  popups: PopupController | null;
}

export class PageSession {
  private readonly page = new AbortController();
  private readonly t: Translate = makeTranslate((k, s) => browser.i18n.getMessage(k, s));
  private settings: Settings | null = null;
  private status: PageStatus = 'analysing';
  private current: Analysed | null = null;
  private url: string;
  private reruns = 0;

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
    onSettingsChanged((s) => this.onSettings(s), signal);

    const view = this.doc.defaultView;
    view?.matchMedia?.('(prefers-color-scheme: dark)').addEventListener('change', () => this.current?.highlights?.refreshColours(), { signal });
    if (view) {
      const timer = view.setInterval(() => this.checkUrl(), URL_CHECK_MS);
      signal.addEventListener('abort', () => view.clearInterval(timer), { once: true });
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
    const controller = new AbortController();
    const run: Analysed = { controller, article: null, analysis: null, highlights: null, popups: null };
    this.current = run;
    const stop = (): boolean => controller.signal.aborted || this.page.signal.aborted;
    this.setStatus('analysing');

    const extracted = await this.findArticle(stop, stopSignal(controller.signal, this.page.signal));
    if (stop()) return;
    if (!extracted) {
      this.setStatus('no-article');
      return;
    }
    const a = extracted.article;
    const payload: ArticlePayload = {
      url: this.doc.location?.href ?? '', host: this.host(), title: a.title, byline: a.byline, published: a.published,
      language: a.language, agencies: a.agencies, dateline: a.dateline, text: a.text,
    };
    run.article = payload;
    let response: unknown;
    try {
      response = await browser.runtime.sendMessage({ type: 'cs/analyse', article: payload } satisfies CsToBg);
    } catch {
      response = null;
    }
    if (stop()) return;
    if (!isAnalyseResponse(response) || !response.ok) {
      this.setStatus('error');
      return;
    }
    // Receiving and checking a big analysis is one task, unpacking it another, sorting its spans and reading
    // the page's colours a third, mapping them in slices more: yield between them so none joins the next.
    await yieldToPage();
    if (stop()) return;
    const analysis = unpackAnalysis(response.packed);
    run.analysis = analysis;
    await yieldToPage();
    if (stop()) return;
    const highlights = new HighlightController(this.doc, extracted.map, extracted.root, analysis);
    run.highlights = highlights;
    controller.signal.addEventListener('abort', () => highlights.destroy(), { once: true });
    await yieldToPage();
    if (stop()) return;
    await highlights.prepare(controller.signal);
    if (stop()) return;
    await yieldToPage();
    if (stop()) return;
    if (this.settings) highlights.applySettings(this.settings);
    run.popups = new PopupController(this.doc, highlights, analysis, response.contexts, this.t, controller.signal);
    this.setStatus('ready', false);
    // Wrapper marks change the DOM themselves; only the DOM-free painter can watch the article safely.
    if (highlights.painter.mode === 'highlight-api') {
      const spans = [...analysis.entities, ...highlights.quotes];
      watchArticle(extracted.root, () => {
        if (stop() || spansIntact(extracted.map, payload.text, spans)) return;
        this.rerun();
      }, controller.signal);
    }
  }

  /** The article changed under the highlights: analyse it again (bounded per page). */
  private rerun(): void {
    if (this.reruns >= MAX_RERUNS) return;
    this.reruns++;
    this.dispose();
    void this.analyse();
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

  /** A single-page app changed the URL: what was painted belongs to the old article. */
  private checkUrl(): void {
    // After the extension is updated, disabled or removed, this copy is orphaned: clean up after ourselves.
    if (!extensionAlive()) { this.stop(); return; }
    const now = this.doc.location?.href ?? '';
    this.current?.highlights?.painter.ensureStyle();
    if (now === this.url) {
      const root = this.current?.highlights?.articleRoot;
      if (root && !root.isConnected) this.rerun();
      return;
    }
    this.url = now;
    this.reruns = 0;
    this.dispose();
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

/** Aborted when either run or page is; AbortSignal.any is missing in older browsers, where the run's own signal has to do. */
function stopSignal(run: AbortSignal, page: AbortSignal): AbortSignal {
  const any = (AbortSignal as { any?: (signals: AbortSignal[]) => AbortSignal }).any;
  return typeof any === 'function' ? any.call(AbortSignal, [run, page]) : run;
}
