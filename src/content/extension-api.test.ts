import { afterEach, describe, expect, it, vi } from 'vitest';

type RawListener = (message: unknown, sender: { id?: string }, sendResponse: (r?: unknown) => void) => boolean;

/** A Chrome-like namespace: callback-style onMessage, promise-returning sendMessage and storage. */
function fakeChrome(): { api: Record<string, unknown>; listeners: Set<RawListener>; sent: unknown[] } {
  const listeners = new Set<RawListener>();
  const sent: unknown[] = [];
  const api = {
    runtime: {
      id: 'ext-id',
      sendMessage: async (m: unknown) => { sent.push(m); return { echoed: m }; },
      onMessage: { addListener: (l: RawListener) => listeners.add(l), removeListener: (l: RawListener) => listeners.delete(l) },
    },
    i18n: { getMessage: (k: string) => `msg:${k}` },
    storage: { local: { get: async (k: string) => ({ [k]: 1 }) }, onChanged: { addListener: () => undefined, removeListener: () => undefined } },
  };
  return { api, listeners, sent };
}

async function load(globals: Record<string, unknown>): Promise<typeof import('./extension-api.ts')> {
  vi.resetModules();
  for (const [k, v] of Object.entries(globals)) vi.stubGlobal(k, v);
  return import('./extension-api.ts');
}

afterEach(() => vi.unstubAllGlobals());

describe('content script extension API without the polyfill', () => {
  it('answers a Chrome message through sendResponse when the listener returns a promise', async () => {
    const chrome = fakeChrome();
    const { browser, ownId, extensionAlive } = await load({ chrome: chrome.api, browser: undefined });
    expect(ownId()).toBe('ext-id');
    expect(extensionAlive()).toBe(true);
    const listener = vi.fn((msg: unknown) => (msg === 'ignore' ? undefined : Promise.resolve({ got: msg })));
    browser.runtime.onMessage.addListener(listener);
    const [raw] = [...chrome.listeners];
    const replies: unknown[] = [];
    expect(raw!('ignore', { id: 'ext-id' }, (r) => replies.push(r))).toBe(false);
    expect(raw!('ping', { id: 'ext-id' }, (r) => replies.push(r))).toBe(true);
    await Promise.resolve();
    await Promise.resolve();
    expect(replies).toEqual([{ got: 'ping' }]);
    // A failing handler answers "nothing" instead of leaving the sender waiting.
    const failing = (): Promise<unknown> => Promise.reject(new Error('boom'));
    browser.runtime.onMessage.addListener(failing);
    const rawFailing = [...chrome.listeners][1]!;
    expect(rawFailing('x', {}, (r) => replies.push(r ?? 'none'))).toBe(true);
    await new Promise((r) => setTimeout(r, 0));
    expect(replies).toEqual([{ got: 'ping' }, 'none']);
    browser.runtime.onMessage.removeListener(listener);
    browser.runtime.onMessage.removeListener(failing);
    expect(chrome.listeners.size).toBe(0);
    expect(await browser.runtime.sendMessage({ type: 'x' })).toEqual({ echoed: { type: 'x' } });
    expect(browser.i18n.getMessage('popupClose')).toBe('msg:popupClose');
    expect(await browser.storage.local.get('settings')).toEqual({ settings: 1 });
  });

  it('uses the native promise-based namespace where there is one (Firefox)', async () => {
    const firefox = fakeChrome();
    const chrome = fakeChrome();
    const { browser } = await load({ browser: firefox.api, chrome: chrome.api });
    await browser.runtime.sendMessage('hi');
    expect(firefox.sent).toEqual(['hi']);
    expect(chrome.sent).toEqual([]);
  });

  it('reports an orphaned script (runtime id gone after an update or uninstall)', async () => {
    const chrome = fakeChrome();
    const { extensionAlive } = await load({ chrome: chrome.api, browser: undefined });
    (chrome.api['runtime'] as { id: string | undefined }).id = undefined;
    expect(extensionAlive()).toBe(false);
  });
});
