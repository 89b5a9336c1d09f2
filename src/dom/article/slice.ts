/**
 * Time slices for extractArticleAsync: the extraction checks `due()` between
 * small units of work and gives the main thread back when its slice is used
 * up. A dom-layer copy of the content script's yielding helper (src/dom must
 * not depend on src/content): scheduler.yield() where it exists, else a
 * zero-delay timeout.
 */
interface YieldingScheduler { yield(): Promise<void> }

export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: Partial<YieldingScheduler> }).scheduler;
  if (s && typeof s.yield === 'function') return s.yield.call(s);
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export class Slice {
  private start = now();

  constructor(private readonly budgetMs: number) {}

  /** True once the current slice has run past its budget (bound, so it can be handed around). */
  readonly due = (): boolean => now() - this.start > this.budgetMs;

  restart(): void {
    this.start = now();
  }
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
