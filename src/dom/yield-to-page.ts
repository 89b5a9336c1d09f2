/**
 * Gives the page's main thread back between slices of our work, so a big
 * article never turns into one long task (the budget: no task over 50 ms).
 * scheduler.yield() resumes us ahead of other queued work where it exists
 * (Chromium 129+); elsewhere a zero-delay timeout lets input and rendering in.
 */
interface YieldingScheduler { yield(): Promise<void> }

export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
  if (s && typeof s.yield === 'function') return s.yield.call(s);
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A clock for work that checks after each item whether its slice is used up. */
export class SliceClock {
  private start = performance.now();
  private calls = 0;
  /** `stride`: look at the clock only every n-th call, since reading it costs as much as a cheap item. */
  constructor(private readonly budgetMs: number, private readonly stride = 1) {}

  /** True when the current slice has run past its budget (then start a new one after yielding). */
  get spent(): boolean {
    return performance.now() - this.start > this.budgetMs;
  }

  async yieldIfSpent(): Promise<boolean> {
    if (++this.calls % this.stride !== 0 || !this.spent) return false;
    await yieldToPage();
    this.start = performance.now();
    return true;
  }
}
