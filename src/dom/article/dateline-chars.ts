/**
 * Character tests for credit and dateline parsing, without Unicode regexes on
 * the common path. Extraction parses the first paragraph on a cold page, where
 * V8 would compile every `\p{L}`/`\p{Lu}` class it meets; here ASCII and
 * Latin-1 are answered from fixed ranges and any other code point by one small
 * property regex, whose answer is kept in a table. Each test means exactly
 * what the named regex construct means (JS `\s`, `\p{L}`, `\p{Lu}` under /u).
 */

const LETTER = /^\p{L}$/u;
const UPPER = /^\p{Lu}$/u;

/** BMP code unit → bit 1: letter known, 2: letter; 4: uppercase known, 8: uppercase (filled as met). */
let bmp: Uint8Array | null = null;
const astral = new Map<number, number>();

function facts(cp: number, knownBit: number): number {
  if (cp < 0x10000) {
    const table = (bmp ??= new Uint8Array(0x10000));
    let v = table[cp]!;
    if ((v & knownBit) === 0) {
      v |= knownBit | (lookup(cp, knownBit) ? knownBit << 1 : 0);
      table[cp] = v;
    }
    return v;
  }
  let v = astral.get(cp) ?? 0;
  if ((v & knownBit) === 0) {
    v |= knownBit | (lookup(cp, knownBit) ? knownBit << 1 : 0);
    astral.set(cp, v);
  }
  return v;
}

function lookup(cp: number, knownBit: number): boolean {
  // A lone surrogate is its own code point under /u, and not a letter.
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  return (knownBit === 1 ? LETTER : UPPER).test(String.fromCodePoint(cp));
}

/** `\p{L}` for one code point. */
export function isLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x41 && cp <= 0x5a);
  if (cp < 0x100) return cp === 0xaa || cp === 0xb5 || cp === 0xba || (cp >= 0xc0 && cp !== 0xd7 && cp !== 0xf7);
  return (facts(cp, 1) & 2) !== 0;
}

/** `\p{Lu}` for one code point. */
export function isUpper(cp: number): boolean {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a;
  if (cp < 0x100) return cp >= 0xc0 && cp <= 0xde && cp !== 0xd7;
  return (facts(cp, 4) & 8) !== 0;
}

/** JS `\s` (WhiteSpace and LineTerminator) for one code unit. */
export function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
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
