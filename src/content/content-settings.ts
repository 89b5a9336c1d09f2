/**
 * The stored settings as the content script sees them: read and watched
 * through its polyfill-free API (extension-api.ts); writing stays with the
 * extension pages (src/shared/settings-store.ts).
 */
import { browser } from './extension-api.ts';
import type { Settings } from '../shared/settings.ts';
import { readSettings, watchSettings } from '../shared/settings-reader.ts';

export function loadSettings(): Promise<Settings> {
  return readSettings(browser.storage);
}

/** Call `listener` with the new settings whenever they change; stops when `signal` aborts. */
export function onSettingsChanged(listener: (s: Settings) => void, signal: AbortSignal): void {
  watchSettings(browser.storage, listener, signal);
}
