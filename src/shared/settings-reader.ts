/**
 * Reading and watching the stored settings over any storage that looks like
 * `browser.storage`: extension pages pass the polyfilled API
 * (settings-store.ts), the content script its own polyfill-free one
 * (content/content-settings.ts). One place decides how a stored value
 * becomes valid settings and which changes count.
 */
import { parseSettings, SETTINGS_KEY, type Settings } from './settings.ts';

type ChangeListener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;

/** The part of `browser.storage` settings are read through. */
export interface SettingsStorage {
  local: { get(key: string): Promise<Record<string, unknown>> };
  onChanged: { addListener(l: ChangeListener): void; removeListener(l: ChangeListener): void };
}

/** Valid settings from storage; the defaults when storage cannot be read. */
export async function readSettings(storage: SettingsStorage): Promise<Settings> {
  try {
    const got = await storage.local.get(SETTINGS_KEY);
    return parseSettings(got[SETTINGS_KEY]);
  } catch {
    return parseSettings(undefined);
  }
}

/** Call `listener` with the new settings whenever they change; stops when `signal` aborts. */
export function watchSettings(storage: SettingsStorage, listener: (s: Settings) => void, signal: AbortSignal): void {
  const handler: ChangeListener = (changes, area) => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    listener(parseSettings(changes[SETTINGS_KEY]?.newValue));
  };
  storage.onChanged.addListener(handler);
  signal.addEventListener('abort', () => storage.onChanged.removeListener(handler), { once: true });
}
