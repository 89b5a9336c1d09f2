/**
 * The side panel follows the active tab of its own window: the tab id, and
 * that tab's TabView from the background (asked for on switch, then pushed
 * by the background whenever the page's analysis changes).
 *
 * `?tabId=N` in the page URL pins the panel to one tab instead: used when
 * the panel page is opened as an ordinary tab (browser tests, screenshots),
 * where "the active tab" would be the panel itself.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser.ts';
import { isBgToUi, type UiToBg } from '../shared/messages.ts';
import { isRecord } from '../shared/guards.ts';
import type { TabView } from '../shared/views.ts';

export function useActiveTabView(): { tabId: number | null; view: TabView | null } {
  const [tabId, setTabId] = useState<number | null>(null);
  const [view, setView] = useState<TabView | null>(null);

  useEffect(() => {
    const pinned = Number(new URLSearchParams(location.search).get('tabId') ?? NaN);
    if (Number.isInteger(pinned) && pinned >= 0) {
      setTabId(pinned);
      return undefined;
    }
    let windowId: number | undefined;
    let alive = true;
    void (async () => {
      const win = await browser.windows.getCurrent();
      windowId = win.id;
      const [tab] = await browser.tabs.query({ active: true, windowId });
      if (alive) setTabId(tab?.id ?? null);
    })();
    const onActivated = (info: { tabId: number; windowId: number }): void => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => {
      alive = false;
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, []);

  useEffect(() => {
    if (tabId === null) return undefined;
    let alive = true;
    setView(null);
    const ask: UiToBg = { type: 'ui/get-tab', tabId };
    browser.runtime.sendMessage(ask).then((v: unknown) => {
      if (alive && isRecord(v) && v['tabId'] === tabId) setView(v as unknown as TabView);
    }).catch(() => undefined);
    const onMessage = (msg: unknown): undefined => {
      if (isBgToUi(msg) && msg.view.tabId === tabId) setView(msg.view);
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      alive = false;
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [tabId]);

  return { tabId, view };
}
