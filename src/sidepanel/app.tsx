/**
 * The side panel: the active tab's article, highlight toggles, the site
 * switch, quotes by speaker, names by kind and the topic background — or a
 * clear state when there is no article, the page is off limits, or the
 * analysis is still running.
 */
import { browser } from '../shared/browser.ts';
import type { UiToBg } from '../shared/messages.ts';
import { formatDate, t } from '../shared/ui-i18n.ts';
import { useSettings } from '../shared/use-settings.ts';
import type { Span } from '../core/types.ts';
import { useActiveTabView } from './use-active-tab.ts';
import { sourceLine } from './view-model.ts';
import { StatusMessage } from './components/status-message.tsx';
import { HighlightToggles } from './components/highlight-toggles.tsx';
import { SiteSwitch } from './components/site-switch.tsx';
import { QuoteGroups } from './components/quote-groups.tsx';
import { EntityLists } from './components/entity-lists.tsx';
import { BackgroundSection } from './components/background-section.tsx';

export function App() {
  const { tabId, view } = useActiveTabView();
  const [settings, update] = useSettings();

  const scrollTo = (span: Span): void => {
    if (tabId === null) return;
    const msg: UiToBg = { type: 'ui/scroll-to', tabId, start: span.start, end: span.end };
    void browser.runtime.sendMessage(msg).catch(() => undefined);
  };
  const runNow = (): void => {
    if (tabId === null) return;
    const msg: UiToBg = { type: 'ui/run-now', tabId };
    void browser.runtime.sendMessage(msg).catch(() => undefined);
  };

  const ready = view?.status === 'ready' && view.analysis !== null;
  return (
    <div class="panel">
      <header class="panel-header">
        <h1>{t('panelTitle')}</h1>
        <button type="button" class="link-button" onClick={() => void browser.runtime.openOptionsPage()}>{t('panelSettings')}</button>
      </header>
      <main aria-busy={view === null || view.status === 'analysing'}>
        {/* Only the short state line is live: announcing the whole panel on every update would drown a screen reader. */}
        <div role="status" aria-live="polite">
          {!ready && <StatusMessage status={view?.status ?? 'analysing'} onRunNow={runNow} />}
        </div>
        {ready && view.analysis && (
          <>
            <section class="article-meta" aria-labelledby="kontext-article-title">
              <h2 id="kontext-article-title">{view.article?.title ?? view.host ?? ''}</h2>
              {sourceLine(view.article?.agencies ?? [], view.host) && (
                <p class="muted">{t('panelSource', sourceLine(view.article?.agencies ?? [], view.host))}</p>
              )}
              {view.article?.published && <p class="muted">{t('panelPublished', formatDate(view.article.published) ?? '')}</p>}
            </section>
            {settings && <HighlightToggles settings={settings} update={update} />}
            <QuoteGroups analysis={view.analysis} contexts={view.contexts} onShow={scrollTo} />
            <EntityLists analysis={view.analysis} contexts={view.contexts} onShow={scrollTo} />
            {view.background && <BackgroundSection view={view.background} />}
          </>
        )}
        {settings && view?.host && <SiteSwitch host={view.host} settings={settings} update={update} />}
      </main>
    </div>
  );
}
