// Opening the side panel's page as an ordinary tab (the real side panel is not a Playwright
// page), pinned to the article's tab with `?tabId=N` (docs/testing-hooks.md). The article's tab
// is also brought back to the front, so a panel that follows the active tab of its window
// shows the same article.

import { extensionPages, readManifest } from './chromium.mjs';

/** The browser's tab id for a Playwright page: bring it to the front and ask the worker for the active tab. */
export async function tabIdOf(browser, page) {
  await page.bringToFront();
  return browser.serviceWorker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? null;
  });
}

/**
 * Opens the side panel page in a new tab of the same window and makes `articlePage` the
 * active tab again, so the panel describes it. `browser` is what launchWithExtension returned.
 */
export async function openSidePanelFor(browser, articlePage) {
  const path = extensionPages(readManifest()).sidePanel;
  if (!path) throw new Error('the manifest has no side_panel.default_path');
  const tabId = await tabIdOf(browser, articlePage);
  if (tabId === null) throw new Error('could not find the tab id of the article page');
  const panel = await browser.context.newPage();
  await panel.goto(`${browser.extensionUrl(path)}?tabId=${tabId}`, { waitUntil: 'load' });
  await articlePage.bringToFront();
  return { panel, tabId };
}
