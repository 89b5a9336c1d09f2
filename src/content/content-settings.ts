/**
 * Reading and watching the stored settings from the content script, through
 * its polyfill-free API (extension-api.ts). The same contract as
 * src/shared/settings-store.ts, which pulls in webextension-polyfill; the
 * content script only reads, so writing stays there.
 */
import { browser } from './extension-api.ts';
import { parseSettings, SETTINGS_KEY, type Settings } from '../shared/settings.ts';

export async function loadSettings(): Promise<Settings> {
  try {
    const got = await browser.storage.local.get(SETTINGS_KEY);
    return parseSettings(got[SETTINGS_KEY]);
  } catch {
    return parseSettings(undefined);
  }
}

/** Call `listener` with the new settings whenever they change; stops when `signal` aborts. */
export function onSettingsChanged(listener: (s: Settings) => void, signal: AbortSignal): void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    listener(parseSettings(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(handler);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(handler), { once: true });
}
