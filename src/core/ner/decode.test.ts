import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NUM_TAGS as K, TAGS, allowedTransition, spansFromTags, tagIndex, tagsFromSpans } from './tags.ts';
import { marginals, viterbi } from './decode.ts';

function legal(tags: Int8Array): boolean {
  for (let i = 0; i < tags.length; i++) if (!allowedTransition(i === 0 ? -1 : tags[i - 1]!, tags[i]!)) return false;
  return true;
}

describe('BIO constraints', () => {
  it('allows I- only after B- or I- of the same type', () => {
    expect(allowedTransition(-1, tagIndex('I-PER'))).toBe(false);
    expect(allowedTransition(tagIndex('O'), tagIndex('I-LOC'))).toBe(false);
    expect(allowedTransition(tagIndex('B-PER'), tagIndex('I-PER'))).toBe(true);
    expect(allowedTransition(tagIndex('I-PER'), tagIndex('I-PER'))).toBe(true);
    expect(allowedTransition(tagIndex('B-PER'), tagIndex('I-ORG'))).toBe(false);
    expect(allowedTransition(tagIndex('I-ORG'), tagIndex('B-ORG'))).toBe(true);
  });

  it('round-trips spans and tags', () => {
    const spans = [
      { start: 0, end: 2, type: 'PER' as const },
      { start: 2, end: 3, type: 'PER' as const },
      { start: 5, end: 8, type: 'MISC' as const },
    ];
    const tags = tagsFromSpans(9, spans);
    expect([...tags].map((t) => TAGS[t])).toEqual(['B-PER', 'I-PER', 'B-PER', 'O', 'O', 'B-MISC', 'I-MISC', 'I-MISC', 'O']);
    expect(spansFromTags(tags)).toEqual(spans);
  });
});

describe('viterbi', () => {
  it('never emits an illegal sequence, even when emissions favour one', () => {
    // emissions scream I-LOC at the start and I-PER after an ORG
    const n = 3;
    const em = new Float32Array(n * K);
    em[0 * K + tagIndex('I-LOC')] = 10;
    em[1 * K + tagIndex('B-ORG')] = 5;
    em[2 * K + tagIndex('I-PER')] = 10;
    const tags = viterbi(em, n, new Float32Array((K + 1) * K));
    expect(legal(tags)).toBe(true);
  });

  it('is legal for random scores and agrees with marginals on a clear case', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 1e6 }), (n, seed) => {
        let x = seed;
        const rnd = (): number => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648) * 8 - 4;
        const em = Float32Array.from({ length: n * K }, rnd);
        const tr = Float32Array.from({ length: (K + 1) * K }, rnd);
        const tags = viterbi(em, n, tr);
        const m = marginals(em, n, tr, 1);
        for (let i = 0; i < n; i++) {
          let s = 0;
          for (let t = 0; t < K; t++) s += m[i * K + t]!;
          if (Math.abs(s - 1) > 1e-6) return false;
        }
        return legal(tags);
      }),
      { numRuns: 200 },
    );
  });

  it('gives illegal tags zero probability', () => {
    const n = 2;
    const em = new Float32Array(n * K);
    em[tagIndex('I-PER')] = 20;
    const m = marginals(em, n, new Float32Array((K + 1) * K), 1);
    expect(m[tagIndex('I-PER')]).toBe(0);
  });
});
