/**
 * Token features for the tagger. One function serves training and tagging,
 * so both see exactly the same features. Each token gets a few dozen
 * string features (word, lowercase, affixes, shape, neighbours ±2, bigrams,
 * sentence position, hyphen parts, gazetteer hits and word priors), hashed
 * to 32-bit ids.
 */
import { GAZ_FIRST, flagLetters, type Gazetteer } from '../gazetteer/index.ts';
import { hashMore, hashString } from './hash.ts';
import type { ScoringWeights } from './decode.ts';
import { NUM_TAGS as K } from './tags.ts';

/** Word shape: X for upper, x for lower, d for digits, the character itself otherwise; long runs cut to 4. */
export function wordShape(w: string): string {
  let s = '';
  let last = '';
  let run = 0;
  for (const ch of w) {
    let c: string;
    if (/\p{Lu}/u.test(ch)) c = 'X';
    else if (/\p{Ll}/u.test(ch)) c = 'x';
    else if (/\p{Nd}/u.test(ch)) c = 'd';
    else c = ch;
    if (c === last) run++;
    else run = 1;
    last = c;
    if (run <= 4) s += c;
  }
  return s;
}

/** Shape with runs collapsed to one character ("Xx-Xx" for "US-Präsident" is "X-Xx"). */
export function shortShape(w: string): string {
  return wordShape(w).replace(/(.)\1+/g, '$1');
}

const PAD_LEFT = '<s>';
const PAD_RIGHT = '</s>';

interface WordInfo {
  lower: string;
  shape: string;
  prior: string;
  first: boolean;
  /** Word classes at each granularity ("-" when unknown). */
  classes: string[];
  /** Features of the word alone (no context), as strings and as hashes. */
  own: string[];
  ownHashes: Uint32Array;
}

const NO_GAZ: object = {};
const wordCaches = new WeakMap<object, Map<string, WordInfo>>();
const CACHE_LIMIT = 100_000;

/** Per-word facts and context-free features, cached per gazetteer (words repeat a lot). */
function wordInfo(w: string, gaz: Gazetteer | null): WordInfo {
  const owner = gaz ?? NO_GAZ;
  let cache = wordCaches.get(owner);
  if (!cache) {
    cache = new Map();
    wordCaches.set(owner, cache);
  }
  const hit = cache.get(w);
  if (hit) return hit;
  const l = w.toLowerCase();
  const sh = shortShape(w);
  const prior = gaz ? gaz.prior(w) ?? '-' : '-';
  const first = gaz ? (gaz.flags(w) & GAZ_FIRST) !== 0 : false;
  const own: string[] = ['b', `w=${w}`, `l=${l}`, `sh=${sh}`, `SH=${wordShape(w)}`];
  for (let k = 1; k <= 4 && k < l.length; k++) own.push(`p${k}=${l.slice(0, k)}`);
  for (let k = 1; k <= 5 && k < l.length; k++) own.push(`s${k}=${l.slice(-k)}`);
  const hy = w.indexOf('-');
  if (hy > 0 && hy < w.length - 1) own.push(`hpre=${l.slice(0, hy)}`, `hsuf=${l.slice(l.lastIndexOf('-') + 1)}`);
  own.push(`pr=${prior}`, `pr&sh=${prior}|${sh}`);
  // inflected names: German genitive "Koreas", English possessive "Korea's" look up as their base form
  const stem = l.replace(/(?<=\p{L}{3})(?:['’]s|s['’]?)$/u, '');
  if (gaz && stem !== l) {
    const sf = gaz.flags(stem) & ~GAZ_FIRST;
    if (sf) own.push(`gs=${flagLetters(sf)}`, `gs&sh=${flagLetters(sf)}|${sh}`);
    const sp = gaz.prior(stem);
    if (sp) own.push(`prs=${sp}`);
  }
  if (first) own.push('fn', `fn&sh=${sh}`);
  const classes = (gaz?.cluster(w) ?? '').split('.').filter(Boolean);
  classes.forEach((c, k) => own.push(`c${k}=${c}`, `c${k}&sh=${c}|${sh}`));
  const info: WordInfo = { lower: l, shape: sh, prior, first, classes, own, ownHashes: Uint32Array.from(own, hashString) };
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(w, info);
  return info;
}

/** Receives one feature as a constant prefix plus up to three values, joined by "|". */
type Emit = (prefix: string, a?: string, b?: string, c?: string) => void;

/** Feature prefixes for the neighbours' word classes, per granularity (constant strings: no per-token allocation). */
const CLASS_PREV = ['c0-1=', 'c1-1=', 'c2-1=', 'c3-1='];
const CLASS_NEXT = ['c0+1=', 'c1+1=', 'c2+1=', 'c3+1='];

function lowerAt(infos: readonly WordInfo[], k: number): string {
  return k < 0 ? PAD_LEFT : k >= infos.length ? PAD_RIGHT : infos[k]!.lower;
}

function shapeAt(infos: readonly WordInfo[], k: number): string {
  return k < 0 ? PAD_LEFT : k >= infos.length ? PAD_RIGHT : infos[k]!.shape;
}

/** Neighbour slots whose features depend on that one neighbour word alone (cacheable per word). */
const enum Slot {
  Prev = 0,
  Next = 1,
  Prev2 = 2,
  Next2 = 3,
}

/** Features of token i that describe only the word in `slot` (null: beyond the sentence edge). */
function neighbourFeatures(slot: Slot, w: WordInfo | null, emit: Emit): void {
  switch (slot) {
    case Slot.Prev:
      emit('l-1=', w ? w.lower : PAD_LEFT);
      emit('sh-1=', w ? w.shape : PAD_LEFT);
      if (w) emit('s3-1=', w.lower.slice(-3));
      emit('pr-1=', w ? w.prior : PAD_LEFT);
      if (w) for (let k = 0; k < w.classes.length && k < CLASS_PREV.length; k++) emit(CLASS_PREV[k]!, w.classes[k]);
      if (w?.first) emit('fn-1');
      return;
    case Slot.Next:
      emit('l+1=', w ? w.lower : PAD_RIGHT);
      emit('sh+1=', w ? w.shape : PAD_RIGHT);
      if (w) emit('s3+1=', w.lower.slice(-3));
      emit('pr+1=', w ? w.prior : PAD_RIGHT);
      if (w) for (let k = 0; k < w.classes.length && k < CLASS_NEXT.length; k++) emit(CLASS_NEXT[k]!, w.classes[k]);
      return;
    case Slot.Prev2:
      emit('l-2=', w ? w.lower : PAD_LEFT);
      return;
    case Slot.Next2:
      emit('l+2=', w ? w.lower : PAD_RIGHT);
  }
}

const SLOT_OFFSETS: ReadonlyArray<readonly [Slot, number]> = [
  [Slot.Prev, -1],
  [Slot.Next, 1],
  [Slot.Prev2, -2],
  [Slot.Next2, 2],
];

/** Features of token i that combine it with its neighbours, or with its position and the gazetteer. */
function pairFeatures(i: number, infos: readonly WordInfo[], gazCodes: readonly string[][], emit: Emit): void {
  const n = infos.length;
  const me = infos[i]!;
  const l = me.lower;
  const sh = me.shape;
  if (i === 0) {
    emit('first');
    emit('first&sh=', sh);
  } else if (i === 1) emit('second');
  if (i === n - 1) emit('last');
  const pl = lowerAt(infos, i - 1);
  const nl = lowerAt(infos, i + 1);
  const ps = shapeAt(infos, i - 1);
  const ns = shapeAt(infos, i + 1);
  emit('l-1|l=', pl, l);
  emit('l|l+1=', l, nl);
  emit('sh-1|sh|sh+1=', ps, sh, ns);
  emit('l-1|sh=', pl, sh);
  emit('sh|l+1=', sh, nl);
  for (const g of gazCodes[i]!) {
    emit('g=', g);
    emit('g&sh=', g, sh);
  }
  if (i > 0) for (const g of gazCodes[i - 1]!) emit('g-1=', g);
  if (i < n - 1) for (const g of gazCodes[i + 1]!) emit('g+1=', g);
  if (i > 0 && infos[i - 1]!.first) emit('fn-1&sh=', sh);
}

/** Features that depend on the neighbours and the position in the sentence. */
function contextFeatures(i: number, infos: readonly WordInfo[], gazCodes: readonly string[][], emit: Emit): void {
  for (const [slot, d] of SLOT_OFFSETS) neighbourFeatures(slot, infos[i + d] ?? null, emit);
  pairFeatures(i, infos, gazCodes, emit);
}

/** Gazetteer position codes per token: kinds + U (whole), B, I, L. */
function gazetteerCodes(words: readonly string[], gaz: Gazetteer | null): string[][] {
  const codes: string[][] = words.map(() => []);
  if (!gaz) return codes;
  for (const m of gaz.match(words)) {
    const letters = flagLetters(m.flags);
    for (let i = m.start; i < m.end; i++) {
      const pos = m.end - m.start === 1 ? 'U' : i === m.start ? 'B' : i === m.end - 1 ? 'L' : 'I';
      codes[i]!.push(`${letters}${pos}`);
    }
  }
  return codes;
}

/**
 * String features per token of one sentence (the definition; `sentenceFeatures`
 * is the same set hashed). `words` are the token texts without invisible characters.
 */
export function sentenceFeatureStrings(words: readonly string[], gaz: Gazetteer | null): string[][] {
  const infos = words.map((w) => wordInfo(w, gaz));
  const codes = gazetteerCodes(words, gaz);
  return infos.map((info, i) => {
    const out = [...info.own];
    contextFeatures(i, infos, codes, (prefix, a, b, c) => {
      out.push(prefix + [a, b, c].filter((x) => x !== undefined).join('|'));
    });
    return out;
  });
}

const prefixHashes = new Map<string, number>();
const unaryMemo = new Map<string, Map<string, number>>();
const BAR = '|';

/** hashString(prefix + [a, b, c].join('|')) without building the string; one-value features are memoised. */
function featureHash(prefix: string, a?: string, b?: string, c?: string): number {
  // one-value features repeat constantly ("l-1=der"): memoised per prefix and value
  let memo: Map<string, number> | undefined;
  if (a !== undefined && b === undefined) {
    memo = unaryMemo.get(prefix);
    if (!memo) unaryMemo.set(prefix, (memo = new Map()));
    const known = memo.get(a);
    if (known !== undefined) return known;
  }
  let h = prefixHashes.get(prefix);
  if (h === undefined) {
    h = hashString(prefix);
    prefixHashes.set(prefix, h);
  }
  if (a !== undefined) h = hashMore(h, a);
  if (b !== undefined) h = hashMore(hashMore(h, BAR), b);
  if (c !== undefined) h = hashMore(hashMore(h, BAR), c);
  if (memo) {
    if (memo.size >= CACHE_LIMIT) memo.clear();
    memo.set(a!, h);
  }
  return h;
}

/** Hashed features per token: hashString of each of sentenceFeatureStrings, without building the strings. */
export function sentenceFeatures(words: readonly string[], gaz: Gazetteer | null): Uint32Array[] {
  const infos = words.map((w) => wordInfo(w, gaz));
  const codes = gazetteerCodes(words, gaz);
  const buf: number[] = [];
  const emit: Emit = (prefix, a, b, c) => {
    buf.push(featureHash(prefix, a, b, c));
  };
  return infos.map((info, i) => {
    buf.length = 0;
    contextFeatures(i, infos, codes, emit);
    const out = new Uint32Array(info.ownHashes.length + buf.length);
    out.set(info.ownHashes);
    for (let k = 0; k < buf.length; k++) out[info.ownHashes.length + k] = buf[k]!;
    return out;
  });
}

/** Add the weight row of a feature hash (if the model knows it) into `out` at `base`. */
function addRow(w: ScoringWeights, hash: number, out: Float32Array, base: number): void {
  const row = w.index.get(hash);
  if (row < 0) return;
  const r = row * K;
  for (let t = 0; t < K; t++) out[base + t]! += w.weights[r + t]!;
}

/**
 * Per model and word: the summed weight rows of the word's own features
 * (K scores) and of the features it gives a token as each neighbour slot
 * (4 × K). Words repeat, so tagging mostly adds five cached vectors plus the
 * few features that combine words.
 */
interface WordScores {
  own: Float32Array;
  slots: Float32Array;
}

const scoreCaches = new WeakMap<ScoringWeights, { words: WeakMap<WordInfo, WordScores>; pads: Float32Array }>();

function slotScores(w: ScoringWeights, info: WordInfo | null): Float32Array {
  const out = new Float32Array(SLOT_OFFSETS.length * K);
  SLOT_OFFSETS.forEach(([slot], k) => neighbourFeatures(slot, info, (prefix, a, b, c) => addRow(w, featureHash(prefix, a, b, c), out, k * K)));
  return out;
}

function cacheFor(w: ScoringWeights): { words: WeakMap<WordInfo, WordScores>; pads: Float32Array } {
  let c = scoreCaches.get(w);
  if (!c) scoreCaches.set(w, (c = { words: new WeakMap(), pads: slotScores(w, null) }));
  return c;
}

function wordScores(info: WordInfo, w: ScoringWeights, cache: WeakMap<WordInfo, WordScores>): WordScores {
  let s = cache.get(info);
  if (s) return s;
  const own = new Float32Array(K);
  const hs = info.ownHashes;
  for (let k = 0; k < hs.length; k++) addRow(w, hs[k]!, own, 0);
  s = { own, slots: slotScores(w, info) };
  cache.set(info, s);
  return s;
}

/**
 * Emission scores (n × K) of a sentence: the same sums as
 * `emissions(sentenceFeatures(words, gaz), w)` (up to float rounding: the
 * terms are added in another order), computed without a feature array per
 * token and mostly from per-word cached partial sums (tagging speed).
 */
export function sentenceEmissions(words: readonly string[], gaz: Gazetteer | null, w: ScoringWeights): Float32Array {
  const n = words.length;
  const infos = words.map((x) => wordInfo(x, gaz));
  const codes = gazetteerCodes(words, gaz);
  const cache = cacheFor(w);
  const scores = infos.map((info) => wordScores(info, w, cache.words));
  const out = new Float32Array(n * K);
  let base = 0;
  const emit: Emit = (prefix, a, b, c) => addRow(w, featureHash(prefix, a, b, c), out, base);
  for (let i = 0; i < n; i++) {
    base = i * K;
    out.set(scores[i]!.own, base);
    for (let k = 0; k < SLOT_OFFSETS.length; k++) {
      const j = i + SLOT_OFFSETS[k]![1];
      const src = j >= 0 && j < n ? scores[j]!.slots : cache.pads;
      for (let t = 0; t < K; t++) out[base + t]! += src[k * K + t]!;
    }
    pairFeatures(i, infos, codes, emit);
  }
  return out;
}
