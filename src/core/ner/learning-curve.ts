/**
 * Learning-curve helpers for `npm run eval:ner -- --curve`: nested,
 * deterministic subsets of a training set, and a fit of F1 against the log
 * of the training size. The fit answers the question whether more
 * annotated sentences of the same kind could reach a target F1, and about
 * how many: it is an extrapolation, so it only says which order of
 * magnitude of data a target needs.
 */
import { seededRandom, shuffleInPlace } from './train.ts';
import type { CorpusSentence } from './corpus.ts';

/**
 * The first `fraction` of `items` in one fixed random order: subsets for
 * growing fractions are nested (25 % ⊂ 50 % ⊂ …), so the curve compares
 * more data with less, not one sample with another. The order of the
 * chosen items is kept as in `items`.
 */
export function nestedSubset<T>(items: readonly T[], fraction: number, seed: number): T[] {
  const order = items.map((_, i) => i);
  shuffleInPlace(order, seededRandom(seed));
  const take = Math.max(1, Math.min(items.length, Math.round(items.length * fraction)));
  const chosen = order.slice(0, take).sort((a, b) => a - b);
  return chosen.map((i) => items[i]!);
}

/**
 * `nestedSubset` over whole documents (names repeat inside a document, so a
 * fraction of sentences would see parts of every document); sentences
 * without a document id are their own document.
 */
export function nestedDocumentSubset(sentences: readonly CorpusSentence[], fraction: number, seed: number): CorpusSentence[] {
  const docs: string[] = [];
  const key = sentences.map((s, i) => (s.doc ? `d:${s.doc}` : `s:${i}`));
  const seen = new Set<string>();
  for (const k of key) {
    if (seen.has(k)) continue;
    seen.add(k);
    docs.push(k);
  }
  const keep = new Set(nestedSubset(docs, fraction, seed));
  return sentences.filter((_, i) => keep.has(key[i]!));
}

export interface CurvePoint {
  /** Training sentences. */
  size: number;
  f1: number;
}

/** F1 ≈ intercept + slope · ln(size), least squares. */
export interface LogFit {
  intercept: number;
  slope: number;
}

export function fitLogCurve(points: readonly CurvePoint[]): LogFit {
  const n = points.length;
  if (n < 2) throw new Error('a curve needs at least two points');
  const xs = points.map((p) => Math.log(p.size));
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = points.reduce((a, p) => a + p.f1, 0) / n;
  let sxy = 0;
  let sxx = 0;
  points.forEach((p, i) => {
    sxy += (xs[i]! - mx) * (p.f1 - my);
    sxx += (xs[i]! - mx) ** 2;
  });
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { intercept: my - slope * mx, slope };
}

export function predictF1(fit: LogFit, size: number): number {
  return fit.intercept + fit.slope * Math.log(size);
}

/** Training size at which the fitted curve reaches `target` (Infinity when it never rises). */
export function sizeForF1(fit: LogFit, target: number): number {
  if (fit.slope <= 0) return Infinity;
  return Math.exp((target - fit.intercept) / fit.slope);
}
