import { describe, expect, it } from 'vitest';
import { TabAnalysisCaches } from './analysis-caches.ts';

describe('TabAnalysisCaches', () => {
  it('gives each tab its own cache and the same one on every call', () => {
    const caches = new TabAnalysisCaches(3);
    const a = caches.for(1);
    expect(caches.for(1)).toBe(a);
    expect(caches.for(2)).not.toBe(a);
  });

  it('keeps at most maxTabs caches, dropping the least recently used tab', () => {
    const caches = new TabAnalysisCaches(2);
    const one = caches.for(1);
    caches.for(2);
    caches.for(1);
    caches.for(3);
    expect(caches.size).toBe(2);
    expect(caches.for(1)).toBe(one);
    // Tab 2 was the least recently used: it starts afresh.
    const two = caches.for(2);
    expect(caches.size).toBe(2);
    expect(caches.for(2)).toBe(two);
  });

  it('forgets a closed tab', () => {
    const caches = new TabAnalysisCaches(2);
    const a = caches.for(7);
    caches.drop(7);
    expect(caches.size).toBe(0);
    expect(caches.for(7)).not.toBe(a);
  });
});
