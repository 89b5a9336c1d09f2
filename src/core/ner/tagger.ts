/**
 * Tagging one sentence with a loaded model: features → scores →
 * constrained Viterbi → mentions, each with a confidence taken from the
 * forward-backward marginals (the least certain token of the mention).
 */
import type { EntityType, Lang } from '../types.ts';
import { Gazetteer } from '../gazetteer/index.ts';
import { marginals, viterbi, type ScoringWeights } from './decode.ts';
import { sentenceEmissions } from './features.ts';
import { NUM_TAGS as K, continuingTags, spansFromTags, tagForPosition } from './tags.ts';
import { decodeWeights, type SerializedModel } from './codec.ts';

export interface Tagger {
  lang: Lang;
  weights: ScoringWeights;
  temperature: number;
  gazetteer: Gazetteer;
  /** Per-kind display thresholds fitted at training time, or null. */
  thresholds: Record<EntityType, number> | null;
}

export interface TaggedSpan {
  /** Token range [start, end) within the sentence. */
  start: number;
  end: number;
  type: EntityType;
  confidence: number;
}

export interface SentenceTagging {
  spans: TaggedSpan[];
  /** Per token: probability that the token is outside any entity. */
  pOutside: Float64Array;
}

export function taggerFromSerialized(m: SerializedModel): Tagger {
  return {
    lang: m.lang,
    weights: decodeWeights(m),
    temperature: m.temperature,
    gazetteer: Gazetteer.deserialize(m.gazetteer),
    thresholds: m.thresholds ?? null,
  };
}

/** Best spans only (no marginals): what training-time evaluation needs. */
export function tagBest(tagger: Tagger, words: readonly string[]): TaggedSpan[] {
  const em = sentenceEmissions(words, tagger.gazetteer, tagger.weights);
  const tags = viterbi(em, words.length, tagger.weights.trans);
  return spansFromTags(tags).map((s) => ({ ...s, confidence: 1 }));
}

export function tagSentence(tagger: Tagger, words: readonly string[]): SentenceTagging {
  const n = words.length;
  const em = sentenceEmissions(words, tagger.gazetteer, tagger.weights);
  const tags = viterbi(em, n, tagger.weights.trans);
  const marg = marginals(em, n, tagger.weights.trans, tagger.temperature);
  const pOutside = new Float64Array(n);
  for (let i = 0; i < n; i++) pOutside[i] = marg[i * K]!;
  const spans = spansFromTags(tags).map((s) => {
    const len = s.end - s.start;
    let conf = 1;
    for (let i = s.start; i < s.end; i++) conf = Math.min(conf, marg[i * K + tagForPosition(s.type, i - s.start, len)]!);
    // a mention that might continue into the next token is less certain as delimited
    if (s.end < n) {
      let more = 0;
      for (const t of continuingTags(s.type)) more += marg[s.end * K + t]!;
      conf = Math.min(conf, 1 - more);
    }
    return { ...s, confidence: conf };
  });
  return { spans, pOutside };
}
