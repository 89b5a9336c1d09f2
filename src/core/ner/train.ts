/**
 * Averaged structured perceptron for the BIO tagger. Pure and
 * deterministic: the same sentences, options and seed give the same
 * weights, which is what makes `npm run train:ner` reproducible.
 *
 * Features seen fewer than `minCount` times in training are dropped before
 * training (they cannot generalise and would bloat the shipped model).
 */
import type { ScoringWeights } from './decode.ts';
import { viterbi } from './decode.ts';
import { NUM_TAGS as K } from './tags.ts';
import { HashIndex } from './hash.ts';

export interface TrainSentence {
  feats: Uint32Array[];
  tags: Int8Array;
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  minCount: number;
  /** With auxiliary corpora: drop shared rows whose weights all stay below this (default in pipeline.ts). */
  auxMinWeight?: number;
  log?: (line: string) => void;
}

/** Small deterministic PRNG (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffleInPlace<T>(arr: T[], rand: () => number): void {
  for (let i = arr.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const tmp = arr[i]!;
    arr[i] = arr[j]!;
    arr[j] = tmp;
  }
}

/** Weights plus the feature hashes in row order (row i belongs to hashes[i]). */
export interface TrainedWeights extends ScoringWeights {
  hashes: Uint32Array;
}

interface Indexed {
  /** Row indices for all tokens, flattened. */
  rows: Int32Array;
  /** Offsets into rows per token (n + 1 entries). */
  offsets: Int32Array;
  tags: Int8Array;
}

export function trainPerceptron(data: readonly TrainSentence[], opts: TrainOptions): TrainedWeights {
  const counts = new Map<number, number>();
  for (const s of data) for (const fs of s.feats) for (const h of fs) counts.set(h, (counts.get(h) ?? 0) + 1);
  const hashes = [...counts.keys()].filter((h) => counts.get(h)! >= opts.minCount).sort((a, b) => a - b);
  const index = new HashIndex(hashes.length);
  hashes.forEach((h, i) => index.set(h, i));
  counts.clear();
  const indexed: Indexed[] = data.map((s) => {
    const offsets = new Int32Array(s.feats.length + 1);
    const tmp: number[] = [];
    s.feats.forEach((fs, i) => {
      for (const h of fs) {
        const r = index.get(h);
        if (r >= 0) tmp.push(r);
      }
      offsets[i + 1] = tmp.length;
    });
    return { rows: Int32Array.from(tmp), offsets, tags: s.tags };
  });
  opts.log?.(`perceptron: ${data.length} sentences, ${index.size} features`);

  const rowsN = index.size;
  const w = new Float32Array(rowsN * K);
  const u = new Float64Array(rowsN * K);
  const tw = new Float32Array((K + 1) * K);
  const tu = new Float64Array((K + 1) * K);
  let c = 1;
  const rand = seededRandom(opts.seed);
  const order = indexed.map((_, i) => i);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    shuffleInPlace(order, rand);
    let errors = 0;
    let total = 0;
    for (const si of order) {
      const s = indexed[si]!;
      const n = s.tags.length;
      const em = new Float32Array(n * K);
      for (let i = 0; i < n; i++) {
        for (let k = s.offsets[i]!; k < s.offsets[i + 1]!; k++) {
          const r = s.rows[k]! * K;
          for (let t = 0; t < K; t++) em[i * K + t]! += w[r + t]!;
        }
      }
      const pred = viterbi(em, n, tw);
      const gold = s.tags;
      total += n;
      for (let i = 0; i < n; i++) {
        const g = gold[i]!;
        const p = pred[i]!;
        const gPrev = i === 0 ? K : gold[i - 1]!;
        const pPrev = i === 0 ? K : pred[i - 1]!;
        if (g !== p) {
          errors++;
          for (let k = s.offsets[i]!; k < s.offsets[i + 1]!; k++) {
            const r = s.rows[k]! * K;
            w[r + g]! += 1;
            u[r + g]! += c;
            w[r + p]! -= 1;
            u[r + p]! -= c;
          }
        }
        if (g !== p || gPrev !== pPrev) {
          tw[gPrev * K + g]! += 1;
          tu[gPrev * K + g]! += c;
          tw[pPrev * K + p]! -= 1;
          tu[pPrev * K + p]! -= c;
        }
      }
      c++;
    }
    opts.log?.(`  epoch ${epoch + 1}: token error ${(errors / Math.max(1, total)).toFixed(4)}`);
  }
  const weights = new Float32Array(rowsN * K);
  for (let i = 0; i < weights.length; i++) weights[i] = w[i]! - u[i]! / c;
  const trans = new Float32Array((K + 1) * K);
  for (let i = 0; i < trans.length; i++) trans[i] = tw[i]! - tu[i]! / c;
  return { index, weights, trans, hashes: Uint32Array.from(hashes) };
}
