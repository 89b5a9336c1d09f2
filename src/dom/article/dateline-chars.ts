/**
 * Character tests for credit and dateline parsing, without Unicode regexes on
 * the common path. Extraction parses the first paragraph on a cold page, where
 * V8 would compile every `\p{L}`/`\p{Lu}` class it meets. Letters and spaces
 * are the tests the rest of the extraction already uses (the language
 * module's letter table, block-text's `\s`); uppercase is the same memoised
 * property test (code-point-property.ts) over `\p{Lu}`. Each test means
 * exactly what the named regex construct means (JS `\s`, `\p{L}`, `\p{Lu}` under /u).
 */
import { memoisedProperty } from '../../core/code-point-property.ts';
import { isLetterCodePoint } from '../../core/language.ts';
import { isJsSpace } from './block-text.ts';

/** `\p{L}` for one code point. */
export const isLetter = isLetterCodePoint;

/** JS `\s` (WhiteSpace and LineTerminator) for one code unit. */
export const isSpace = isJsSpace;

/** `\p{Lu}` beyond Latin-1 (see code-point-property.ts). */
const upperProperty = memoisedProperty(/^\p{Lu}$/u);

/** `\p{Lu}` for one code point. */
export function isUpper(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a;
  if (cp < 0x100) return cp >= 0xc0 && cp <= 0xde && cp !== 0xd7;
  return upperProperty(cp);
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
