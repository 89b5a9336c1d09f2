/**
 * Settings as Preact state for the side panel and the options page: loaded
 * once, kept in sync with storage (changes from the shortcut or another
 * page show up at once), and changed through serialised updates.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from './settings.ts';
import { loadSettings, onSettingsChanged, updateSettings } from './settings-store.ts';

export function useSettings(): [Settings | null, (change: (s: Settings) => Settings) => void] {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    const ctl = new AbortController();
    void loadSettings().then((s) => { if (!ctl.signal.aborted) setSettings(s); });
    onSettingsChanged(setSettings, ctl.signal);
    return () => ctl.abort();
  }, []);
  const update = (change: (s: Settings) => Settings): void => {
    void updateSettings(change).then(setSettings);
  };
  return [settings, update];
}
