/**
 * Token features for the tagger. One function serves training and tagging,
 * so both see exactly the same features. Each token gets a few dozen
 * string features (word, lowercase, affixes, shape, neighbours ±2, bigrams,
 * sentence position, hyphen parts, gazetteer hits and word priors), hashed
 * to 32-bit ids.
 */
import { GAZ_FIRST, flagLetters, type Gazetteer } from '../gazetteer/index.ts';
import { hashString } from './hash.ts';

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

/**
 * String features per token of one sentence. `words` are the token texts
 * (invisible characters already removed).
 */
export function sentenceFeatureStrings(words: readonly string[], gaz: Gazetteer | null): string[][] {
  const n = words.length;
  const lower = words.map((w) => w.toLowerCase());
  const shapes = words.map(shortShape);
  const at = (arr: readonly string[], i: number): string => (i < 0 ? PAD_LEFT : i >= n ? PAD_RIGHT : arr[i]!);
  // gazetteer position codes per token: U (whole), B, I, L
  const gazCodes: string[][] = words.map(() => []);
  const priors: string[] = words.map((w) => (gaz ? gaz.prior(w) ?? '-' : '-'));
  const first: boolean[] = words.map((w) => (gaz ? (gaz.flags(w) & GAZ_FIRST) !== 0 : false));
  if (gaz) {
    for (const m of gaz.match(words)) {
      const letters = flagLetters(m.flags);
      for (let i = m.start; i < m.end; i++) {
        const pos = m.end - m.start === 1 ? 'U' : i === m.start ? 'B' : i === m.end - 1 ? 'L' : 'I';
        gazCodes[i]!.push(`${letters}${pos}`);
      }
    }
  }
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    const l = lower[i]!;
    const sh = shapes[i]!;
    const f: string[] = ['b', `w=${w}`, `l=${l}`, `sh=${sh}`, `SH=${wordShape(w)}`];
    for (let k = 1; k <= 4 && k < l.length; k++) f.push(`p${k}=${l.slice(0, k)}`);
    for (let k = 1; k <= 5 && k < l.length; k++) f.push(`s${k}=${l.slice(-k)}`);
    if (i === 0) f.push('first', `first&sh=${sh}`);
    else if (i === 1) f.push('second');
    if (i === n - 1) f.push('last');
    const hy = w.indexOf('-');
    if (hy > 0 && hy < w.length - 1) {
      f.push(`hpre=${l.slice(0, hy)}`, `hsuf=${l.slice(l.lastIndexOf('-') + 1)}`);
    }
    const pl = at(lower, i - 1);
    const nl = at(lower, i + 1);
    f.push(
      `l-1=${pl}`,
      `l+1=${nl}`,
      `l-2=${at(lower, i - 2)}`,
      `l+2=${at(lower, i + 2)}`,
      `sh-1=${at(shapes, i - 1)}`,
      `sh+1=${at(shapes, i + 1)}`,
      `l-1|l=${pl}|${l}`,
      `l|l+1=${l}|${nl}`,
      `sh-1|sh|sh+1=${at(shapes, i - 1)}|${sh}|${at(shapes, i + 1)}`,
      `l-1|sh=${pl}|${sh}`,
      `sh|l+1=${sh}|${nl}`,
    );
    if (i > 0) f.push(`s3-1=${lower[i - 1]!.slice(-3)}`);
    if (i < n - 1) f.push(`s3+1=${lower[i + 1]!.slice(-3)}`);
    for (const g of gazCodes[i]!) f.push(`g=${g}`, `g=${g}&sh=${sh}`);
    if (i > 0) for (const g of gazCodes[i - 1]!) f.push(`g-1=${g}`);
    if (i < n - 1) for (const g of gazCodes[i + 1]!) f.push(`g+1=${g}`);
    const pr = priors[i]!;
    f.push(`pr=${pr}`, `pr&sh=${pr}|${sh}`, `pr-1=${i > 0 ? priors[i - 1]! : PAD_LEFT}`, `pr+1=${i < n - 1 ? priors[i + 1]! : PAD_RIGHT}`);
    if (first[i]) f.push('fn', `fn&sh=${sh}`);
    if (i > 0 && first[i - 1]) f.push('fn-1', `fn-1&sh=${sh}`);
    out.push(f);
  }
  return out;
}

/** Hashed features per token. */
export function sentenceFeatures(words: readonly string[], gaz: Gazetteer | null): Uint32Array[] {
  return sentenceFeatureStrings(words, gaz).map((fs) => {
    const a = new Uint32Array(fs.length);
    for (let k = 0; k < fs.length; k++) a[k] = hashString(fs[k]!);
    return a;
  });
}
