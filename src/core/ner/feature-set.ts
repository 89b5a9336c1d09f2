/**
 * The tagger's feature set (the definition, shared by training and
 * tagging): per word, its context-free features and facts (describeWord);
 * per token, what each neighbour word contributes (neighbourFeatures: one
 * word alone, so cacheable per word) and what combines words, position and
 * gazetteer hits (pairFeatures). Features go into a Sink; the names and their
 * order are part of the shipped models (weights are keyed by the hashes, and
 * the tagging sums must add up in the same order).
 */
import { GAZ_FIRST, flagLetters, type Gazetteer } from '../gazetteer/index.ts';
import { P, type Prefix, type Sink } from './feature-sinks.ts';
import { collapseRuns, inflectionCut, wordShape } from './word-shape.ts';

const PAD_LEFT = '<s>';
const PAD_RIGHT = '</s>';

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

export interface WordFacts {
  lower: string;
  /** Short shape ("X-Xx"). */
  shape: string;
  prior: string;
  first: boolean;
  /** Word classes at each granularity. */
  classes: string[];
}

/** Facts of one word, and its context-free features into `sink`. */
export function describeWord(w: string, gaz: Gazetteer | null, sink: Sink): WordFacts {
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

/** Feature names for the neighbours' word classes, per granularity. */
const CLASS_PREV = [0, 1, 2, 3].map((k) => P(`c${k}-1=`));
const CLASS_NEXT = [0, 1, 2, 3].map((k) => P(`c${k}+1=`));
const N = {
  lPrev: P('l-1='), shPrev: P('sh-1='), s3Prev: P('s3-1='), prPrev: P('pr-1='), fnPrev: P('fn-1'),
  lNext: P('l+1='), shNext: P('sh+1='), s3Next: P('s3+1='), prNext: P('pr+1='),
  lPrev2: P('l-2='), lNext2: P('l+2='),
};

/** Neighbour slots whose features depend on that one neighbour word alone (cacheable per word). */
export const enum Slot {
  Prev = 0,
  Next = 1,
  Prev2 = 2,
  Next2 = 3,
}
export const SLOTS = 4;
export const SLOT_OFFSETS: readonly number[] = [-1, 1, -2, 2];

/** Features of token i that describe only the word in `slot` (null: beyond the sentence edge). */
export function neighbourFeatures(slot: Slot, w: WordFacts | null, sink: Sink): void {
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
export function pairFeatures(i: number, infos: readonly WordFacts[], gazCodes: readonly (readonly string[])[], sink: Sink): void {
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
export function contextFeatures(i: number, infos: readonly WordFacts[], gazCodes: readonly (readonly string[])[], sink: Sink): void {
  for (let k = 0; k < SLOTS; k++) neighbourFeatures(k as Slot, infos[i + SLOT_OFFSETS[k]!] ?? null, sink);
  pairFeatures(i, infos, gazCodes, sink);
}

const NO_CODES: readonly string[] = [];

/** Gazetteer position codes per token: kinds + U (whole), B, I, L. */
export function gazetteerCodes(words: readonly string[], gaz: Gazetteer | null): (readonly string[])[] {
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
