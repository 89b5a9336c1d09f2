/**
 * How often Kontext may look again at an article that keeps changing.
 *
 * A fixed number of re-analyses per page would leave a live blog that
 * prepends posts for an hour stale after the tenth post. Instead the gap
 * between two looks grows with what the last look cost (extraction, engine
 * and repaint, wall time): Kontext spends at most about 1 / (1 + COST_FACTOR)
 * of the time on a changing page, never looks more often than every
 * MIN_GAP_MS, and a huge article that takes seconds to analyse is looked at
 * less often than a small live blog. A look that finds nothing changed is
 * cheap, so it barely delays the next. A block rewritten over and over in
 * place (a clock, a counter, a live score) is new text every time but rarely
 * new content: each such look in a row doubles the gap, up to REWRITE_BACKOFF
 * times; the first look that finds the article grew resets it.
 */
import type { ArticleDiff } from './article-diff.ts';

export interface BudgetOptions {
  /** Never two looks closer than this. */
  minGapMs: number;
  /** The gap after a look is at least this many times its cost. */
  costFactor: number;
  /** The gap never grows beyond this, however costly the last look. */
  maxGapMs: number;
}

export const DEFAULT_BUDGET: BudgetOptions = { minGapMs: 2000, costFactor: 3, maxGapMs: 60_000 };
/** The most a run of in-place rewrites stretches the gap. */
export const REWRITE_BACKOFF = 8;

/** What a look found, as far as pacing goes. */
export type LookOutcome = 'unchanged' | 'grew' | 'rewritten';

/** One block replaced by one (a ticking clock, a score) is a rewrite in place; anything else new is growth. */
export function lookOutcome(diff: ArticleDiff | null): LookOutcome {
  if (!diff || diff.kind === 'same') return 'unchanged';
  return diff.kind === 'changed' && diff.removedBlocks === 1 && diff.addedBlocks === 1 ? 'rewritten' : 'grew';
}

export class RefreshBudget {
  private nextAt = -Infinity;
  private looks = 0;
  private rewrites = 0;

  constructor(private readonly opts: BudgetOptions = DEFAULT_BUDGET) {}

  /** Milliseconds to wait before the next look may start (0: now). */
  waitMs(now: number): number {
    return Math.max(0, this.nextAt - now);
  }

  /** A look ran from `started` to `ended` (ms, same clock as waitMs) and found `outcome`. */
  record(started: number, ended: number, outcome: LookOutcome = 'grew'): void {
    const cost = Math.max(0, ended - started);
    if (outcome === 'rewritten') this.rewrites++;
    else if (outcome === 'grew') this.rewrites = 0;
    const backoff = Math.min(REWRITE_BACKOFF, 2 ** Math.max(0, this.rewrites - 1));
    const gap = Math.min(this.opts.maxGapMs, Math.max(this.opts.minGapMs, cost * this.opts.costFactor) * backoff);
    this.nextAt = ended + gap;
    this.looks++;
  }

  /** Looks recorded so far (for diagnostics and tests). */
  get count(): number {
    return this.looks;
  }
}
