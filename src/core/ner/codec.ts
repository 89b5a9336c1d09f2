/**
 * The shipped model format: feature hashes and weights as base64 inside a
 * plain object, so a model is one lazily imported module that works the
 * same in Node and in the extension bundle. Weights are pruned (rows that
 * are all near zero go) and quantised to one signed byte each on a square-
 * root scale, which keeps small weights distinguishable from zero while
 * large ones stay exact enough.
 */
import type { EntityType, Lang } from '../types.ts';
import type { GazetteerData } from '../gazetteer/index.ts';
import type { ScoringWeights } from './decode.ts';
import type { TrainedWeights } from './train.ts';
import { HashIndex } from './hash.ts';
import { NUM_TAGS as K, TAGS } from './tags.ts';

export interface SerializedModel {
  version: 1;
  lang: Lang;
  tags: string[];
  /** base64 of little-endian uint32 feature hashes, ascending. */
  hashes: string;
  /** base64 of int8 weights, K per hash. */
  weights: string;
  /** Largest absolute weight (the quantisation scale). */
  maxAbs: number;
  trans: number[];
  /** Softmax temperature for confidences. */
  temperature: number;
  /** Per-kind confidence at which held-out precision reached its target (the UI's default threshold). */
  thresholds?: Record<EntityType, number>;
  gazetteer: GazetteerData;
  /** Provenance: data, sizes, seed. */
  meta: Record<string, string | number>;
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) s += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(s);
}

function fromBase64(b64: string): Uint8Array {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

function quantise(x: number, maxAbs: number): number {
  if (maxAbs === 0) return 0;
  const q = Math.round(Math.sign(x) * Math.sqrt(Math.abs(x) / maxAbs) * 127);
  return Math.max(-127, Math.min(127, q));
}

function dequantise(q: number, maxAbs: number): number {
  const r = q / 127;
  return Math.sign(r) * r * r * maxAbs;
}

export interface EncodeOptions {
  lang: Lang;
  temperature: number;
  thresholds?: Record<EntityType, number>;
  gazetteer: GazetteerData;
  meta: Record<string, string | number>;
}

export function encodeModel(w: TrainedWeights, opts: EncodeOptions): SerializedModel {
  let maxAbs = 0;
  for (const x of w.weights) maxAbs = Math.max(maxAbs, Math.abs(x));
  const kept: Array<[number, number]> = [];
  for (let row = 0; row < w.hashes.length; row++) {
    const hash = w.hashes[row]!;
    let keep = false;
    for (let t = 0; t < K; t++) if (quantise(w.weights[row * K + t]!, maxAbs) !== 0) keep = true;
    if (keep) kept.push([hash, row]);
  }
  kept.sort((a, b) => a[0] - b[0]);
  const hashBytes = new Uint8Array(kept.length * 4);
  const dv = new DataView(hashBytes.buffer);
  const weightBytes = new Int8Array(kept.length * K);
  kept.forEach(([hash, row], i) => {
    dv.setUint32(i * 4, hash, true);
    for (let t = 0; t < K; t++) weightBytes[i * K + t] = quantise(w.weights[row * K + t]!, maxAbs);
  });
  return {
    version: 1,
    lang: opts.lang,
    tags: [...TAGS],
    hashes: toBase64(hashBytes),
    weights: toBase64(new Uint8Array(weightBytes.buffer)),
    maxAbs,
    trans: [...w.trans].map((x) => Math.round(x * 1000) / 1000),
    temperature: opts.temperature,
    ...(opts.thresholds ? { thresholds: opts.thresholds } : {}),
    gazetteer: opts.gazetteer,
    meta: { ...opts.meta, features: kept.length },
  };
}

export function decodeWeights(m: SerializedModel): ScoringWeights {
  if (m.version !== 1 || m.tags.join(',') !== TAGS.join(',')) throw new Error('incompatible NER model');
  const hb = fromBase64(m.hashes);
  const dv = new DataView(hb.buffer, hb.byteOffset, hb.byteLength);
  const qb = new Int8Array(fromBase64(m.weights).buffer);
  const n = hb.length / 4;
  const index = new HashIndex(n);
  const weights = new Float32Array(n * K);
  for (let i = 0; i < n; i++) {
    index.set(dv.getUint32(i * 4, true), i);
    for (let t = 0; t < K; t++) weights[i * K + t] = dequantise(qb[i * K + t]!, m.maxAbs);
  }
  return { index, weights, trans: Float32Array.from(m.trans) };
}
