/**
 * Character tests for credit and dateline parsing, without Unicode regexes on
 * the common path. Extraction parses the first paragraph on a cold page, where
 * V8 would compile every `\p{L}`/`\p{Lu}` class it meets. Letters and spaces
 * are the tests the rest of the extraction already uses (the language
 * module's letter table, block-text's `\s`); uppercase has its own table,
 * filled from one small property regex per code point met. Each test means
 * exactly what the named regex construct means (JS `\s`, `\p{L}`, `\p{Lu}` under /u).
 */
import { isLetterCodePoint } from '../../core/language.ts';
import { isJsSpace } from './block-text.ts';

/** `\p{L}` for one code point. */
export const isLetter = isLetterCodePoint;

/** JS `\s` (WhiteSpace and LineTerminator) for one code unit. */
export const isSpace = isJsSpace;

const UPPER = /^\p{Lu}$/u;
/** BMP code unit → 0 not yet seen, 1 uppercase, 2 not (filled as characters turn up). */
let bmpUpper: Uint8Array | null = null;
const astralUpper = new Map<number, boolean>();

/** `\p{Lu}` for one code point. */
export function isUpper(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a;
  if (cp < 0x100) return cp >= 0xc0 && cp <= 0xde && cp !== 0xd7;
  if (cp > 0xffff) {
    let v = astralUpper.get(cp);
    if (v === undefined) {
      v = UPPER.test(String.fromCodePoint(cp));
      astralUpper.set(cp, v);
    }
    return v;
  }
  const table = (bmpUpper ??= new Uint8Array(0x10000));
  let v = table[cp]!;
  if (v === 0) {
    // A lone surrogate is its own code point under /u, and not a letter.
    v = cp >= 0xd800 && cp <= 0xdfff ? 2 : UPPER.test(String.fromCharCode(cp)) ? 1 : 2;
    table[cp] = v;
  }
  return v === 1;
}

/** `\w` without the /u flag (also under /i): ASCII letters, digits, underscore. */
export function isAsciiWord(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

/** End of the run of `\s` starting at i. */
export function spaceEnd(s: string, i: number): number {
  while (i < s.length && isSpace(s.charCodeAt(i))) i++;
  return i;
}

/**
 * Whether lower-case ASCII `word` occurs at i, compared as a non-Unicode /i
 * regex compares it: only ASCII letters fold (no non-ASCII character
 * canonicalises to an ASCII one there).
 */
export function asciiWordAt(s: string, i: number, word: string): boolean {
  if (i < 0 || i + word.length > s.length) return false;
  for (let k = 0; k < word.length; k++) {
    let c = s.charCodeAt(i + k);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== word.charCodeAt(k)) return false;
  }
  return true;
}

/** Number of code units that are not `\s` (the length of `s.replace(/\s+/g, '')`). */
export function visibleLength(s: string, end = s.length): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (!isSpace(s.charCodeAt(i))) n++;
  return n;
}

/** Length of `s.replace(/[^\p{L}]/gu, '')`: UTF-16 units of the letters only. */
export function letterLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length;) {
    const cp = s.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    if (isLetter(cp)) n += w;
    i += w;
  }
  return n;
}
