/**
 * The one browser adapter. Every extension API call goes through here, so
 * the differences between Chrome and Firefox (side panel vs sidebar, badge
 * quirks) live in one file and nowhere else.
 *
 * webextension-polyfill gives the promise-based `browser.*` namespace in
 * both browsers; `chrome.sidePanel` is not in the polyfill, so it is read
 * from the `chrome` global where it exists.
 */
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Tabs, Storage } from 'webextension-polyfill';

/** Chrome's side panel API, when present (Chrome 114+). */
function chromeSidePanel(): typeof chrome.sidePanel | null {
  const c = (globalThis as { chrome?: typeof chrome }).chrome;
  return c?.sidePanel ?? null;
}

/** True where the side panel is a Firefox sidebar. */
export function hasSidebarAction(): boolean {
  return typeof browser.sidebarAction?.open === 'function';
}

/**
 * Open the side panel for a window. Must be called synchronously inside a
 * user-gesture handler (action click, command): no `await` before this call.
 */
export function openSidePanel(windowId: number | undefined): void {
  const panel = chromeSidePanel();
  if (panel && windowId !== undefined) {
    panel.open({ windowId }).catch(() => undefined);
    return;
  }
  if (hasSidebarAction()) {
    browser.sidebarAction.open().catch(() => undefined);
  }
}

/** The extension's own base URL ("chrome-extension://id/"), to recognise its own pages as senders. */
export function ownBaseUrl(): string {
  return browser.runtime.getURL('/');
}

/** False in a content script orphaned by an extension update, disable or uninstall. */
export function extensionAlive(): boolean {
  try {
    return typeof browser.runtime?.id === 'string';
  } catch {
    return false;
  }
}

export function ownId(): string {
  return browser.runtime.id;
}

export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

export async function setBadge(tabId: number, text: string): Promise<void> {
  try {
    await browser.action.setBadgeText({ tabId, text });
    if (text) await browser.action.setBadgeBackgroundColor({ tabId, color: '#0b4f9c' });
  } catch {
    // The tab may be gone already; a badge for a closed tab does not matter.
  }
}

/** Send to a tab's top-frame content script; resolves undefined when nothing is listening there. */
export async function sendToTab(tabId: number, message: unknown): Promise<unknown> {
  try {
    return await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
  } catch {
    return undefined;
  }
}

/** Broadcast to the extension's own pages (side panel, options); fine when none is open. */
export async function sendToExtensionPages(message: unknown): Promise<void> {
  try {
    await browser.runtime.sendMessage(message);
  } catch {
    // No receiver: no side panel open.
  }
}

export async function activeTabId(): Promise<number | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}
