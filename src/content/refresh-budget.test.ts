import { describe, expect, it } from 'vitest';
import { REWRITE_BACKOFF, RefreshBudget } from './refresh-budget.ts';

describe('RefreshBudget', () => {
  const opts = { minGapMs: 2000, costFactor: 3, maxGapMs: 60_000 };

  it('lets the first look run at once', () => {
    expect(new RefreshBudget(opts).waitMs(0)).toBe(0);
  });

  it('keeps a live blog current for as long as it runs: no count limit, only a rate', () => {
    const b = new RefreshBudget(opts);
    let now = 0;
    let looks = 0;
    // An hour of posts, each look costing 100 ms: one look every ~2 s, all the way through.
    while (now < 3_600_000) {
      now += b.waitMs(now);
      b.record(now, now + 100);
      now += 100;
      looks++;
    }
    expect(looks).toBeGreaterThan(1500);
    expect(b.count).toBe(looks);
  });

  it('spaces costly looks by a multiple of their cost, up to a ceiling', () => {
    const b = new RefreshBudget(opts);
    b.record(0, 5000);
    expect(b.waitMs(5000)).toBe(15_000);
    b.record(20_000, 50_000);
    expect(b.waitMs(50_000)).toBe(60_000);
  });

  it('keeps Kontext\'s share of a constantly changing page near 1 / (1 + costFactor)', () => {
    const b = new RefreshBudget(opts);
    let now = 0;
    let busy = 0;
    for (let i = 0; i < 100; i++) {
      now += b.waitMs(now);
      const cost = 800 + (i % 5) * 300;
      b.record(now, now + cost);
      now += cost;
      busy += cost;
    }
    expect(busy / now).toBeLessThanOrEqual(0.26);
  });

  it('backs off from a block rewritten in place again and again, and recovers when the article grows', () => {
    const b = new RefreshBudget(opts);
    const gaps: number[] = [];
    let now = 0;
    for (let i = 0; i < 8; i++) {
      b.record(now, now + 100, 'rewritten');
      now += 100;
      gaps.push(b.waitMs(now));
      now += b.waitMs(now);
    }
    expect(gaps.slice(0, 5)).toEqual([2000, 4000, 8000, 16_000, 16_000]);
    expect(Math.max(...gaps)).toBe(2000 * REWRITE_BACKOFF);
    // A look that found nothing keeps the back-off; growth ends it.
    b.record(now, now + 100, 'unchanged');
    expect(b.waitMs(now + 100)).toBe(16_000);
    b.record(now, now + 100, 'grew');
    expect(b.waitMs(now + 100)).toBe(2000);
  });
});
