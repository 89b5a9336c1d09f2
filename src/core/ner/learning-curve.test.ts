import { describe, expect, it } from 'vitest';
import { fitLogCurve, nestedDocumentSubset, nestedSubset, predictF1, sizeForF1 } from './learning-curve.ts';
import type { CorpusSentence } from './corpus.ts';

describe('nested subsets', () => {
  const items = Array.from({ length: 40 }, (_, i) => i);

  it('are nested, of the right size, in the original order and fixed by the seed', () => {
    const quarter = nestedSubset(items, 0.25, 3);
    const half = nestedSubset(items, 0.5, 3);
    expect(quarter).toHaveLength(10);
    expect(half).toHaveLength(20);
    for (const x of quarter) expect(half).toContain(x);
    expect(half).toEqual([...half].sort((a, b) => a - b));
    expect(nestedSubset(items, 0.5, 3)).toEqual(half);
    expect(nestedSubset(items, 0.5, 4)).not.toEqual(half);
    expect(nestedSubset(items, 1, 3)).toEqual(items);
  });

  it('take whole documents', () => {
    const s = (doc: string): CorpusSentence => ({ words: [doc], spans: [], doc });
    const sentences = ['a', 'a', 'b', 'b', 'c', 'c', 'd', 'd'].map(s);
    const half = nestedDocumentSubset(sentences, 0.5, 1);
    expect(half).toHaveLength(4);
    const docs = new Set(half.map((x) => x.doc));
    expect(docs.size).toBe(2);
  });
});

describe('log fit', () => {
  it('recovers F1 = a + b ln(n) and inverts it', () => {
    const points = [500, 1000, 2000, 4000].map((size) => ({ size, f1: 0.2 + 0.05 * Math.log(size) }));
    const fit = fitLogCurve(points);
    expect(fit.intercept).toBeCloseTo(0.2, 6);
    expect(fit.slope).toBeCloseTo(0.05, 6);
    expect(predictF1(fit, 8000)).toBeCloseTo(0.2 + 0.05 * Math.log(8000), 6);
    expect(sizeForF1(fit, 0.7)).toBeCloseTo(Math.exp(10), 0);
  });

  it('says never when F1 does not grow with data', () => {
    expect(sizeForF1(fitLogCurve([{ size: 100, f1: 0.5 }, { size: 200, f1: 0.5 }]), 0.7)).toBe(Infinity);
  });
});
