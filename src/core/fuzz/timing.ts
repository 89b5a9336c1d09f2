/**
 * Robust timing for scaling checks: the same work timed repeatedly, the
 * fastest of several rounds taken (other processes only ever add time),
 * and the result given as a ratio, never as an absolute budget.
 */

/** Milliseconds per call of fn(), fastest of `rounds` rounds of at least `minMs` each. */
export function msPerCall(fn: () => unknown, rounds = 3, minMs = 40, warmUp = true): number {
  if (warmUp) fn(); // JIT, caches
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    let calls = 0;
    const t0 = performance.now();
    let elapsed = 0;
    do {
      fn();
      calls++;
      elapsed = performance.now() - t0;
    } while (elapsed < minMs);
    best = Math.min(best, elapsed / calls);
  }
  return best;
}

/**
 * time(fn on text repeated `factor` times) / time(fn on text). The small
 * run warms the code up, so the large one needs no warm-up call of its own
 * (that keeps slow, superlinear cases from taking ages).
 */
export function scalingRatio(fn: (text: string) => unknown, text: string, factor: number): number {
  const big = text.repeat(factor);
  const small = msPerCall(() => fn(text));
  const large = msPerCall(() => fn(big), 2, 40, false);
  return large / small;
}
