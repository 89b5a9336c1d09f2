/**
 * Training pipeline shared by `npm run train:ner` and `npm run eval:ner`:
 * sentences + gazetteer → features → averaged perceptron → a Tagger, plus
 * the temperature that turns scores into calibrated confidences.
 * Pure (no file access) and deterministic for a fixed seed.
 */
import type { EntityType, Lang } from '../types.ts';
import type { Gazetteer } from '../gazetteer/index.ts';
import type { CorpusSentence } from './corpus.ts';
import { emissions, marginals } from './decode.ts';
import { sentenceFeatures } from './features.ts';
import { ENTITY_TYPES, NUM_TAGS as K, tagsFromSpans, type TokenSpan } from './tags.ts';
import { HashIndex, hashMore, hashString } from './hash.ts';
import { trainPerceptron, type TrainOptions, type TrainSentence, type TrainedWeights } from './train.ts';
import { tagSentence, type TaggedSpan, type Tagger } from './tagger.ts';

/** A freshly trained tagger, which still knows its feature hashes (for encoding). */
export interface TrainedTagger extends Tagger {
  weights: TrainedWeights;
}

/**
 * Annotated sentences from another corpus whose conventions differ from the
 * target's (german-ner-extra next to GermEval). Each of its tokens gets every
 * feature twice: the shared copy, which the target also uses, and a copy
 * private to the corpus, which can absorb what is peculiar to it
 * ("feature augmentation"). Only the shared copies ship.
 */
export interface AuxCorpus {
  name: string;
  sentences: readonly CorpusSentence[];
  /**
   * The gazetteer its features use, when the target's was built from this
   * corpus: on its own sentences a gazetteer lists every name, so the
   * shared gazetteer weights would learn to trust it blindly ("Un" in
   * "Kim Jong Un" became an ORG because "UN" is one).
   */
  gazetteer?: Gazetteer;
}

/**
 * With auxiliary corpora the vocabulary triples, and so would the model:
 * rows whose weights all stay below this (less than two net perceptron
 * update after averaging) are dropped, which keeps the German model under
 * 1 MB gzip.
 */
const AUX_MIN_WEIGHT = 2;

/** A feature's private copy for an auxiliary corpus. */
function privateCopy(hash: number, salt: number): number {
  return hashMore(hash ^ salt, '#aux');
}

function withPrivateCopies(feats: Uint32Array[], salt: number): Uint32Array[] {
  return feats.map((fs) => {
    const out = new Uint32Array(fs.length * 2);
    out.set(fs);
    for (let k = 0; k < fs.length; k++) out[fs.length + k] = privateCopy(fs[k]!, salt);
    return out;
  });
}

/** The shared rows of `w` (same order) with at least one weight of `minWeight`: what the target's features use at tagging time. */
function sharedRows(w: TrainedWeights, shared: ReadonlySet<number>, minWeight: number): TrainedWeights {
  const rows: number[] = [];
  w.hashes.forEach((h, r) => {
    if (!shared.has(h)) return;
    let big = false;
    for (let t = 0; t < K && !big; t++) if (Math.abs(w.weights[r * K + t]!) >= minWeight) big = true;
    if (big) rows.push(r);
  });
  const index = new HashIndex(rows.length);
  const weights = new Float32Array(rows.length * K);
  const hashes = new Uint32Array(rows.length);
  rows.forEach((r, i) => {
    hashes[i] = w.hashes[r]!;
    index.set(hashes[i]!, i);
    weights.set(w.weights.subarray(r * K, r * K + K), i * K);
  });
  return { index, weights, trans: w.trans, hashes };
}

export function trainTagger(
  lang: Lang,
  sentences: readonly CorpusSentence[],
  gazetteer: Gazetteer,
  opts: TrainOptions,
  aux: readonly AuxCorpus[] = [],
): TrainedTagger {
  const shared = new Set<number>();
  const data: TrainSentence[] = sentences.map((s) => {
    const feats = sentenceFeatures(s.words, gazetteer);
    if (aux.length) for (const fs of feats) for (const h of fs) shared.add(h);
    return { feats, tags: tagsFromSpans(s.words.length, s.spans) };
  });
  for (const c of aux) {
    const salt = hashString(c.name);
    for (const s of c.sentences) {
      const feats = sentenceFeatures(s.words, c.gazetteer ?? gazetteer);
      for (const fs of feats) for (const h of fs) shared.add(h);
      data.push({ feats: withPrivateCopies(feats, salt), tags: tagsFromSpans(s.words.length, s.spans) });
    }
  }
  let weights = trainPerceptron(data, opts);
  if (aux.length) weights = sharedRows(weights, shared, opts.auxMinWeight ?? AUX_MIN_WEIGHT);
  return { lang, weights, temperature: 1, gazetteer, thresholds: null };
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

/** Precision the UI's default threshold should reach per kind (the targets; MISC like ORG). */
export const PRECISION_TARGETS: Record<EntityType, number> = { PER: 0.9, LOC: 0.9, ORG: 0.85, MISC: 0.85 };

/** Gold and predicted spans of one held-out sentence. */
export interface HeldOutPrediction {
  gold: readonly TokenSpan[];
  pred: readonly TaggedSpan[];
  /** The sentence's words and document id, when known (for `sameReferent` and genre filters). */
  words?: readonly string[];
  doc?: string;
}

/** One-sided 95 % z value for the precision bound below. */
const Z95 = 1.645;

/**
 * Wilson lower confidence bound of a proportion: the precision we can vouch
 * for, not merely the one observed. A threshold fitted on the point estimate
 * sits right at the target and falls below it on the next batch of articles
 * about half the time; the bound leaves a margin that shrinks as evidence grows.
 */
export function precisionLowerBound(hits: number, n: number, z = Z95): number {
  if (n === 0) return 0;
  const p = hits / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return (centre - spread) / (1 + z2 / n);
}

/** The name a span covers, without an English possessive ("Tunisia's" → "Tunisia"). */
function spanName(words: readonly string[], span: TokenSpan): string {
  return words.slice(span.start, span.end).join(' ').replace(/['’]s$/, '');
}

/**
 * Whether a prediction counts as right: the same span with the same kind, or,
 * for a name in `sameReferent` (country names), LOC for ORG and back. Corpora
 * mark a country that acts ("Belgium beat Tunisia", "North Korea said") as an
 * organisation and Kontext shows it as a place; for a reader both point at the
 * same thing, and the knowledge pack already treats the two kinds as
 * compatible for such names.
 */
function isHit(p: TaggedSpan, item: HeldOutPrediction, sameReferent: ReadonlySet<string> | null): boolean {
  for (const g of item.gold) {
    if (g.start !== p.start || g.end !== p.end) continue;
    if (g.type === p.type) return true;
    const geo = (t: EntityType): boolean => t === 'LOC' || t === 'ORG';
    if (sameReferent && item.words && geo(g.type) && geo(p.type) && sameReferent.has(spanName(item.words, g))) return true;
  }
  return false;
}

/**
 * Per kind, the lowest confidence threshold at which held-out predictions
 * reach the target precision, judged by its 95 % lower bound (with at least
 * 20 mentions left); 0.95 when none does. `sameReferent`: see isHit.
 */
export function fitThresholds(
  items: readonly HeldOutPrediction[], targets = PRECISION_TARGETS, sameReferent: ReadonlySet<string> | null = null,
): Record<EntityType, number> {
  const out = { PER: 0.95, LOC: 0.95, ORG: 0.95, MISC: 0.95 };
  for (const type of ENTITY_TYPES) {
    const scored: Array<{ confidence: number; hit: boolean }> = [];
    for (const it of items) {
      for (const p of it.pred) if (p.type === type) scored.push({ confidence: p.confidence, hit: isHit(p, it, sameReferent) });
    }
    for (let k = 0; k <= 9; k++) {
      const t = 0.5 + k * 0.05;
      const kept = scored.filter((p) => p.confidence >= t);
      if (kept.length < 20) break;
      if (precisionLowerBound(kept.filter((p) => p.hit).length, kept.length) >= targets[type]) {
        out[type] = Math.round(t * 100) / 100;
        break;
      }
    }
  }
  return out;
}

/**
 * Fold number per sentence, whole documents at a time (documents in order
 * of first appearance, dealt round-robin). Names repeat within a document,
 * so a sentence-level split lets the probe model memorise the very names it
 * is then scored on, and thresholds fitted that way are too optimistic for
 * unseen articles. Sentences without a document id count as their own one.
 */
export function documentFolds(sentences: readonly CorpusSentence[], folds: number): number[] {
  const ordinal = new Map<string, number>();
  let next = 0;
  return sentences.map((s) => {
    if (s.doc === undefined || s.doc === '') return next++ % folds;
    let o = ordinal.get(s.doc);
    if (o === undefined) ordinal.set(s.doc, (o = next++));
    return o % folds;
  });
}

/**
 * Out-of-fold predictions over `sentences`: each fold (whole documents) tagged
 * by a probe model trained on the other folds, with the given temperature.
 * Enough held-out mentions to set display thresholds reliably.
 */
export function outOfFoldPredictions(
  lang: Lang,
  sentences: readonly CorpusSentence[],
  gazetteer: Gazetteer,
  temperature: number,
  opts: TrainOptions,
  aux: readonly AuxCorpus[] = [],
  folds = 5,
): HeldOutPrediction[] {
  const out: HeldOutPrediction[] = [];
  const fold = documentFolds(sentences, folds);
  for (let f = 0; f < folds; f++) {
    const probe = trainTagger(lang, sentences.filter((_, i) => fold[i] !== f), gazetteer, opts, aux);
    probe.temperature = temperature;
    sentences.forEach((s, i) => {
      if (fold[i] === f) out.push({ gold: s.spans, pred: tagSentence(probe, s.words).spans, words: s.words, ...(s.doc === undefined ? {} : { doc: s.doc }) });
    });
  }
  return out;
}
