import { describe, expect, it } from 'vitest';
import { defaultSettings } from './settings.ts';
import { setKind, toggleAll, visibleKinds } from './toggles.ts';

describe('toggles', () => {
  it('shows the enabled kinds only while the master switch is on', () => {
    const s = defaultSettings();
    expect([...visibleKinds(s)].sort()).toEqual(['loc', 'org', 'per', 'quote']);
    expect(visibleKinds(toggleAll(s)).size).toBe(0);
  });

  it('toggling all twice restores the same kinds', () => {
    const s = setKind(defaultSettings(), 'loc', false);
    expect(visibleKinds(toggleAll(toggleAll(s)))).toEqual(visibleKinds(s));
  });

  it('turning all on with every kind off brings the default kinds back', () => {
    let s = defaultSettings();
    for (const k of ['quote', 'per', 'loc', 'org', 'misc'] as const) s = setKind(s, k, false);
    s = toggleAll(toggleAll(s));
    expect(visibleKinds(s).size).toBeGreaterThan(0);
  });

  it('turning one kind on while all are off shows just that kind', () => {
    const off = toggleAll(defaultSettings());
    const s = setKind(off, 'per', true);
    expect([...visibleKinds(s)]).toEqual(['per']);
  });

  it('turning a kind off keeps the others', () => {
    const s = setKind(defaultSettings(), 'quote', false);
    expect([...visibleKinds(s)].sort()).toEqual(['loc', 'org', 'per']);
  });
});
