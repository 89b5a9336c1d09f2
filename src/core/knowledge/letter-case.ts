/**
 * Upper- and lower-case letter tests (\p{Lu}, \p{Ll}) by code point, for the
 * name checks that run on every article. A Unicode property regex costs
 * V8 up to a millisecond on each of its first two runs (it is compiled
 * twice: to bytecode, then to machine code), and the first article a fresh
 * engine analyses pays that for every distinct regex it touches. Here only
 * two one-class regexes are ever compiled, each character is classified
 * once, and every function returns exactly what the regex in its comment
 * returns.
 */

const LU = /\p{Lu}/u;
const LL = /\p{Ll}/u;
const KNOWN = 1;
const UPPER = 2;
const LOWER = 4;
// per BMP code point: 0 = not yet classified, else KNOWN | UPPER? | LOWER?
const classes = new Uint8Array(0x10000);

function classify(ch: string): number {
  return KNOWN | (LU.test(ch) ? UPPER : 0) | (LL.test(ch) ? LOWER : 0);
}

function classOf(cp: number): number {
  if (cp < 128) return cp >= 65 && cp <= 90 ? KNOWN | UPPER : cp >= 97 && cp <= 122 ? KNOWN | LOWER : KNOWN;
  if (cp > 0xffff) return classify(String.fromCodePoint(cp));
  let k = classes[cp]!;
  if (k === 0) classes[cp] = k = classify(String.fromCharCode(cp));
  return k;
}

/** /\p{Lu}/u on one code point. */
export const isUpperCp = (cp: number): boolean => (classOf(cp) & UPPER) !== 0;
/** /\p{Ll}/u on one code point. */
export const isLowerCp = (cp: number): boolean => (classOf(cp) & LOWER) !== 0;

/** /^\p{Lu}/u.test(s) */
export function startsUpper(s: string): boolean {
  return s.length > 0 && isUpperCp(s.codePointAt(0)!);
}

/** /^\p{Ll}/u.test(s) */
export function startsLower(s: string): boolean {
  return s.length > 0 && isLowerCp(s.codePointAt(0)!);
}

/** Number of code points of s[from, to) that pass `test`, or -1 as soon as one does not. */
function runOf(s: string, from: number, to: number, test: (cp: number) => boolean): number {
  let n = 0;
  for (let i = from; i < to; ) {
    const cp = s.codePointAt(i)!;
    if (!test(cp)) return -1;
    n++;
    i += cp > 0xffff ? 2 : 1;
  }
  return n;
}

/** /^\p{Lu}{min,max}$/u.test(s) */
export function allUpper(s: string, min: number, max: number): boolean {
  const n = runOf(s, 0, s.length, isUpperCp);
  return n >= min && n <= max;
}

/** /^\p{Ll}{min,max}$/u.test(s) */
export function allLower(s: string, min: number, max = Infinity): boolean {
  const n = runOf(s, 0, s.length, isLowerCp);
  return n >= min && n <= max;
}

/** /^\p{Lu}\p{Ll}+$/u.test(s.slice(from, to)) */
export function capitalisedRest(s: string, from = 0, to = s.length): boolean {
  if (from >= to) return false;
  const cp = s.codePointAt(from)!;
  if (!isUpperCp(cp)) return false;
  return runOf(s, from + (cp > 0xffff ? 2 : 1), to, isLowerCp) >= 1;
}
