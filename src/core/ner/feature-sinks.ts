/**
 * Where feature definitions write to. A feature is a constant name plus
 * values ("l-1|l=" + "der" + "|" + "gipfel"); the same definition feeds a
 * StringSink (the reference strings), a HashSink (training: FNV-1a hashes)
 * or a RowSink (tagging: the model's weight rows summed directly), so the
 * hot paths never build the strings. Names carry their hash, and values are
 * hashed on from it: hashMore(hashString(a), b) equals hashString(a + b).
 */
import { HashIndex, hashMore, hashRange, hashString } from './hash.ts';
import type { ScoringWeights } from './decode.ts';
import { NUM_TAGS as K } from './tags.ts';

/** A feature name ("l-1=") with its hash: hashing "name + values" continues from the constant. */
export interface Prefix {
  s: string;
  h: number;
}
export const P = (s: string): Prefix => ({ s, h: hashString(s) });
const BAR = 124; // '|'

/** hashString(p.s + [a, b, c].join('|')) for the values that are defined. */
function featureHash(p: Prefix, a?: string, b?: string, c?: string): number {
  let h = p.h;
  if (a !== undefined) h = hashMore(h, a);
  if (b !== undefined) h = hashMore(Math.imul(h ^ BAR, 0x01000193), b);
  if (c !== undefined) h = hashMore(Math.imul(h ^ BAR, 0x01000193), c);
  return h;
}

/** Receives features: a name plus up to three values joined by "|", or a name plus a slice of one string. */
export interface Sink {
  add(p: Prefix, a?: string, b?: string, c?: string): void;
  range(p: Prefix, s: string, from: number, to: number): void;
}

export class StringSink implements Sink {
  out: string[] = [];
  add(p: Prefix, a?: string, b?: string, c?: string): void {
    this.out.push(p.s + [a, b, c].filter((v) => v !== undefined).join('|'));
  }
  range(p: Prefix, s: string, from: number, to: number): void {
    this.out.push(p.s + s.slice(from, to));
  }
}

export class HashSink implements Sink {
  buf = new Uint32Array(64);
  n = 0;
  private push(h: number): void {
    if (this.n === this.buf.length) {
      const more = new Uint32Array(this.n * 2);
      more.set(this.buf);
      this.buf = more;
    }
    this.buf[this.n++] = h;
  }
  add(p: Prefix, a?: string, b?: string, c?: string): void {
    this.push(featureHash(p, a, b, c));
  }
  range(p: Prefix, s: string, from: number, to: number): void {
    this.push(hashRange(p.h, s, from, to));
  }
  take(): Uint32Array {
    const out = this.buf.slice(0, this.n);
    this.n = 0;
    return out;
  }
}

/** Add the weight row of a feature hash (if the model knows it) into `out` at `base`. */
export function addRow(w: ScoringWeights, hash: number, out: Float32Array, base: number): void {
  const row = w.index.get(hash);
  if (row < 0) return;
  // few bytecodes per step: the first article after a model load runs this in V8's interpreter
  const ws = w.weights;
  for (let r = row * K, o = base, end = base + K; o < end; r++, o++) out[o]! += ws[r]!;
}

export const NO_SCORES = new Float32Array(0);
const NO_MODEL: ScoringWeights = { index: new HashIndex(0), weights: NO_SCORES, trans: NO_SCORES };

/** Adds each feature's weight row into `out` at `base` (the tagging path: no feature list at all). */
export class RowSink implements Sink {
  w: ScoringWeights = NO_MODEL;
  out: Float32Array = NO_SCORES;
  base = 0;
  reset(w: ScoringWeights, out: Float32Array, base: number): this {
    this.w = w;
    this.out = out;
    this.base = base;
    return this;
  }
  add(p: Prefix, a?: string, b?: string, c?: string): void {
    addRow(this.w, featureHash(p, a, b, c), this.out, this.base);
  }
  range(p: Prefix, s: string, from: number, to: number): void {
    addRow(this.w, hashRange(p.h, s, from, to), this.out, this.base);
  }
}
