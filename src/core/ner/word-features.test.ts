import { describe, expect, it } from 'vitest';
import { sentenceFeatureStrings, sentenceFeatures } from './features.ts';
import { collapseRuns, inflectionCut, shortShape, wordShape } from './word-shape.ts';
import { hashString } from './hash.ts';
import { GAZ_FIRST, GAZ_LOC, GAZ_PER, Gazetteer, flagLetters } from '../gazetteer/index.ts';

/*
 * The per-word features as they were first written (regex per character,
 * lookbehind stem regex, template strings). The shipped models are keyed by
 * the hashes of exactly these strings, so the fast code must match them on
 * any input, including odd Unicode.
 */
function refShape(w: string): string {
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
const refShort = (w: string): string => refShape(w).replace(/(.)\1+/g, '$1');
const refStem = (l: string): string => l.replace(/(?<=\p{L}{3})(?:['’]s|s['’]?)$/u, '');

function refOwn(w: string, gaz: Gazetteer): string[] {
  const l = w.toLowerCase();
  const sh = refShort(w);
  const prior = gaz.prior(w) ?? '-';
  const first = (gaz.flags(w) & GAZ_FIRST) !== 0;
  const own: string[] = ['b', `w=${w}`, `l=${l}`, `sh=${sh}`, `SH=${refShape(w)}`];
  for (let k = 1; k <= 4 && k < l.length; k++) own.push(`p${k}=${l.slice(0, k)}`);
  for (let k = 1; k <= 5 && k < l.length; k++) own.push(`s${k}=${l.slice(-k)}`);
  const hy = w.indexOf('-');
  if (hy > 0 && hy < w.length - 1) own.push(`hpre=${l.slice(0, hy)}`, `hsuf=${l.slice(l.lastIndexOf('-') + 1)}`);
  own.push(`pr=${prior}`, `pr&sh=${prior}|${sh}`);
  const stem = refStem(l);
  if (stem !== l) {
    const sf = gaz.flags(stem) & ~GAZ_FIRST;
    if (sf) own.push(`gs=${flagLetters(sf)}`, `gs&sh=${flagLetters(sf)}|${sh}`);
    const sp = gaz.prior(stem);
    if (sp) own.push(`prs=${sp}`);
  }
  if (first) own.push('fn', `fn&sh=${sh}`);
  const classes = (gaz.cluster(w) ?? '').split('.').filter(Boolean);
  classes.forEach((c, k) => own.push(`c${k}=${c}`, `c${k}&sh=${c}|${sh}`));
  return own;
}

// letters of several scripts and cases (astral ones too), digits of other scripts, joiners and oddities
const PIECES = [
  'a', 'k', 's', 'S', 'X', 'x', 'd', 'ä', 'Ö', 'ß', 'ẞ', 'İ', 'ı', 'ǅ', 'Σ', 'ς', 'Ж', 'ж', '中', 'ー', 'ا', '\u0301',
  '𝐀', '𝐚', '𐐀', '𐐨', '𝟎', '٣', '7', '0', '😀', '\uD83D', '\uDE00', '-', '-', '\u00AD', "'", '’', '.', '|', ' ', '\u2028', '\n',
];
const ENDINGS = ['', '', 's', "'s", '’s', "s'", 's’', 'ss', "''s"];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomWords(count: number, seed: number): string[] {
  const r = rng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let w = '';
    const len = 1 + Math.floor(r() * 9);
    // runs of one piece exercise the run cut and collapse
    for (let k = 0; k < len; k++) w += pick(PIECES).repeat(r() < 0.2 ? 2 + Math.floor(r() * 4) : 1);
    out.push(w + pick(ENDINGS));
  }
  return out;
}

describe('per-word features without regexes', () => {
  const words = [
    ...randomWords(3000, 5),
    'Koreas', "Korea's", 'Korea’s', "Koreas'", 'Trumps', 'US-Präsident', 'Kim-Jong-Un', 'Ab\u00ADgeordneter', '𝐀𝐁𝐂s', '𐐀𐐨𐐨s',
    'ǅungla', 'İstanbul', 'XXXXXXX', 'a--b', '-a', 'a-', '2019', '٣٣٣٣٣٣', '😀😀😀😀😀😀', '\uD83D\uD83D\uDE00', 'ab\uD83Ds', 'Abcs', 'a\u2028\u2028b',
  ];

  it('computes shapes and the stem cut exactly as the regexes do', () => {
    for (const w of words) {
      expect(wordShape(w)).toBe(refShape(w));
      expect(shortShape(w)).toBe(refShort(w));
      expect(collapseRuns(w)).toBe(w.replace(/(.)\1+/g, '$1'));
      const l = w.toLowerCase();
      expect(l.slice(0, l.length - inflectionCut(l))).toBe(refStem(l));
    }
  });

  it('gives every word the same features and hashes as the original definition', () => {
    const gaz = new Gazetteer();
    gaz.add(['Korea'], GAZ_LOC);
    gaz.add(['Trump'], GAZ_PER);
    gaz.add(['Sarah'], GAZ_FIRST);
    gaz.setPrior('korea', 'L');
    gaz.setPrior('präsident', 'OH');
    gaz.clusters.set('koreas', '3.1k');
    gaz.clusters.set('trump', '7..2');
    // stems and words from the random set, so the stem and cluster lookups fire on odd text too
    for (const w of words.slice(0, 200)) {
      const l = w.toLowerCase();
      const stem = refStem(l);
      if (stem !== l) gaz.add([stem], GAZ_LOC);
      gaz.setPrior(l, 'P');
      gaz.clusters.set(l, `${l.length % 5}.${l.length}`);
    }
    let stems = 0;
    for (const w of words) {
      const ref = refOwn(w, gaz);
      if (ref.some((f) => f.startsWith('gs='))) stems++;
      const strings = sentenceFeatureStrings([w], gaz)[0]!;
      expect(strings.slice(0, ref.length)).toEqual(ref);
      expect(strings[ref.length]).toBe('l-1=<s>');
      expect([...sentenceFeatures([w], gaz)[0]!]).toEqual(strings.map(hashString));
    }
    expect(stems).toBeGreaterThan(10);
  });

  it('hashes the features of whole sentences of odd words exactly', () => {
    const gaz = new Gazetteer();
    const ws = randomWords(40, 9);
    const h = sentenceFeatures(ws, gaz);
    sentenceFeatureStrings(ws, gaz).forEach((row, i) => expect([...h[i]!]).toEqual(row.map(hashString)));
  });
});
