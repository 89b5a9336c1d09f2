/**
 * The per-block text work of the scan, kept cheap because it runs on every
 * block and every Text node of a page: whitespace collapsing, the trimmed
 * length of a node's text, and one pass that measures a block's share of
 * letters and its CJK characters (which weigh three in length thresholds).
 */

/** JavaScript's \s (also what String.prototype.trim strips). */
export function isJsSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/**
 * data.trim().length. String.prototype.trim is a V8 builtin: measured faster
 * than a character loop both on the first calls of a page (the loop starts
 * in the interpreter) and warm, and trimming most Text nodes copies nothing.
 */
export function trimmedLength(data: string): number {
  return data.trim().length;
}

/** Characters the text leaves out: soft hyphen, zero-width space, word joiner, BOM. */
function isDropped(c: number): boolean {
  return c === 0xad || c === 0x200b || c === 0x2060 || c === 0xfeff;
}

/** Anything collapse() would change inside already-trimmed text: an invisible character, two spaces in a row, or a space other than ' '. */
const NEEDS_COLLAPSE = /[\u00ad\u200b\u2060\ufeff]|\s\s|[\t\n\v\f\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

/**
 * Drop invisible characters, collapse whitespace runs to one space, trim:
 * raw.replace(/[\u00ad\u200b\u2060\ufeff]/g, '').replace(/\s+/g, ' ').trim().
 * Most blocks only need their ends trimmed, which the builtin trim does and
 * one small regex confirms (both native: fast on a page's first call, when
 * JavaScript loops still run in the interpreter); the rest take the
 * character loop, which copies untouched stretches in one piece.
 */
export function collapse(raw: string): string {
  const trimmed = raw.trim();
  return NEEDS_COLLAPSE.test(trimmed) ? collapseSlow(raw) : trimmed;
}

function collapseSlow(raw: string): string {
  let a = 0;
  let b = raw.length;
  while (a < b && isSpaceOrDropped(raw.charCodeAt(a))) a++;
  while (b > a && isSpaceOrDropped(raw.charCodeAt(b - 1))) b--;
  let out = '';
  /** Start of the stretch not yet copied to out. */
  let from = a;
  let pendingSpace = false;
  for (let i = a; i < b; i++) {
    const c = raw.charCodeAt(i);
    if (isDropped(c)) {
      if (from < i) out += raw.slice(from, i);
      from = i + 1;
    } else if (isJsSpace(c)) {
      // A lone ' ' between two visible characters stays in the stretch (b is trimmed, so i + 1 < b).
      if (c === 32 && !pendingSpace && !isSpaceOrDropped(raw.charCodeAt(i + 1))) continue;
      if (from < i) out += raw.slice(from, i);
      from = i + 1;
      pendingSpace = true;
    } else if (pendingSpace) {
      out += ' ';
      pendingSpace = false;
    }
  }
  return from === a && out.length === 0 ? raw.slice(a, b) : out + raw.slice(from, b);
}

function isSpaceOrDropped(c: number): boolean {
  return isJsSpace(c) || isDropped(c);
}

/** CJK characters counted by the last measure() call (a module scratch value: no object per block). */
export let measuredCjk = 0;

/**
 * What measure() counts as a letter, plus the plain space: ASCII letters and
 * every code unit from U+00C0 up except ×, ÷, general punctuation to
 * miscellaneous symbols (U+2000–2BFF), CJK punctuation (U+3000–303F) and
 * fullwidth punctuation (U+FF00–FF0F). Accented and non-Latin letters count.
 */
const LETTER_OR_SPACE = /[ A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u1fff\u2c00-\u2fff\u3040-\ufeff\uff10-\uffff]+/g;
const SPACES = / +/g;
const ANY_CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;

/**
 * Share of letters among the non-space characters (ASCII art, tables of
 * numbers and code score low), and in `measuredCjk` the CJK characters,
 * which weigh three in thresholds (a word each, no spaces between). Counted
 * with native string operations (what is left after removing letters and
 * spaces is short on prose), not a JavaScript loop per character: on a page's
 * first extraction that loop still runs in the interpreter, at about half a
 * microsecond per character.
 */
export function measure(text: string): number {
  const rest = text.replace(LETTER_OR_SPACE, '');
  const spacesAndLetters = text.length - rest.length;
  // The spaces: the length the text loses when they are removed.
  const spaces = text.length - text.replace(SPACES, '').length;
  const letters = spacesAndLetters - spaces;
  const visible = text.length - spaces;
  measuredCjk = ANY_CJK.test(text) ? countCjk(text) : 0;
  return letters / Math.max(1, visible);
}

function countCjk(text: string): number {
  let cjk = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x2e80 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef)) cjk++;
  }
  return cjk;
}
