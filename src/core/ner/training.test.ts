import { describe, expect, it } from 'vitest';
import { Gazetteer, GAZ_LOC } from '../gazetteer/index.ts';
import { parseGermEval, parseGumDoc, type CorpusSentence } from './corpus.ts';
import { documentFolds, fitThresholds, trainTagger } from './pipeline.ts';
import { encodeModel } from './codec.ts';
import { sentenceFeatures } from './features.ts';
import { tagBest, taggerFromSerialized } from './tagger.ts';
import { addCounts, emptyTable, scores } from './evaluate.ts';

describe('corpus readers', () => {
  it('GermEval: outer level, OTH as MISC, -deriv and -part as O', () => {
    const tsv = [
      '#\thttp://example.org\t[2020-01-01]',
      '1\tDer\tO\tO',
      '2\tnordkoreanische\tB-LOCderiv\tO',
      '3\tMachthaber\tO\tO',
      '4\tKim\tB-PER\tO',
      '5\tJong\tI-PER\tO',
      '6\tUn\tI-PER\tO',
      '7\tlas\tO\tO',
      '8\tFaust\tB-OTH\tB-PER',
      '9\tim\tO\tO',
      '10\tUS-Fernsehen\tB-LOCpart\tO',
      '',
    ].join('\n');
    const [s] = parseGermEval(tsv);
    expect(s!.spans).toEqual([
      { start: 3, end: 6, type: 'PER' },
      { start: 7, end: 8, type: 'MISC' },
    ]);
  });

  it('GUM: character offsets onto product tokens, possessives inside the token', () => {
    const doc = { id: 'd', text: "Kenya's capital is Nairobi.", entities: [{ start: 0, end: 5, type: 'LOC' }, { start: 19, end: 26, type: 'LOC' }], sentences: [[0, 27]] };
    const [s] = parseGumDoc(JSON.stringify(doc));
    expect(s!.words).toEqual(["Kenya's", 'capital', 'is', 'Nairobi', '.']);
    expect(s!.spans).toEqual([
      { start: 0, end: 1, type: 'LOC' },
      { start: 3, end: 4, type: 'LOC' },
    ]);
  });
});

/** A toy corpus: people say things, places are travelled to. */
function toyCorpus(): CorpusSentence[] {
  const people = ['Anna Berg', 'Karl Stein', 'Lena Hof', 'Otto Brand', 'Mia Kern', 'Paul Lang'];
  const places = ['Bremen', 'Zürich', 'Lyon', 'Porto', 'Graz', 'Turin'];
  const out: CorpusSentence[] = [];
  for (let i = 0; i < 60; i++) {
    const p = people[i % people.length]!.split(' ');
    const l = places[(i * 5) % places.length]!;
    out.push({ words: [...p, 'reiste', 'nach', l, '.'], spans: [{ start: 0, end: 2, type: 'PER' }, { start: 4, end: 5, type: 'LOC' }] });
    out.push({ words: ['In', l, 'sagte', ...p, 'nichts', '.'], spans: [{ start: 1, end: 2, type: 'LOC' }, { start: 3, end: 5, type: 'PER' }] });
  }
  return out;
}

describe('training', () => {
  const gaz = new Gazetteer();
  gaz.add(['Bremen'], GAZ_LOC);
  const opts = { epochs: 4, seed: 7, minCount: 1 };

  it('learns the toy corpus and generalises to unseen names in the same contexts', () => {
    const tagger = trainTagger('de', toyCorpus(), gaz, opts);
    const test: CorpusSentence[] = [{ words: ['Eva', 'Roth', 'reiste', 'nach', 'Kassel', '.'], spans: [{ start: 0, end: 2, type: 'PER' }, { start: 4, end: 5, type: 'LOC' }] }];
    const table = emptyTable();
    for (const s of test) addCounts(table, s.spans, tagBest(tagger, s.words));
    expect(scores(table.ALL).f1).toBe(1);
  });

  it('is deterministic for a seed, and the compact encoding keeps its decisions', () => {
    const a = trainTagger('de', toyCorpus(), gaz, opts);
    const b = trainTagger('de', toyCorpus(), gaz, opts);
    const encA = encodeModel(a.weights, { lang: 'de', temperature: 2, gazetteer: gaz.serialize(), meta: {} });
    const encB = encodeModel(b.weights, { lang: 'de', temperature: 2, gazetteer: gaz.serialize(), meta: {} });
    expect(encA).toEqual(encB);
    const decoded = taggerFromSerialized(encA);
    for (const s of toyCorpus().slice(0, 10)) expect(tagBest(decoded, s.words).map((x) => [x.start, x.end, x.type])).toEqual(tagBest(a, s.words).map((x) => [x.start, x.end, x.type]));
  });
});

describe('auxiliary corpora (feature augmentation)', () => {
  const gaz = new Gazetteer();
  // no pruning: a toy corpus's weights are small
  const opts = { epochs: 6, seed: 7, minCount: 1, auxMinWeight: 0 };
  // an auxiliary corpus with its own convention: it marks "Bahnhof" (a common noun) as a place
  const aux = {
    name: 'toy-aux',
    sentences: Array.from({ length: 60 }, (_, i): CorpusSentence => {
      const name = ['Ida Moor', 'Jan Falk', 'Uta Grob'][i % 3]!.split(' ');
      return { words: [...name, 'wartete', 'am', 'Bahnhof', '.'], spans: [{ start: 0, end: 2, type: 'PER' }, { start: 4, end: 5, type: 'LOC' }] };
    }),
  };
  const target = [
    ...toyCorpus(),
    ...Array.from({ length: 20 }, (_, i): CorpusSentence => ({ words: [i % 2 ? 'Man' : 'Er', 'wartete', 'am', 'Bahnhof', '.'], spans: [] })),
  ];

  it('ships only the shared copy of each feature', () => {
    const tagger = trainTagger('de', target, gaz, opts, [aux]);
    const shared = new Set<number>();
    for (const s of [...target, ...aux.sentences]) for (const fs of sentenceFeatures(s.words, gaz)) for (const h of fs) shared.add(h);
    expect(tagger.weights.hashes.length).toBeGreaterThan(0);
    expect([...tagger.weights.hashes].filter((h) => !shared.has(h))).toEqual([]);
  });

  it("keeps the target's convention where the auxiliary corpus differs", () => {
    const tagger = trainTagger('de', target, gaz, opts, [aux]);
    expect(tagBest(tagger, ['Sie', 'wartete', 'am', 'Bahnhof', '.'])).toEqual([]);
  });
});

describe('display thresholds', () => {
  it('pick the lowest confidence at which held-out precision reaches the target', () => {
    // PER: 30 right mentions at 0.8, 10 wrong ones at 0.6 → 0.6 gives P 0.75, 0.65 and up give 1.0
    const items = [];
    for (let i = 0; i < 30; i++) items.push({ gold: [{ start: 0, end: 1, type: 'PER' as const }], pred: [{ start: 0, end: 1, type: 'PER' as const, confidence: 0.8 }] });
    for (let i = 0; i < 10; i++) items.push({ gold: [], pred: [{ start: 0, end: 1, type: 'PER' as const, confidence: 0.6 }] });
    const t = fitThresholds(items);
    expect(t.PER).toBe(0.65);
    // no LOC predictions at all: the strictest threshold
    expect(t.LOC).toBe(0.95);
  });

  it('count a country marked ORG in the gold and LOC by the tagger (or back) as right only when asked, and only for listed names', () => {
    const items = [];
    for (let i = 0; i < 30; i++) {
      items.push({ gold: [{ start: 1, end: 2, type: 'ORG' as const }], pred: [{ start: 1, end: 2, type: 'LOC' as const, confidence: 0.9 }], words: ['then', 'Belgium', 'scored'] });
      items.push({ gold: [{ start: 0, end: 2, type: 'ORG' as const }], pred: [{ start: 0, end: 2, type: 'ORG' as const, confidence: 0.9 }], words: ['Huffington', 'Post', 'said'] });
    }
    const countries = new Set(['Belgium']);
    expect(fitThresholds(items).LOC).toBe(0.95);
    expect(fitThresholds(items, undefined, countries).LOC).toBe(0.5);
    // the same confusion on a name that is not a country stays an error
    const paper = items.map((it) => ({ ...it, words: ['the', 'Post', 'said'] }));
    expect(fitThresholds(paper, undefined, countries).LOC).toBe(0.95);
    // the span must still be the gold one
    const wider = items.map((it) => ({ ...it, pred: it.pred.map((p) => ({ ...p, start: 0 })) }));
    expect(fitThresholds(wider, undefined, countries).LOC).toBe(0.95);
  });
});

describe('document folds', () => {
  it('keep every document in one fold and spread the documents round-robin', () => {
    const s = (doc?: string): CorpusSentence => ({ words: ['x'], spans: [], ...(doc === undefined ? {} : { doc }) });
    const sentences = [s('a'), s('a'), s('b'), s('c'), s('b'), s('d'), s('a')];
    expect(documentFolds(sentences, 3)).toEqual([0, 0, 1, 2, 1, 0, 0]);
    // without document ids every sentence is its own document
    expect(documentFolds([s(), s(), s(), s()], 3)).toEqual([0, 1, 2, 0]);
  });
});
