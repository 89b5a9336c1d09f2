/**
 * The per-block text work of the scan, kept cheap because it runs on every
 * block and every Text node of a page: whitespace collapsing, the trimmed
 * length of a node's text, and one pass that measures a block's share of
 * letters and its CJK characters (which weigh three in length thresholds).
 */

const DROPPED = /[\u00ad\u200b\u2060\ufeff]/g;
const DROPPED_ANY = /[\u00ad\u200b\u2060\ufeff]/;

/** JavaScript's \s (also what String.prototype.trim strips). */
function isJsSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c > 127 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

/** data.trim().length without building the trimmed string (0 for whitespace-only text). */
export function trimmedLength(data: string): number {
  let a = 0;
  let b = data.length;
  while (a < b && isJsSpace(data.charCodeAt(a))) a++;
  while (b > a && isJsSpace(data.charCodeAt(b - 1))) b--;
  return b - a;
}

const MULTI_SPACE = /\s\s|[\t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;
/** MULTI_SPACE or a dropped character. */
const NEEDS_COLLAPSE = /\s\s|[\t\n\r\f\v\u00a0\u00ad\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff]/;

/** Drop invisible characters, collapse whitespace, trim; skips the regex passes when there is nothing to do. */
export function collapse(raw: string): string {
  // One test for the common case: nothing to drop and no whitespace run, only the ends to trim.
  if (!NEEDS_COLLAPSE.test(raw)) return raw.trim();
  const dropped = DROPPED_ANY.test(raw) ? raw.replace(DROPPED, '') : raw;
  const collapsed = MULTI_SPACE.test(dropped) ? dropped.replace(/\s+/g, ' ') : dropped;
  return collapsed.trim();
}

/** CJK characters counted by the last measure() call (a module scratch value: no object per block). */
export let measuredCjk = 0;

/**
 * Share of letters among the non-space characters (ASCII art, tables of
 * numbers and code score low), and in `measuredCjk` the CJK characters,
 * which weigh three in thresholds (a word each, no spaces between): one
 * pass over the text for both.
 */
export function measure(text: string): number {
  let letters = 0;
  let visible = 0;
  let cjk = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) continue;
    visible++;
    if (c < 0xc0) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
      continue;
    }
    // Everything above Latin-1 punctuation (accented and non-Latin letters) counts as a letter.
    if (c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f) && !(c >= 0xff00 && c <= 0xff0f)) letters++;
    if ((c >= 0x2e80 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef)) cjk++;
  }
  measuredCjk = cjk;
  return letters / Math.max(1, visible);
}
