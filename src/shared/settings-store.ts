/**
 * Settings in storage.local, through the browser adapter. Reads always yield
 * valid settings (see parseSettings); writes go through `updateSettings` so
 * concurrent changes from the side panel, options page and shortcut apply
 * one after another rather than overwriting each other's fields.
 */
import { browser } from './browser.ts';
import { SETTINGS_KEY, type Settings } from './settings.ts';
import { readSettings, watchSettings, type SettingsStorage } from './settings-reader.ts';

const storage: SettingsStorage = browser.storage;

export function loadSettings(): Promise<Settings> {
  return readSettings(storage);
}

export async function saveSettings(s: Settings): Promise<void> {
  await browser.storage.local.set({ [SETTINGS_KEY]: s });
}

let queue: Promise<unknown> = Promise.resolve();

/** Read–modify–write, serialised within this context. */
export function updateSettings(change: (s: Settings) => Settings): Promise<Settings> {
  const next = queue.then(async () => {
    const updated = change(await loadSettings());
    await saveSettings(updated);
    return updated;
  });
  queue = next.catch(() => undefined);
  return next;
}

/** Call `listener` with the new settings whenever they change; stops when `signal` aborts. */
export function onSettingsChanged(listener: (s: Settings) => void, signal: AbortSignal): void {
  watchSettings(storage, listener, signal);
}
