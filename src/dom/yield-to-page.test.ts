import { afterEach, describe, expect, it } from 'vitest';
import { SliceClock, yieldToPage } from './yield-to-page.ts';

describe('yieldToPage', () => {
  const g = globalThis as { scheduler?: unknown };
  const saved = g.scheduler;
  afterEach(() => { g.scheduler = saved; });

  it('uses scheduler.yield where the browser has it', async () => {
    let calls = 0;
    g.scheduler = { yield: () => { calls++; return Promise.resolve(); } };
    await yieldToPage();
    expect(calls).toBe(1);
  });

  it('falls back to a timeout that lets queued tasks run first', async () => {
    g.scheduler = undefined;
    const order: string[] = [];
    setTimeout(() => order.push('queued task'), 0);
    await yieldToPage();
    order.push('after yield');
    expect(order).toEqual(['queued task', 'after yield']);
  });
});

describe('SliceClock', () => {
  it('reports a slice as spent only after its budget and starts a new one after yielding', async () => {
    const clock = new SliceClock(5);
    expect(clock.spent).toBe(false);
    const t = performance.now();
    while (performance.now() - t < 7) { /* burn the slice */ }
    expect(clock.spent).toBe(true);
    expect(await clock.yieldIfSpent()).toBe(true);
    expect(clock.spent).toBe(false);
    expect(await clock.yieldIfSpent()).toBe(false);
  });

  it('with a stride, looks at the clock only every n-th item', async () => {
    const clock = new SliceClock(-1, 3);
    const results = [];
    for (let i = 0; i < 6; i++) results.push(await clock.yieldIfSpent());
    expect(results).toEqual([false, false, true, false, false, true]);
  });
});
