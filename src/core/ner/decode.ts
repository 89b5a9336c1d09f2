/**
 * Sequence decoding over per-token tag scores: constrained Viterbi for the
 * best tag sequence (illegal BIO transitions are impossible, not merely
 * unlikely) and forward-backward marginals, which give each mention a
 * confidence instead of a bare yes/no.
 */
import { NUM_TAGS as K, allowedTransition } from './tags.ts';

/** Linear weights that score tags: one row of K weights per known feature, plus transitions. */
export interface ScoringWeights {
  /** Feature hash → row index. */
  index: Map<number, number>;
  /** rows × K. */
  weights: Float32Array;
  /** (K + 1) × K: row K is the sentence start. */
  trans: Float32Array;
}

/** Emission scores, n × K. */
export function emissions(feats: readonly Uint32Array[], w: ScoringWeights): Float32Array {
  const n = feats.length;
  const out = new Float32Array(n * K);
  for (let i = 0; i < n; i++) {
    const fs = feats[i]!;
    const base = i * K;
    for (let k = 0; k < fs.length; k++) {
      const row = w.index.get(fs[k]!);
      if (row === undefined) continue;
      const r = row * K;
      for (let t = 0; t < K; t++) out[base + t]! += w.weights[r + t]!;
    }
  }
  return out;
}

const NEG = -1e30;

function transScore(trans: Float32Array, from: number, to: number): number {
  if (!allowedTransition(from, to)) return NEG;
  return trans[(from < 0 ? K : from) * K + to]!;
}

/** Best legal tag sequence. */
export function viterbi(em: Float32Array, n: number, trans: Float32Array): Int8Array {
  const tags = new Int8Array(n);
  if (n === 0) return tags;
  const score = new Float64Array(n * K);
  const back = new Int8Array(n * K);
  for (let t = 0; t < K; t++) score[t] = em[t]! + transScore(trans, -1, t);
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < K; t++) {
      let best = NEG * 2;
      let arg = 0;
      for (let p = 0; p < K; p++) {
        const s = score[(i - 1) * K + p]! + transScore(trans, p, t);
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * K + t] = best + em[i * K + t]!;
      back[i * K + t] = arg;
    }
  }
  let best = NEG * 2;
  for (let t = 0; t < K; t++) {
    if (score[(n - 1) * K + t]! > best) {
      best = score[(n - 1) * K + t]!;
      tags[n - 1] = t;
    }
  }
  for (let i = n - 1; i > 0; i--) tags[i - 1] = back[i * K + tags[i]!]!;
  return tags;
}

function logSumExp(a: Float64Array | number[], len: number): number {
  let m = -Infinity;
  for (let i = 0; i < len; i++) if (a[i]! > m) m = a[i]!;
  if (m === -Infinity) return m;
  let s = 0;
  for (let i = 0; i < len; i++) s += Math.exp(a[i]! - m);
  return m + Math.log(s);
}

/**
 * Per-token tag marginals (n × K) of the distribution p(tags) ∝ exp(score / temperature)
 * over legal sequences.
 */
export function marginals(em: Float32Array, n: number, trans: Float32Array, temperature: number): Float64Array {
  const out = new Float64Array(n * K);
  if (n === 0) return out;
  const inv = 1 / temperature;
  const lt = (from: number, to: number): number =>
    allowedTransition(from, to) ? trans[(from < 0 ? K : from) * K + to]! * inv : -Infinity;
  const alpha = new Float64Array(n * K);
  const beta = new Float64Array(n * K);
  const tmp = new Float64Array(K);
  for (let t = 0; t < K; t++) alpha[t] = em[t]! * inv + lt(-1, t);
  for (let i = 1; i < n; i++) {
    for (let t = 0; t < K; t++) {
      for (let p = 0; p < K; p++) tmp[p] = alpha[(i - 1) * K + p]! + lt(p, t);
      alpha[i * K + t] = logSumExp(tmp, K) + em[i * K + t]! * inv;
    }
  }
  for (let t = 0; t < K; t++) beta[(n - 1) * K + t] = 0;
  for (let i = n - 2; i >= 0; i--) {
    for (let p = 0; p < K; p++) {
      for (let t = 0; t < K; t++) tmp[t] = lt(p, t) + em[(i + 1) * K + t]! * inv + beta[(i + 1) * K + t]!;
      beta[i * K + p] = logSumExp(tmp, K);
    }
  }
  const z = logSumExp(alpha.subarray((n - 1) * K, n * K), K);
  for (let i = 0; i < n * K; i++) out[i] = Math.exp(alpha[i]! + beta[i]! - z);
  return out;
}
