import { describe, expect, it } from 'vitest';
import { parseSettings, SETTINGS_KEY } from './settings.ts';
import { readSettings, watchSettings, type SettingsStorage } from './settings-reader.ts';

type Listener = Parameters<SettingsStorage['onChanged']['addListener']>[0];

function fakeStorage(stored: Record<string, unknown> | Error): SettingsStorage & { listeners: Set<Listener> } {
  const listeners = new Set<Listener>();
  return {
    listeners,
    local: { get: async () => { if (stored instanceof Error) throw stored; return stored; } },
    onChanged: { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) },
  };
}

describe('settings reader', () => {
  it('falls back to the defaults when storage cannot be read', async () => {
    expect(await readSettings(fakeStorage(new Error('storage gone')))).toEqual(parseSettings(undefined));
  });

  it('reads what parseSettings makes of the stored value', async () => {
    const stored = { ...parseSettings(undefined), version: 999, junk: true };
    expect(await readSettings(fakeStorage({ [SETTINGS_KEY]: stored }))).toEqual(parseSettings(stored));
  });

  it('reports only local changes of the settings key, and stops on abort', () => {
    const storage = fakeStorage({});
    const seen: unknown[] = [];
    const stop = new AbortController();
    watchSettings(storage, (s) => seen.push(s), stop.signal);
    const fire = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
      for (const l of storage.listeners) l(changes, area);
    };
    fire({ [SETTINGS_KEY]: { newValue: undefined } }, 'sync');
    fire({ other: { newValue: 1 } }, 'local');
    expect(seen).toHaveLength(0);
    fire({ [SETTINGS_KEY]: { newValue: undefined } }, 'local');
    expect(seen).toEqual([parseSettings(undefined)]);
    stop.abort();
    expect(storage.listeners.size).toBe(0);
  });
});
