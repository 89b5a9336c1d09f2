/**
 * Word shapes and the inflection stem cut, by code point tests instead of
 * regexes. Every word the tagger has not seen before goes through these,
 * and a Unicode property regex per character (plus a lookbehind regex per
 * word) made new words the slowest part of tagging. Each function returns
 * exactly what the regex in its comment returns; features.test.ts checks
 * that against the regexes on odd Unicode words.
 */

const LU = /\p{Lu}/u;
const LL = /\p{Ll}/u;
const ND = /\p{Nd}/u;
const L = /\p{L}/u;
const KNOWN = 1;
const UPPER = 2;
const LOWER = 4;
const DIGIT = 8;
const LETTER = 16;
// per BMP code point: 0 = not yet classified, else KNOWN | class bits
const table = new Uint8Array(0x10000);

function classify(ch: string): number {
  return KNOWN | (LU.test(ch) ? UPPER : 0) | (LL.test(ch) ? LOWER : 0) | (ND.test(ch) ? DIGIT : 0) | (L.test(ch) ? LETTER : 0);
}

function classOf(cp: number): number {
  if (cp < 128) {
    if (cp >= 65 && cp <= 90) return KNOWN | UPPER | LETTER;
    if (cp >= 97 && cp <= 122) return KNOWN | LOWER | LETTER;
    return cp >= 48 && cp <= 57 ? KNOWN | DIGIT : KNOWN;
  }
  if (cp > 0xffff) return classify(String.fromCodePoint(cp));
  let k = table[cp]!;
  if (k === 0) table[cp] = k = classify(String.fromCharCode(cp));
  return k;
}

const X = 88;
const x = 120;
const d = 100;

/** Word shape: X for \p{Lu}, x for \p{Ll}, d for \p{Nd}, the character itself otherwise; runs cut to 4 (per code point). */
export function wordShape(w: string): string {
  let s = '';
  let last = -1;
  let run = 0;
  for (let i = 0; i < w.length; ) {
    const cp = w.codePointAt(i)!;
    const n = cp > 0xffff ? 2 : 1;
    const k = classOf(cp);
    const c = k & UPPER ? X : k & LOWER ? x : k & DIGIT ? d : cp;
    if (c === last) run++;
    else run = 1;
    last = c;
    if (run <= 4) s += c === cp ? w.slice(i, i + n) : String.fromCharCode(c);
    i += n;
  }
  return s;
}

/** The regex `.` (no flags) does not match these, so their runs stay. */
const isLineBreak = (c: number): boolean => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;

/** wordShape(w).replace(/(.)\1+/g, '$1'): runs of one UTF-16 unit collapsed ("US-Präsident" is "X-Xx"). */
export function shortShape(w: string): string {
  return collapseRuns(wordShape(w));
}

/** s.replace(/(.)\1+/g, '$1'). */
export function collapseRuns(s: string): string {
  let i = 1;
  while (i < s.length && (s.charCodeAt(i) !== s.charCodeAt(i - 1) || isLineBreak(s.charCodeAt(i)))) i++;
  if (i >= s.length) return s;
  let out = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== s.charCodeAt(i - 1) || isLineBreak(c)) out += s[i];
  }
  return out;
}

/** /(?<=\p{L}{3})$/u at position p: the three code points before p are letters. */
function threeLettersBefore(s: string, p: number): boolean {
  let i = p;
  for (let k = 0; k < 3; k++) {
    if (i <= 0) return false;
    let cp = s.charCodeAt(i - 1);
    let n = 1;
    if (cp >= 0xdc00 && cp <= 0xdfff && i >= 2) {
      const hi = s.charCodeAt(i - 2);
      if (hi >= 0xd800 && hi <= 0xdbff) {
        cp = ((hi - 0xd800) << 10) + (cp - 0xdc00) + 0x10000;
        n = 2;
      }
    }
    if (!(classOf(cp) & LETTER)) return false;
    i -= n;
  }
  return true;
}

const S = 115;
const isQuote = (c: number): boolean => c === 39 || c === 0x2019;

/**
 * How many UTF-16 units l.replace(/(?<=\p{L}{3})(?:['’]s|s['’]?)$/u, '')
 * removes: the genitive or possessive ending of an inflected name
 * ("koreas", "korea's", "koreas'"), 0 when there is none.
 */
export function inflectionCut(l: string): number {
  const n = l.length;
  if (n < 2) return 0;
  const last = l.charCodeAt(n - 1);
  const before = l.charCodeAt(n - 2);
  // the regex tries the leftmost start first: two-unit endings before "s" alone
  if (last === S) {
    if (isQuote(before) && threeLettersBefore(l, n - 2)) return 2;
    return threeLettersBefore(l, n - 1) ? 1 : 0;
  }
  if (isQuote(last) && before === S && threeLettersBefore(l, n - 2)) return 2;
  return 0;
}
