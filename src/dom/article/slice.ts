/**
 * Time slices for extractArticleAsync: the extraction checks `due()` between
 * small units of work and gives the main thread back (yieldToPage, shared
 * with the painter) when its slice is used up. `due` is a plain function
 * because the extraction generators pass it down to every step.
 */
export { yieldToPage } from '../yield-to-page.ts';

export class Slice {
  /** The latest slice, kept so that V8 keeps this class's shape and the optimised walk that calls `due` (see BlockScanner.latest). */
  private static latest: Slice | null = null;
  private start = now();

  constructor(private readonly budgetMs: number) {
    Slice.latest = this;
  }

  /** True once the current slice has run past its budget (bound, so it can be handed around). */
  readonly due = (): boolean => now() - this.start > this.budgetMs;

  restart(): void {
    this.start = now();
  }
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
