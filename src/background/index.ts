/**
 * Kontext's background (service worker in Chrome, event page in Firefox).
 *
 *   content script ──cs/analyse──► engine (analyzeTextAsync, models load once)
 *         ▲                          │
 *         └── analysis + contexts ◄──┤──► per-tab TabView ──bg/tab-view──► side panel
 *                                    └──► badge (quote count)
 *   commands / action click ──► settings (storage.local) or the active tab
 *
 * Listeners are registered synchronously at the top level (required for MV3
 * workers to be woken by events). Messages are validated and accepted only
 * from this extension's content scripts and pages.
 */
import { analyzeTextAsync } from '../core/analyze-text.ts';
import { engineLanguage, type Lang } from '../core/types.ts';
import {
  activeTabId, browser, type Runtime, openSidePanel, ownBaseUrl, ownId, sendToExtensionPages, sendToTab, setBadge, uiLanguage,
} from '../shared/browser.ts';
import {
  isCsToBg, isOwnContentScript, isOwnExtensionPage, isPageReport, isUiToBg,
  type AnalyseResponse, type BgToCs, type BgToUi, type CsToBg, type UiToBg,
} from '../shared/messages.ts';
import { shownQuotes } from '../shared/display.ts';
import { packAnalysis } from '../shared/packed-analysis.ts';
import type { Settings } from '../shared/settings.ts';
import { loadSettings, updateSettings } from '../shared/settings-store.ts';
import { emptyTabView, type ArticlePayload, type TabView } from '../shared/views.ts';
import { planCommand } from './commands.ts';
import { readyView, rebuildFromReport, relocalise, statusView } from './tab-views.ts';
import { nerModelFor } from './preload-models.ts';
import { detectLanguage } from '../core/language.ts';
import { TabAnalysisCaches } from './analysis-caches.ts';

const views = new Map<number, TabView>();
/** Tabs whose content script reported since the last navigation started. */
const reported = new Set<number>();
const UNAVAILABLE_AFTER_MS = 2500;
/** Per-tab sentence results: re-analysing a page that grew costs about what is new. */
const caches = new TabAnalysisCaches();

let knowledgeLang: Lang | null = null;
let loadingLang: Promise<Lang> | null = null;

/** The language for knowledge texts; one storage read per worker start, shared by all callers so messages keep their order. */
function currentLang(): Promise<Lang> {
  if (knowledgeLang) return Promise.resolve(knowledgeLang);
  loadingLang ??= loadSettings().then((s) => {
    knowledgeLang ??= langOf(s);
    return knowledgeLang;
  });
  return loadingLang;
}

function langOf(s: Settings): Lang {
  return s.backgroundLanguage === 'auto' ? engineLanguage(uiLanguage()) : s.backgroundLanguage;
}

function publish(view: TabView): void {
  views.set(view.tabId, view);
  void sendToExtensionPages({ type: 'bg/tab-view', view } satisfies BgToUi);
}

async function analyse(tabId: number, article: ArticlePayload): Promise<AnalyseResponse> {
  const lang = await currentLang();
  // A page that changed (live blog, "load more") keeps its last analysis on show until the new one is ready.
  const known = views.get(tabId);
  if (known?.status !== 'ready' || known.url !== article.url) {
    publish({ ...statusView(tabId, 'analysing', article.url, article.host, lang) });
    void setBadge(tabId, '');
  }
  try {
    const textLang = engineLanguage(detectLanguage(article.text, article.language));
    const analysis = await analyzeTextAsync(article.text, {
      language: article.language, published: article.published, title: article.title, nerModel: nerModelFor(textLang),
      cache: caches.for(tabId),
    });
    const view = readyView(tabId, article, analysis, lang);
    // The tab may have moved on while the engine ran; only the page that asked gets this view.
    if (views.get(tabId)?.url === article.url) {
      publish(view);
      void setBadge(tabId, String(shownQuotes(analysis).length));
    }
    return { ok: true, packed: packAnalysis(analysis), contexts: view.contexts, uiLang: uiLanguage() };
  } catch (err) {
    publish(statusView(tabId, 'error', article.url, article.host, lang));
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

async function onContentMessage(msg: CsToBg, tabId: number): Promise<unknown> {
  reported.add(tabId);
  if (msg.type === 'cs/analyse') return analyse(tabId, msg.article);
  const lang = await currentLang();
  publish(statusView(tabId, msg.status, msg.url, msg.host, lang));
  if (msg.status !== 'ready') void setBadge(tabId, '');
  return undefined;
}

async function viewFor(tabId: number): Promise<TabView> {
  const known = views.get(tabId);
  if (known) return known;
  const lang = await currentLang();
  const report = await sendToTab(tabId, { type: 'bg/report' } satisfies BgToCs);
  const view = isPageReport(report) ? rebuildFromReport(tabId, report, lang) : { ...emptyTabView(tabId), lang };
  views.set(tabId, view);
  if (view.analysis) void setBadge(tabId, String(shownQuotes(view.analysis).length));
  return view;
}

async function onUiMessage(msg: UiToBg): Promise<unknown> {
  switch (msg.type) {
    case 'ui/get-tab': return viewFor(msg.tabId);
    case 'ui/scroll-to': return sendToTab(msg.tabId, { type: 'bg/scroll-to', start: msg.start, end: msg.end } satisfies BgToCs);
    case 'ui/run-now': return sendToTab(msg.tabId, { type: 'bg/run-now' } satisfies BgToCs);
  }
}

browser.runtime.onMessage.addListener((msg: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
  const id = ownId();
  if (isCsToBg(msg) && isOwnContentScript(sender, id) && sender.tab?.id !== undefined) return onContentMessage(msg, sender.tab.id);
  if (isUiToBg(msg) && isOwnExtensionPage(sender, id, ownBaseUrl())) return onUiMessage(msg);
  // Anything else (other extensions, malformed or unknown messages) is ignored.
  return undefined;
});

browser.action.onClicked.addListener((tab) => {
  // Synchronously, before any await: opening the panel needs the click's user gesture.
  openSidePanel(tab.windowId);
});

browser.commands.onCommand.addListener((command, tab) => {
  const plan = planCommand(command);
  if (plan.kind === 'update-settings') { void updateSettings(plan.change); return; }
  if (plan.kind === 'send-to-tab') {
    void (async () => {
      const tabId = tab?.id ?? (await activeTabId());
      if (tabId !== null && tabId !== undefined) await sendToTab(tabId, plan.message);
    })();
  }
});

browser.tabs.onRemoved.addListener((tabId) => {
  views.delete(tabId);
  reported.delete(tabId);
  caches.drop(tabId);
});

browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') {
    reported.delete(tabId);
    void currentLang().then((lang) => publish(statusView(tabId, 'analysing', null, null, lang)));
  } else if (change.status === 'complete') {
    // Pages where content scripts cannot run never report: say so instead of spinning forever.
    setTimeout(() => {
      if (reported.has(tabId)) return;
      void sendToTab(tabId, { type: 'bg/report' } satisfies BgToCs).then(async (report) => {
        const lang = await currentLang();
        if (reported.has(tabId)) return;
        publish(isPageReport(report) ? rebuildFromReport(tabId, report, lang) : { ...emptyTabView(tabId), lang });
      });
    }, UNAVAILABLE_AFTER_MS);
  }
});

browser.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local' || !('settings' in changes)) return;
  void loadSettings().then((s) => {
    const lang = langOf(s);
    if (lang === knowledgeLang) return;
    knowledgeLang = lang;
    for (const view of views.values()) publish(relocalise(view, lang));
  });
});
