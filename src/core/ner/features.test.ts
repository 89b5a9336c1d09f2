import { describe, expect, it } from 'vitest';
import { sentenceEmissions, sentenceFeatureStrings, sentenceFeatures, shortShape, wordShape } from './features.ts';
import { HashIndex, hashString } from './hash.ts';
import { emissions, type ScoringWeights } from './decode.ts';
import { NUM_TAGS as K } from './tags.ts';
import { GAZ_FIRST, GAZ_LOC, Gazetteer } from '../gazetteer/index.ts';

describe('word shapes', () => {
  it('maps letters and digits and cuts long runs', () => {
    expect(wordShape('Trump')).toBe('Xxxxx');
    expect(wordShape('Pjöngjang')).toBe('Xxxxx');
    expect(wordShape('US-Präsident')).toBe('XX-Xxxxx');
    expect(wordShape('2019')).toBe('dddd');
    expect(shortShape('US-Präsident')).toBe('X-Xx');
    expect(shortShape('dpa')).toBe('x');
  });
});

describe('sentence features', () => {
  const gaz = new Gazetteer();
  gaz.add(['Nordkorea'], GAZ_LOC);
  gaz.add(['Neu', 'Delhi'], GAZ_LOC);
  gaz.add(['Sarah'], GAZ_FIRST);
  gaz.setPrior('treffen', 'OH');
  const words = ['Sarah', 'Sanders', 'reist', 'von', 'Nordkorea', 'nach', 'Neu', 'Delhi', '.'];
  const f = sentenceFeatureStrings(words, gaz);

  it('describes the word, its affixes and its neighbours up to two away', () => {
    const reist = f[2]!;
    expect(reist).toEqual(expect.arrayContaining(['w=reist', 'l=reist', 's2=st', 'p2=re', 'l-1=sanders', 'l+1=von', 'l-2=sarah', 'l+2=nordkorea']));
    expect(f[0]).toContain('first');
    expect(f[0]).toContain('l-1=<s>');
    expect(f[8]).toContain('last');
  });

  it('marks gazetteer hits with their position in the name, and first names before a surname', () => {
    expect(f[4]).toContain('g=LU');
    expect(f[6]).toContain('g=LB');
    expect(f[7]).toContain('g=LL');
    expect(f[5]).toContain('g-1=LU');
    expect(f[0]).toContain('fn');
    expect(f[1]).toContain('fn-1');
  });

  it('looks up inflected forms by their stem', () => {
    const g = sentenceFeatureStrings(['Atomprogramm', 'Nordkoreas'], gaz)[1]!;
    expect(g).toContain('gs=L');
    expect(g).not.toContain('g=LU');
  });

  it('hashes exactly the string features', () => {
    const h = sentenceFeatures(words, gaz);
    h.forEach((row, i) => expect([...row]).toEqual(f[i]!.map(hashString)));
  });

  it('scores a sentence exactly as the per-token feature arrays do (the fast tagging path)', () => {
    // weights for a subset of this sentence's features, with distinct values per feature and tag
    const all = [...new Set(sentenceFeatures(words, gaz).flatMap((r) => [...r]))];
    const known = all.filter((_, k) => k % 3 !== 1);
    const index = new HashIndex(known.length);
    const weights = new Float32Array(known.length * K);
    known.forEach((h, row) => {
      index.set(h, row);
      for (let t = 0; t < K; t++) weights[row * K + t] = ((h % 97) - 48) / 7 + t / 3;
    });
    const w: ScoringWeights = { index, weights, trans: new Float32Array((K + 1) * K) };
    const same = (a: Float32Array, b: Float32Array): void => {
      expect(a.length).toBe(b.length);
      a.forEach((x, k) => expect(x).toBeCloseTo(b[k]!, 3));
    };
    same(sentenceEmissions(words, gaz, w), emissions(sentenceFeatures(words, gaz), w));
    // short sentences put every token next to the sentence edges
    for (const ws of [['Sarah'], ['Neu', 'Delhi'], words.slice(0, 3)]) same(sentenceEmissions(ws, gaz, w), emissions(sentenceFeatures(ws, gaz), w));
    // the per-word cache is per model: other weights give other scores
    const w2: ScoringWeights = { index, weights: weights.map((x) => -x), trans: w.trans };
    same(sentenceEmissions(words, gaz, w2), emissions(sentenceFeatures(words, gaz), w2));
  });
});
