/**
 * Token features for the tagger, and the tagging path's emission scores.
 * The feature set itself is defined once in feature-set.ts; here it is
 * turned into strings (the reference), hashes (training) or, for tagging,
 * per-word partial sums of the model's weight rows, cached per word (words
 * repeat a lot), so a sentence mostly adds five cached vectors per token
 * plus the few features that combine words. A word not seen before is
 * described once, straight into the form the caller needs.
 */
import type { Gazetteer } from '../gazetteer/index.ts';
import type { ScoringWeights } from './decode.ts';
import { NUM_TAGS as K } from './tags.ts';
import { HashSink, NO_SCORES, RowSink, StringSink } from './feature-sinks.ts';
import { SLOTS, SLOT_OFFSETS, contextFeatures, describeWord, gazetteerCodes, neighbourFeatures, pairFeatures, type Slot, type WordFacts } from './feature-set.ts';

export { shortShape, wordShape } from './word-shape.ts';

/** Per-word facts plus, computed on demand, its feature hashes or one model's partial sums. */
class WordInfo implements WordFacts {
  lower = '';
  shape = '';
  prior = '';
  first = false;
  classes: string[] = [];
  /** Context-free feature hashes (training only: tagging sums the rows without keeping them). */
  ownHashes: Uint32Array | null = null;
  /**
   * The model whose partial sums are at slab[at, at + SCORES) (one model per
   * gazetteer in practice), or null: K scores of the word's own features,
   * then K per neighbour slot (the features the word gives a token as its
   * left neighbour, right neighbour, and two away).
   */
  scoredBy: ScoringWeights | null = null;
  slab: Float32Array = NO_SCORES;
  at = 0;
  constructor(readonly word: string) {}

  describe(f: WordFacts): void {
    this.lower = f.lower;
    this.shape = f.shape;
    this.prior = f.prior;
    this.first = f.first;
    this.classes = f.classes;
  }
}

const NO_GAZ: object = {};
const wordCaches = new WeakMap<object, Map<string, WordInfo>>();
const CACHE_LIMIT = 100_000;

function wordCache(gaz: Gazetteer | null): Map<string, WordInfo> {
  const owner = gaz ?? NO_GAZ;
  let cache = wordCaches.get(owner);
  if (!cache) wordCaches.set(owner, (cache = new Map()));
  return cache;
}

const SCORES = (1 + SLOTS) * K;
const SLAB_WORDS = 512;
let slab = new Float32Array(SCORES * SLAB_WORDS);
let slabUsed = 0;

/** A fresh zeroed run of SCORES floats: one typed array per 512 words, not one per word. */
function allocScores(info: WordInfo): void {
  if (slabUsed + SCORES > slab.length) {
    slab = new Float32Array(SCORES * SLAB_WORDS);
    slabUsed = 0;
  }
  info.slab = slab;
  info.at = slabUsed;
  slabUsed += SCORES;
}

const hashSink = new HashSink();
const rowSink = new RowSink();

/**
 * Per-word facts, cached per gazetteer (words repeat a lot), with what the
 * caller needs: the context-free feature hashes (`model` null: training), or
 * the model's partial sums (tagging). A new word is described once, straight
 * into that form.
 */
function wordInfos(words: readonly string[], gaz: Gazetteer | null, model: ScoringWeights | null): WordInfo[] {
  const cache = wordCache(gaz);
  const out = new Array<WordInfo>(words.length);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    let info = cache.get(w);
    if (info && (model ? info.scoredBy === model : info.ownHashes)) {
      out[i] = info;
      continue;
    }
    if (model) {
      if (!info) info = new WordInfo(w);
      allocScores(info);
      rowSink.reset(model, info.slab, info.at);
      info.describe(describeWord(w, gaz, rowSink));
      info.scoredBy = model;
      for (let k = 0; k < SLOTS; k++) {
        rowSink.base = info.at + (1 + k) * K;
        neighbourFeatures(k as Slot, info, rowSink);
      }
    } else {
      if (!info) info = new WordInfo(w);
      info.describe(describeWord(w, gaz, hashSink));
      info.ownHashes = hashSink.take();
    }
    if (!cache.has(w)) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(w, info);
    }
    out[i] = info;
  }
  return out;
}

/**
 * String features per token of one sentence (the definition; `sentenceFeatures`
 * is the same set hashed). `words` are the token texts without invisible characters.
 */
export function sentenceFeatureStrings(words: readonly string[], gaz: Gazetteer | null): string[][] {
  const infos: WordFacts[] = [];
  const own = words.map((w) => {
    const sink = new StringSink();
    infos.push(describeWord(w, gaz, sink));
    return sink.out;
  });
  const codes = gazetteerCodes(words, gaz);
  return infos.map((_, i) => {
    const sink = new StringSink();
    sink.out = own[i]!;
    contextFeatures(i, infos, codes, sink);
    return sink.out;
  });
}

/** Hashed features per token: hashString of each of sentenceFeatureStrings, without building the strings. */
export function sentenceFeatures(words: readonly string[], gaz: Gazetteer | null): Uint32Array[] {
  const infos = wordInfos(words, gaz, null);
  const codes = gazetteerCodes(words, gaz);
  const sink = new HashSink();
  return infos.map((info, i) => {
    contextFeatures(i, infos, codes, sink);
    const ctx = sink.take();
    const own = info.ownHashes!;
    const out = new Uint32Array(own.length + ctx.length);
    out.set(own);
    out.set(ctx, own.length);
    return out;
  });
}

/** Per model: the neighbour-slot scores of the sentence edges, laid out like a word's scores. */
const padCaches = new WeakMap<ScoringWeights, Float32Array>();
function padScores(w: ScoringWeights): Float32Array {
  let pads = padCaches.get(w);
  if (!pads) {
    pads = new Float32Array(SCORES);
    const sink = new RowSink().reset(w, pads, 0);
    for (let k = 0; k < SLOTS; k++) {
      sink.base = (1 + k) * K;
      neighbourFeatures(k as Slot, null, sink);
    }
    padCaches.set(w, pads);
  }
  return pads;
}

/**
 * Emission scores (n × K) of a sentence: the same sums as
 * `emissions(sentenceFeatures(words, gaz), w)` (up to float rounding: the
 * terms are added in another order), computed without a feature array per
 * token and mostly from per-word cached partial sums (tagging speed).
 */
export function sentenceEmissions(words: readonly string[], gaz: Gazetteer | null, w: ScoringWeights): Float32Array {
  const n = words.length;
  const infos = wordInfos(words, gaz, w);
  const codes = gazetteerCodes(words, gaz);
  const pads = padScores(w);
  const out = new Float32Array(n * K);
  const sink = new RowSink().reset(w, out, 0);
  for (let i = 0; i < n; i++) {
    const base = i * K;
    const me = infos[i]!;
    for (let t = 0; t < K; t++) out[base + t] = me.slab[me.at + t]!;
    for (let k = 0; k < SLOTS; k++) {
      const j = i + SLOT_OFFSETS[k]!;
      const nb = j >= 0 && j < n ? infos[j]! : null;
      const src = nb ? nb.slab : pads;
      const at = (nb ? nb.at : 0) + (1 + k) * K;
      for (let t = 0; t < K; t++) out[base + t]! += src[at + t]!;
    }
    sink.base = base;
    pairFeatures(i, infos, codes, sink);
  }
  return out;
}
