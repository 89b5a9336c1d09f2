/**
 * A fast word splitter for alias matching. The shared tokenizer is built
 * for sentence splitting (abbreviations, number formats) and costs a few
 * milliseconds on a long article; the knowledge base only needs word
 * boundaries and runs on every page, so it uses this character loop
 * instead. Aliases are split by the same function, so both sides always
 * agree ("U.S." is "U", ".", "S", "." on both). Word offsets equal the
 * tokenizer's for ordinary words, incl. hyphen compounds (US-Präsident)
 * and in-word apostrophes (Trump's), with invisible characters kept inside.
 */
import { QUOTE_CHARS, type Token } from '../tokenize.ts';

const QUOTES = new Set(Array.from(QUOTE_CHARS, (c) => c.charCodeAt(0)));
const WORD_RE = /[\p{L}\p{M}\p{Nd}]/u;
// 0 = not yet known, 1 = word character, 2 = other
const classCache = new Uint8Array(65536);

function isInvisible(c: number): boolean {
  return c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
}

function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (isInvisible(c)) return true;
  let k = classCache[c];
  if (k === 0 || k === undefined) {
    k = WORD_RE.test(String.fromCharCode(c)) ? 1 : 2;
    classCache[c] = k;
  }
  return k === 1;
}

function isSpace(c: number): boolean {
  return c <= 32 || c === 0xa0 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x3000 || c === 0x2028 || c === 0x2029;
}

/** Hyphens and apostrophes that join two word parts (US-Präsident, Trump's). */
function isJoiner(c: number): boolean {
  return c === 45 || c === 0x2010 || c === 0x2011 || c === 39 || c === 0x2019;
}

export function scanWords(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (isWordChar(c) && !isInvisible(c)) {
      const start = i;
      i++;
      for (;;) {
        while (i < n && isWordChar(text.charCodeAt(i))) i++;
        if (i + 1 < n && isJoiner(text.charCodeAt(i)) && isWordChar(text.charCodeAt(i + 1)) && !isInvisible(text.charCodeAt(i + 1))) {
          i += 2;
          continue;
        }
        break;
      }
      const kind = c >= 48 && c <= 57 ? 'number' : 'word';
      out.push({ text: text.slice(start, i), start, end: i, kind });
      continue;
    }
    if (isInvisible(c)) {
      i++;
      continue;
    }
    // surrogate pairs (emoji) stay one token
    const width = c >= 0xd800 && c <= 0xdbff && i + 1 < n ? 2 : 1;
    out.push({ text: text.slice(i, i + width), start: i, end: i + width, kind: QUOTES.has(c) ? 'quote' : 'punct' });
    i += width;
  }
  return out;
}
