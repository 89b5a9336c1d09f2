/**
 * The content script's own, narrow door to the extension APIs, without
 * webextension-polyfill. The content script is evaluated on every page the
 * reader opens; the polyfill's start-up (its API table, a Proxy over
 * `chrome`, and the bundler's copy of every property of it, which wakes up
 * each lazily created `chrome.*` binding) was a measurable part of the
 * script's cost before it did anything useful (docs/performance.md).
 *
 * Firefox: the native `browser` namespace is already promise-based. Chrome
 * (MV3, 116+): `runtime.sendMessage` and `storage.local.get` return promises;
 * the one gap is `runtime.onMessage`, whose listeners answer through
 * `sendResponse`, so a listener that returns a promise is wrapped here.
 * Same export names as src/shared/browser.ts, which extension pages keep using.
 */

export type MessageListener = (message: unknown, sender: { id?: string }) => Promise<unknown> | undefined;
export type StorageChanges = Record<string, { newValue?: unknown }>;
export type StorageListener = (changes: StorageChanges, area: string) => void;

interface ListenerSet<L> {
  addListener(listener: L): void;
  removeListener(listener: L): void;
}

/** Only what the content script calls. */
export interface ContentApi {
  runtime: {
    readonly id: string | undefined;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: ListenerSet<MessageListener>;
  };
  i18n: { getMessage(key: string, substitutions?: string | string[]): string };
  storage: {
    local: { get(key: string): Promise<Record<string, unknown>> };
    onChanged: ListenerSet<StorageListener>;
  };
}

type ChromeMessageListener = (message: unknown, sender: { id?: string }, sendResponse: (response?: unknown) => void) => boolean;

/** The raw namespace as either browser exposes it (Chrome: callback-style onMessage). */
interface RawApi extends Omit<ContentApi, 'runtime'> {
  runtime: Omit<ContentApi['runtime'], 'onMessage'> & { onMessage: ListenerSet<ChromeMessageListener> };
}

function rawNamespace(name: 'browser' | 'chrome'): RawApi | null {
  const ns = (globalThis as Record<string, unknown>)[name];
  if (typeof ns !== 'object' || ns === null) return null;
  const runtime = (ns as { runtime?: unknown }).runtime;
  return typeof runtime === 'object' && runtime !== null ? (ns as RawApi) : null;
}

/** Chrome's onMessage: a listener's promise is answered through sendResponse (returning true keeps the channel open). */
function promiseListeners(raw: ListenerSet<ChromeMessageListener>): ListenerSet<MessageListener> {
  const wrapped = new WeakMap<MessageListener, ChromeMessageListener>();
  return {
    addListener(listener) {
      const w: ChromeMessageListener = (message, sender, sendResponse) => {
        const answer = listener(message, sender);
        if (!answer) return false;
        // A failed handler answers "nothing", as a missing receiver would.
        answer.then((value) => sendResponse(value), () => sendResponse(undefined));
        return true;
      };
      wrapped.set(listener, w);
      raw.addListener(w);
    },
    removeListener(listener) {
      const w = wrapped.get(listener);
      if (w) raw.removeListener(w);
    },
  };
}

function makeApi(): ContentApi {
  const firefox = rawNamespace('browser');
  // Firefox's own namespace already takes promise-returning listeners.
  if (firefox) return firefox as unknown as ContentApi;
  const chrome = rawNamespace('chrome');
  if (!chrome) throw new Error('Kontext: no extension API in this context');
  const onMessage = promiseListeners(chrome.runtime.onMessage);
  return {
    runtime: {
      get id() { return chrome.runtime.id; },
      sendMessage: (message) => chrome.runtime.sendMessage(message),
      onMessage,
    },
    i18n: chrome.i18n,
    storage: chrome.storage,
  };
}

export const browser: ContentApi = makeApi();

/** False in a content script orphaned by an extension update, disable or uninstall. */
export function extensionAlive(): boolean {
  try {
    return typeof browser.runtime.id === 'string';
  } catch {
    return false;
  }
}

export function ownId(): string {
  return browser.runtime.id ?? '';
}
