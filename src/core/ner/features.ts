/**
 * Token features for the tagger. One definition serves training and
 * tagging, so both see exactly the same features. Each token gets a few
 * dozen string features (word, lowercase, affixes, shape, neighbours ±2,
 * bigrams, sentence position, hyphen parts, gazetteer hits and word
 * priors), hashed to 32-bit ids. The definition writes into a sink: as
 * strings (the reference), as hashes (training) or straight into the
 * model's score rows (tagging), so the hot paths never build the strings.
 */
import { GAZ_FIRST, flagLetters, type Gazetteer } from '../gazetteer/index.ts';
import { HashIndex, hashMore, hashRange, hashString } from './hash.ts';
import type { ScoringWeights } from './decode.ts';
import { NUM_TAGS as K } from './tags.ts';
import { collapseRuns, inflectionCut, wordShape } from './word-shape.ts';

export { shortShape, wordShape } from './word-shape.ts';

const PAD_LEFT = '<s>';
const PAD_RIGHT = '</s>';

/** A feature name ("l-1=") with its hash: hashing "name + values" continues from the constant. */
interface Prefix {
  s: string;
  h: number;
}
const P = (s: string): Prefix => ({ s, h: hashString(s) });
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
interface Sink {
  add(p: Prefix, a?: string, b?: string, c?: string): void;
  range(p: Prefix, s: string, from: number, to: number): void;
}

class StringSink implements Sink {
  out: string[] = [];
  add(p: Prefix, a?: string, b?: string, c?: string): void {
    this.out.push(p.s + [a, b, c].filter((v) => v !== undefined).join('|'));
  }
  range(p: Prefix, s: string, from: number, to: number): void {
    this.out.push(p.s + s.slice(from, to));
  }
}

class HashSink implements Sink {
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
function addRow(w: ScoringWeights, hash: number, out: Float32Array, base: number): void {
  const row = w.index.get(hash);
  if (row < 0) return;
  const r = row * K;
  for (let t = 0; t < K; t++) out[base + t]! += w.weights[r + t]!;
}

const NO_SCORES = new Float32Array(0);
const NO_MODEL: ScoringWeights = { index: new HashIndex(0), weights: NO_SCORES, trans: NO_SCORES };

/** Adds each feature's weight row into `out` at `base` (the tagging path: no feature list at all). */
class RowSink implements Sink {
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

const F = {
  b: P('b'), w: P('w='), l: P('l='), sh: P('sh='), SH: P('SH='), hpre: P('hpre='), hsuf: P('hsuf='),
  pr: P('pr='), prSh: P('pr&sh='), gs: P('gs='), gsSh: P('gs&sh='), prs: P('prs='), fn: P('fn'), fnSh: P('fn&sh='),
};
const PREFIXES = [1, 2, 3, 4].map((k) => P(`p${k}=`));
const SUFFIXES = [1, 2, 3, 4, 5].map((k) => P(`s${k}=`));
const CLASS_OWN: Prefix[] = [];
const CLASS_OWN_SH: Prefix[] = [];
function classPrefixes(k: number): [Prefix, Prefix] {
  while (CLASS_OWN.length <= k) {
    CLASS_OWN.push(P(`c${CLASS_OWN.length}=`));
    CLASS_OWN_SH.push(P(`c${CLASS_OWN_SH.length}&sh=`));
  }
  return [CLASS_OWN[k]!, CLASS_OWN_SH[k]!];
}

interface WordFacts {
  lower: string;
  /** Short shape ("X-Xx"). */
  shape: string;
  prior: string;
  first: boolean;
  /** Word classes at each granularity. */
  classes: string[];
}

/** Facts of one word, and its context-free features into `sink`. */
function describeWord(w: string, gaz: Gazetteer | null, sink: Sink): WordFacts {
  const l = w.toLowerCase();
  const SH = wordShape(w);
  const sh = collapseRuns(SH);
  const prior = gaz ? gaz.prior(w) ?? '-' : '-';
  const first = gaz ? (gaz.flags(w) & GAZ_FIRST) !== 0 : false;
  sink.add(F.b);
  sink.add(F.w, w);
  sink.add(F.l, l);
  sink.add(F.sh, sh);
  sink.add(F.SH, SH);
  const n = l.length;
  for (let k = 1; k <= 4 && k < n; k++) sink.range(PREFIXES[k - 1]!, l, 0, k);
  for (let k = 1; k <= 5 && k < n; k++) sink.range(SUFFIXES[k - 1]!, l, n - k, n);
  const hy = w.indexOf('-');
  if (hy > 0 && hy < w.length - 1) {
    sink.range(F.hpre, l, 0, Math.min(hy, n));
    sink.range(F.hsuf, l, l.lastIndexOf('-') + 1, n);
  }
  sink.add(F.pr, prior);
  sink.add(F.prSh, prior, sh);
  // inflected names: German genitive "Koreas", English possessive "Korea's" look up as their base form
  const cut = gaz ? inflectionCut(l) : 0;
  if (gaz && cut > 0) {
    const stem = l.slice(0, n - cut);
    const sf = gaz.flags(stem) & ~GAZ_FIRST;
    if (sf) {
      const letters = flagLetters(sf);
      sink.add(F.gs, letters);
      sink.add(F.gsSh, letters, sh);
    }
    const sp = gaz.prior(stem);
    if (sp) sink.add(F.prs, sp);
  }
  if (first) {
    sink.add(F.fn);
    sink.add(F.fnSh, sh);
  }
  const cluster = gaz?.cluster(w);
  const classes = cluster ? cluster.split('.').filter(Boolean) : [];
  for (let k = 0; k < classes.length; k++) {
    const [c, cSh] = classPrefixes(k);
    sink.add(c, classes[k]);
    sink.add(cSh, classes[k], sh);
  }
  return { lower: l, shape: sh, prior, first, classes };
}

/** Per-word facts plus lazily computed hashes and per-model scores (see wordScores). */
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

const SCORES = (1 + 4) * K;
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

/** Feature names for the neighbours' word classes, per granularity. */
const CLASS_PREV = [0, 1, 2, 3].map((k) => P(`c${k}-1=`));
const CLASS_NEXT = [0, 1, 2, 3].map((k) => P(`c${k}+1=`));
const N = {
  lPrev: P('l-1='), shPrev: P('sh-1='), s3Prev: P('s3-1='), prPrev: P('pr-1='), fnPrev: P('fn-1'),
  lNext: P('l+1='), shNext: P('sh+1='), s3Next: P('s3+1='), prNext: P('pr+1='),
  lPrev2: P('l-2='), lNext2: P('l+2='),
};

/** Neighbour slots whose features depend on that one neighbour word alone (cacheable per word). */
const enum Slot {
  Prev = 0,
  Next = 1,
  Prev2 = 2,
  Next2 = 3,
}
const SLOTS = 4;
const SLOT_OFFSETS: readonly number[] = [-1, 1, -2, 2];

/** Features of token i that describe only the word in `slot` (null: beyond the sentence edge). */
function neighbourFeatures(slot: Slot, w: WordFacts | null, sink: Sink): void {
  switch (slot) {
    case Slot.Prev:
      sink.add(N.lPrev, w ? w.lower : PAD_LEFT);
      sink.add(N.shPrev, w ? w.shape : PAD_LEFT);
      if (w) sink.range(N.s3Prev, w.lower, Math.max(0, w.lower.length - 3), w.lower.length);
      sink.add(N.prPrev, w ? w.prior : PAD_LEFT);
      if (w) for (let k = 0; k < w.classes.length && k < CLASS_PREV.length; k++) sink.add(CLASS_PREV[k]!, w.classes[k]);
      if (w?.first) sink.add(N.fnPrev);
      return;
    case Slot.Next:
      sink.add(N.lNext, w ? w.lower : PAD_RIGHT);
      sink.add(N.shNext, w ? w.shape : PAD_RIGHT);
      if (w) sink.range(N.s3Next, w.lower, Math.max(0, w.lower.length - 3), w.lower.length);
      sink.add(N.prNext, w ? w.prior : PAD_RIGHT);
      if (w) for (let k = 0; k < w.classes.length && k < CLASS_NEXT.length; k++) sink.add(CLASS_NEXT[k]!, w.classes[k]);
      return;
    case Slot.Prev2:
      sink.add(N.lPrev2, w ? w.lower : PAD_LEFT);
      return;
    case Slot.Next2:
      sink.add(N.lNext2, w ? w.lower : PAD_RIGHT);
  }
}

const Q = {
  first: P('first'), firstSh: P('first&sh='), second: P('second'), last: P('last'),
  lPair: P('l-1|l='), lPairNext: P('l|l+1='), shTriple: P('sh-1|sh|sh+1='), lPrevSh: P('l-1|sh='), shLNext: P('sh|l+1='),
  g: P('g='), gSh: P('g&sh='), gPrev: P('g-1='), gNext: P('g+1='), fnPrevSh: P('fn-1&sh='),
};

/** Features of token i that combine it with its neighbours, or with its position and the gazetteer. */
function pairFeatures(i: number, infos: readonly WordFacts[], gazCodes: readonly (readonly string[])[], sink: Sink): void {
  const n = infos.length;
  const me = infos[i]!;
  const l = me.lower;
  const sh = me.shape;
  if (i === 0) {
    sink.add(Q.first);
    sink.add(Q.firstSh, sh);
  } else if (i === 1) sink.add(Q.second);
  if (i === n - 1) sink.add(Q.last);
  const prev = i > 0 ? infos[i - 1]! : null;
  const next = i < n - 1 ? infos[i + 1]! : null;
  const pl = prev ? prev.lower : PAD_LEFT;
  const nl = next ? next.lower : PAD_RIGHT;
  const ps = prev ? prev.shape : PAD_LEFT;
  const ns = next ? next.shape : PAD_RIGHT;
  sink.add(Q.lPair, pl, l);
  sink.add(Q.lPairNext, l, nl);
  sink.add(Q.shTriple, ps, sh, ns);
  sink.add(Q.lPrevSh, pl, sh);
  sink.add(Q.shLNext, sh, nl);
  for (const g of gazCodes[i]!) {
    sink.add(Q.g, g);
    sink.add(Q.gSh, g, sh);
  }
  if (i > 0) for (const g of gazCodes[i - 1]!) sink.add(Q.gPrev, g);
  if (i < n - 1) for (const g of gazCodes[i + 1]!) sink.add(Q.gNext, g);
  if (prev?.first) sink.add(Q.fnPrevSh, sh);
}

/** Features that depend on the neighbours and the position in the sentence. */
function contextFeatures(i: number, infos: readonly WordFacts[], gazCodes: readonly (readonly string[])[], sink: Sink): void {
  for (let k = 0; k < SLOTS; k++) neighbourFeatures(k as Slot, infos[i + SLOT_OFFSETS[k]!] ?? null, sink);
  pairFeatures(i, infos, gazCodes, sink);
}

const NO_CODES: readonly string[] = [];

/** Gazetteer position codes per token: kinds + U (whole), B, I, L. */
function gazetteerCodes(words: readonly string[], gaz: Gazetteer | null): (readonly string[])[] {
  const codes = new Array<readonly string[]>(words.length).fill(NO_CODES);
  if (!gaz) return codes;
  for (const m of gaz.match(words)) {
    const letters = flagLetters(m.flags);
    for (let i = m.start; i < m.end; i++) {
      const pos = m.end - m.start === 1 ? 'U' : i === m.start ? 'B' : i === m.end - 1 ? 'L' : 'I';
      codes[i] = [...codes[i]!, `${letters}${pos}`];
    }
  }
  return codes;
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

/** Per model: the neighbour-slot scores of the sentence edges, laid out like wordScores. */
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
