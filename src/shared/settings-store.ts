/**
 * Settings in storage.local, through the browser adapter. Reads always yield
 * valid settings (see parseSettings); writes go through `updateSettings` so
 * concurrent changes from the side panel, options page and shortcut apply
 * one after another rather than overwriting each other's fields.
 */
import { browser } from './browser.ts';
import { parseSettings, SETTINGS_KEY, type Settings } from './settings.ts';

export async function loadSettings(): Promise<Settings> {
  try {
    const got = await browser.storage.local.get(SETTINGS_KEY);
    return parseSettings(got[SETTINGS_KEY]);
  } catch {
    return parseSettings(undefined);
  }
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
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
    listener(parseSettings(changes[SETTINGS_KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(handler);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(handler), { once: true });
}
