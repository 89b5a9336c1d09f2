/**
 * Training pipeline shared by `npm run train:ner` and `npm run eval:ner`:
 * sentences + gazetteer → features → averaged perceptron → a Tagger, plus
 * the temperature that turns scores into calibrated confidences.
 * Pure (no file access) and deterministic for a fixed seed.
 */
import type { Lang } from '../types.ts';
import type { Gazetteer } from '../gazetteer/index.ts';
import type { CorpusSentence } from './corpus.ts';
import { emissions, marginals } from './decode.ts';
import { sentenceFeatures } from './features.ts';
import { NUM_TAGS as K, tagsFromSpans } from './tags.ts';
import { trainPerceptron, type TrainOptions, type TrainSentence, type TrainedWeights } from './train.ts';
import type { Tagger } from './tagger.ts';

/** A freshly trained tagger, which still knows its feature hashes (for encoding). */
export interface TrainedTagger extends Tagger {
  weights: TrainedWeights;
}

export function trainTagger(
  lang: Lang,
  sentences: readonly CorpusSentence[],
  gazetteer: Gazetteer,
  opts: TrainOptions,
): TrainedTagger {
  const data: TrainSentence[] = sentences.map((s) => ({ feats: sentenceFeatures(s.words, gazetteer), tags: tagsFromSpans(s.words.length, s.spans) }));
  const weights = trainPerceptron(data, opts);
  return { lang, weights, temperature: 1, gazetteer };
}

/**
 * Pick the softmax temperature that maximises the likelihood of the gold
 * tags of held-out sentences (a coarse grid is enough for a confidence
 * that only needs to rank and threshold mentions).
 */
export function fitTemperature(tagger: Tagger, heldOut: readonly CorpusSentence[]): number {
  const prepared = heldOut.map((s) => ({
    em: emissions(sentenceFeatures(s.words, tagger.gazetteer), tagger.weights),
    n: s.words.length,
    gold: tagsFromSpans(s.words.length, s.spans),
  }));
  let best = 1;
  let bestLl = -Infinity;
  for (const t of [0.5, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32]) {
    let ll = 0;
    for (const p of prepared) {
      const m = marginals(p.em, p.n, tagger.weights.trans, t);
      for (let i = 0; i < p.n; i++) ll += Math.log(Math.max(1e-9, m[i * K + p.gold[i]!]!));
    }
    if (ll > bestLl) {
      bestLl = ll;
      best = t;
    }
  }
  return best;
}
