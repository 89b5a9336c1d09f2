/**
 * Sequence decoding over per-token tag scores: constrained Viterbi for the
 * best tag sequence (illegal BIO transitions are impossible, not merely
 * unlikely) and forward-backward marginals, which give each mention a
 * confidence instead of a bare yes/no.
 */
import { NUM_TAGS as K, allowedEnd, allowedTransition } from './tags.ts';
import type { HashIndex } from './hash.ts';

/** Linear weights that score tags: one row of K weights per known feature, plus transitions. */
export interface ScoringWeights {
  /** Feature hash → row index. */
  index: HashIndex;
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
      if (row < 0) continue;
      const r = row * K;
      for (let t = 0; t < K; t++) out[base + t]! += w.weights[r + t]!;
    }
  }
  return out;
}

const NEG = -1e30;

const ALLOWED: Uint8Array = (() => {
  const a = new Uint8Array((K + 1) * K);
  for (let from = -1; from < K; from++) for (let to = 0; to < K; to++) a[(from < 0 ? K : from) * K + to] = allowedTransition(from, to) ? 1 : 0;
  return a;
})();

/** Per tag, the tags that may precede it (sentence start excluded); per tag, the tags that may follow it. Most pairs are illegal, so the loops only visit these. */
const PREV: readonly Int8Array[] = Array.from({ length: K }, (_, to) => Int8Array.from({ length: K }, (_, p) => p).filter((p) => ALLOWED[p * K + to]));
const NEXT: readonly Int8Array[] = Array.from({ length: K }, (_, from) => Int8Array.from({ length: K }, (_, t) => t).filter((t) => ALLOWED[from * K + t]));

/** 1 for tags a sentence may end on. */
const ENDS: Uint8Array = Uint8Array.from({ length: K }, (_, t) => (allowedEnd(t) ? 1 : 0));

/** Transition scores with illegal moves set to NEG, (K + 1) × K (not cached: training changes them). */
function constrained(trans: Float32Array): Float64Array {
  const c = new Float64Array((K + 1) * K);
  for (let i = 0; i < c.length; i++) c[i] = ALLOWED[i] ? trans[i]! : NEG;
  return c;
}

/** Best legal tag sequence. */
export function viterbi(em: Float32Array, n: number, trans: Float32Array): Int8Array {
  const tags = new Int8Array(n);
  if (n === 0) return tags;
  const tr = constrained(trans);
  const score = new Float64Array(n * K);
  const back = new Int8Array(n * K);
  for (let t = 0; t < K; t++) score[t] = em[t]! + tr[K * K + t]!;
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * K;
    for (let t = 0; t < K; t++) {
      let best = -Infinity;
      let arg = 0;
      const from = PREV[t]!;
      for (let j = 0; j < from.length; j++) {
        const p = from[j]!;
        const s = score[prev + p]! + tr[p * K + t]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[i * K + t] = best + em[i * K + t]!;
      back[i * K + t] = arg;
    }
  }
  let best = -Infinity;
  for (let t = 0; t < K; t++) {
    if (ENDS[t] && score[(n - 1) * K + t]! > best) {
      best = score[(n - 1) * K + t]!;
      tags[n - 1] = t;
    }
  }
  for (let i = n - 1; i > 0; i--) tags[i - 1] = back[i * K + tags[i]!]!;
  return tags;
}

/** exp(transition / temperature), 0 for illegal moves; cached for a tagger's (fixed) transition weights. */
const expCache = new WeakMap<Float32Array, { temperature: number; et: Float64Array }>();
function expTransitions(trans: Float32Array, temperature: number): Float64Array {
  const hit = expCache.get(trans);
  if (hit && hit.temperature === temperature) return hit.et;
  const tr = constrained(trans);
  const et = new Float64Array((K + 1) * K);
  for (let i = 0; i < et.length; i++) et[i] = tr[i]! <= NEG ? 0 : Math.exp(tr[i]! / temperature);
  expCache.set(trans, { temperature, et });
  return et;
}

/**
 * Per-token tag marginals (n × K) of the distribution p(tags) ∝ exp(score / temperature)
 * over legal sequences. Scaled forward-backward in probability space.
 */
export function marginals(em: Float32Array, n: number, trans: Float32Array, temperature: number): Float64Array {
  const out = new Float64Array(n * K);
  if (n === 0) return out;
  const inv = 1 / temperature;
  const et = expTransitions(trans, temperature);
  // emission potentials, shifted per token by the maximum for stability
  const ep = new Float64Array(n * K);
  for (let i = 0; i < n; i++) {
    let m = -Infinity;
    for (let t = 0; t < K; t++) m = Math.max(m, em[i * K + t]!);
    for (let t = 0; t < K; t++) ep[i * K + t] = Math.exp((em[i * K + t]! - m) * inv);
  }
  const alpha = new Float64Array(n * K);
  const beta = new Float64Array(n * K);
  let z = 0;
  for (let t = 0; t < K; t++) z += alpha[t] = ep[t]! * et[K * K + t]!;
  for (let t = 0; t < K; t++) alpha[t]! /= z;
  for (let i = 1; i < n; i++) {
    z = 0;
    for (let t = 0; t < K; t++) {
      let s = 0;
      const from = PREV[t]!;
      for (let j = 0; j < from.length; j++) s += alpha[(i - 1) * K + from[j]!]! * et[from[j]! * K + t]!;
      z += alpha[i * K + t] = s * ep[i * K + t]!;
    }
    for (let t = 0; t < K; t++) alpha[i * K + t]! /= z;
  }
  for (let t = 0; t < K; t++) beta[(n - 1) * K + t] = ENDS[t]!;
  for (let i = n - 2; i >= 0; i--) {
    z = 0;
    for (let p = 0; p < K; p++) {
      let s = 0;
      const to = NEXT[p]!;
      for (let j = 0; j < to.length; j++) {
        const t = to[j]!;
        s += et[p * K + t]! * ep[(i + 1) * K + t]! * beta[(i + 1) * K + t]!;
      }
      z += beta[i * K + p] = s;
    }
    for (let p = 0; p < K; p++) beta[i * K + p]! /= z;
  }
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let t = 0; t < K; t++) s += out[i * K + t] = alpha[i * K + t]! * beta[i * K + t]!;
    for (let t = 0; t < K; t++) out[i * K + t]! /= s;
  }
  return out;
}
