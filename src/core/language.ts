/**
 * Language of a text from the text itself: counts of very frequent function
 * words. The page's declared language is only a tie-breaker, because pages
 * declare "en" on German articles often enough to matter.
 *
 * Runs on every article (also inside extraction, on the page's main thread,
 * where the code is still cold), so words are found by one native regex
 * match over a sample of the text, with a plain character class whenever the
 * text allows it (see LATIN_WORDS).
 */
import { memoisedProperty } from './code-point-property.ts';
// Words frequent in one language and rare in the other ("in", "war", "also", "so" are in both).
const MARKERS: Record<string, readonly string[]> = {
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'sich', 'auf', 'für', 'dem', 'den', 'ein', 'eine', 'auch', 'sagte', 'wird', 'von', 'zu', 'im', 'des', 'dass',
    'wir', 'sind', 'ich', 'sie', 'er', 'es', 'bei', 'nach', 'über', 'noch', 'wie', 'aber', 'oder', 'haben', 'wurde', 'werden', 'einen', 'einer'],
  en: ['the', 'and', 'is', 'not', 'with', 'on', 'for', 'that', 'this', 'was', 'said', 'are', 'have', 'has', 'from', 'of', 'to', 'a', 'by', 'it', 'he',
    'we', 'they', 'were', 'be', 'but', 'or', 'had', 'will', 'would', 'his', 'she', 'its', 'their', 'which', 'been'],
};

const LANGS = Object.keys(MARKERS);
/** Marker word → index into LANGS (no word is a marker for two languages). */
const MARKER_LANG = new Map<string, number>(LANGS.flatMap((lang, i) => MARKERS[lang]!.map((w) => [w, i] as const)));
/** Longest marker in UTF-16 units: longer words are counted but never looked up. */
const MAX_MARKER = Math.max(...[...MARKER_LANG.keys()].map((w) => w.length));
const SAMPLE_CHARS = 20_000;

/** `\p{L}` beyond the Latin letters and general punctuation (see code-point-property.ts). */
const letterProperty = memoisedProperty(/^\p{L}$/u);

/**
 * `\p{L}` for a UTF-16 code unit. Up to U+024F the letters are exactly those
 * of LATIN_LETTER and general punctuation (U+2000–206F) holds none, so
 * Latin-script text never makes V8 compile the property class.
 */
function isBmpLetter(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c < 0x250) return c >= 0xc0 ? c !== 0xd7 && c !== 0xf7 : c === 0xaa || c === 0xb5 || c === 0xba;
  if (c >= 0x2000 && c <= 0x206f) return false;
  return letterProperty(c);
}

const isAstralLetter = letterProperty;

/** Scratch result of countMarkers: number of words (maximal runs of letters). */
let countedWords = 0;

const WORDS = /\p{L}+/gu;
/**
 * Most news text (German, English, most other Latin-script languages)
 * uses only Latin letters up to U+024F, general punctuation („“ – …) and
 * currency signs. Over that repertoire LATIN_WORDS matches exactly what
 * WORDS matches (language.test.ts checks every code point), and it is a
 * plain character class: on a cold page, compiling the Unicode property
 * class of WORDS costs about half a millisecond, which such text never
 * needs to pay.
 */
const BEYOND_LATIN = /[^\u0000-\u024f\u2000-\u206f\u20a0-\u20cf]/;
/** `\p{L}` as a plain class, exact for text that isLatinText accepts (source text, for building other regexes). */
export const LATIN_LETTER = '[A-Za-z\\u00aa\\u00b5\\u00ba\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f]';
const LATIN_WORDS = new RegExp(`${LATIN_LETTER}+`, 'g');

/** Whether `s` stays within the repertoire where LATIN_LETTER equals `\p{L}` (Latin letters up to U+024F, general punctuation, currency signs). */
export function isLatinText(s: string): boolean {
  return !BEYOND_LATIN.test(s);
}

/**
 * Adds each marker word of `s` (already lower-cased) to counts; sets countedWords.
 * The words come from one native regex match: the content script runs this
 * once per page, on code that has not been optimised yet, where a character
 * loop in JavaScript costs about half a microsecond per character and the
 * regex engine a small fraction of that.
 */
function countMarkers(s: string, counts: number[]): void {
  const words = s.match(isLatinText(s) ? LATIN_WORDS : WORDS);
  countedWords = words ? words.length : 0;
  if (!words) return;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.length > MAX_MARKER) continue;
    const lang = MARKER_LANG.get(w);
    if (lang !== undefined) counts[lang]!++;
  }
}

/** `\p{L}` for one code point (a lone surrogate is not a letter, as under /u). */
export function isLetterCodePoint(cp: number): boolean {
  return cp > 0xffff ? isAstralLetter(cp) : isBmpLetter(cp);
}

function isLowSurrogate(d: number): boolean {
  return d >= 0xdc00 && d <= 0xdfff;
}

/** The evidence detectLanguage weighs: words (runs of letters) in the sample, and marker words per language. */
export function languageEvidence(text: string): { words: number; counts: Record<string, number> } {
  const { words, counts } = evidence(text);
  return { words, counts: Object.fromEntries(LANGS.map((lang, i) => [lang, counts[i]!])) };
}

function evidence(text: string): { words: number; counts: number[] } {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const counts = new Array<number>(LANGS.length).fill(0);
  countMarkers(sample.toLowerCase(), counts);
  return { words: countedWords, counts };
}

export function detectLanguage(text: string, declared: string | null): string {
  const { words, counts } = evidence(text);
  const declaredPrimary = declared ? declared.toLowerCase().split(/[-_]/)[0] ?? null : null;
  if (words < 8 && declaredPrimary) return declaredPrimary;
  const ranked = LANGS.map((lang, i) => [lang, counts[i]!] as const).sort((a, b) => b[1] - a[1]);
  const best = ranked[0]!;
  const second = ranked[1] ?? ([declaredPrimary ?? 'und', 0] as const);
  // No evidence, or too little for a long text (another language that shares a word or two).
  if (best[1] === 0 || (words >= 50 && best[1] < words * 0.04)) return declaredPrimary || 'und';
  // The declared language wins when the text is nearly as much that language.
  if (declaredPrimary === second[0] && second[1] * 1.5 >= best[1]) return declaredPrimary;
  if (best[1] === second[1]) return declaredPrimary || 'und';
  return best[0];
}

/**
 * The runs of at least `min` letters in `s`, as `s.match(/\p{L}{min,}/gu)`
 * finds them (a surrogate pair is one code point), without compiling a
 * Unicode-class regex: on a cold page each such regex costs a few hundred µs
 * to compile, and V8 drops the compiled code again at major GCs.
 */
export function letterRuns(s: string, min: number): string[] {
  const out: string[] = [];
  const n = s.length;
  let start = -1;
  let count = 0;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    let width = 1;
    let letter: boolean;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && isLowSurrogate(s.charCodeAt(i + 1))) {
      width = 2;
      letter = isAstralLetter(((c - 0xd800) << 10) + (s.charCodeAt(i + 1) - 0xdc00) + 0x10000);
    } else letter = isBmpLetter(c);
    if (letter) {
      if (start < 0) {
        start = i;
        count = 0;
      }
      count++;
    } else if (start >= 0) {
      if (count >= min) out.push(s.slice(start, i));
      start = -1;
    }
    i += width;
  }
  if (start >= 0 && count >= min) out.push(s.slice(start));
  return out;
}
