/**
 * Tokens and sentences with offsets into the original string.
 *
 * Every later stage (entity tagging, quote attribution, concept linking)
 * works on these spans, so they never copy or normalise the text: offsets
 * stay valid for mapping back onto the page. Invisible characters that
 * pages put inside words (soft hyphen, zero-width space/joiner, word
 * joiner) are kept inside the token; `normalizeToken` strips them for
 * lookups.
 */

export type TokenKind = 'word' | 'number' | 'punct' | 'quote';

export interface Token {
  text: string;
  start: number;
  end: number;
  kind: TokenKind;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index range [first, last) into the token array. */
  first: number;
  last: number;
}

/** Characters that count as quotation marks (opening or closing, any language). */
export const QUOTE_CHARS = '"\'„“”‚‘’«»‹›「」『』';

const INVISIBLE = '\u00AD\u200B\u200C\u200D\u2060\uFEFF';

// Words keep in-word hyphens and apostrophes (US-Präsident, Trump's,
// geht's) and invisible characters; dotted abbreviations (z.B., U.S.) are
// one token with their dots; numbers keep their separators.
const WORD_CHAR = String.raw`[\p{L}\p{M}\p{Nd}${INVISIBLE}]`;
const TOKEN_RE = new RegExp(
  [
    // dotted abbreviations: z.B., U.S., d.h.
    String.raw`\p{L}\.(?:\p{L}\.)+`,
    // numbers: 1.000, 3,5, 2019, 12:30
    String.raw`\d+(?:[.,:]\d+)*`,
    // words: a letter, then letters/digits/invisibles, joined by hyphens or in-word apostrophes
    String.raw`[\p{L}\p{M}]${WORD_CHAR}*(?:[-‐‑'’]${WORD_CHAR}+)*`,
    // any other single visible character
    String.raw`[^\s${INVISIBLE}]`,
  ].join('|'),
  'gu',
);

const QUOTE_SET = new Set(QUOTE_CHARS);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    const s = m[0];
    const first = s.charCodeAt(0);
    let kind: TokenKind;
    if (first >= 48 && first <= 57) kind = 'number';
    else if (s.length === 1 && QUOTE_SET.has(s)) kind = 'quote';
    else if (/^[\p{L}\p{M}]/u.test(s)) kind = 'word';
    else kind = 'punct';
    tokens.push({ text: s, start: m.index, end: m.index + s.length, kind });
  }
  return tokens;
}

/** Strip invisible characters so "Pjöng\u00ADjang" looks up as "Pjöngjang". */
export function normalizeToken(s: string): string {
  return s.replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '');
}

const ABBREVIATIONS = new Set(
  [
    // German
    'bzw', 'ca', 'dr', 'prof', 'nr', 'str', 'vgl', 'usw', 'etc', 'evtl', 'ggf', 'inkl', 'jh', 'jhd', 'mio', 'mrd', 'tsd',
    'z.b', 'u.a', 'd.h', 'o.ä', 's.o', 'u.u', 'v.a', 'z.t', 'i.d.r', 'bspw', 'sog', 'zzgl', 'abs', 'art', 'hl', 'st',
    'jan', 'feb', 'febr', 'mär', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'nov', 'dez', 'min', 'std', 'tel',
    // English
    'mr', 'mrs', 'ms', 'jr', 'sr', 'st', 'gen', 'gov', 'sen', 'rep', 'rev', 'col', 'lt', 'sgt', 'capt', 'maj', 'vs',
    'inc', 'ltd', 'co', 'corp', 'no', 'u.s', 'u.k', 'u.n', 'e.g', 'i.e', 'a.m', 'p.m', 'dec', 'oct', 'mar',
  ],
);

/** Does the token end with a dot that belongs to it (abbreviation, initial, German ordinal)? */
function dotIsPartOfToken(prev: Token, lang: string): boolean {
  const t = prev.text.replace(/\.$/, '').toLowerCase();
  if (ABBREVIATIONS.has(t)) return true;
  // Initials: "J." in "J. Smith"
  if (/^\p{Lu}$/u.test(prev.text.replace(/\.$/, ''))) return true;
  // German ordinals: "100. Jahrestag", "28. Februar" (but not years: "im Jahr 1919.")
  if (lang === 'de' && prev.kind === 'number' && /^\d{1,3}$/.test(prev.text)) return true;
  return false;
}

const CLOSERS = new Set(['"', '“', '”', '’', "'", '«', '»', '‹', '›', ')', ']', '‘']);

/**
 * Split into sentences. A boundary follows ".", "!", "?" (plus any closing
 * quote marks or brackets) when the next token starts a sentence; a blank
 * line (paragraph break) is always a boundary. Abbreviations, initials and
 * German ordinal numbers do not end sentences.
 */
export function splitSentences(text: string, tokens: Token[], lang: string): Sentence[] {
  const sentences: Sentence[] = [];
  let first = 0;
  const close = (last: number): void => {
    if (last <= first) return;
    const a = tokens[first];
    const b = tokens[last - 1];
    if (a && b) sentences.push({ start: a.start, end: b.end, first, last });
    first = last;
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const next = tokens[i + 1];
    if (next && /\n\s*\n/.test(text.slice(tok.end, next.start))) {
      close(i + 1);
      continue;
    }
    const endsWithDot = tok.text === '.' || (tok.kind === 'word' && tok.text.endsWith('.') && tok.text.length > 1);
    const terminal = endsWithDot || tok.text === '!' || tok.text === '?' || tok.text === '…';
    if (!terminal || !next) continue;
    if (tok.text === '.') {
      const prev = tokens[i - 1];
      if (prev && prev.end === tok.start && dotIsPartOfToken(prev, lang)) continue;
    } else if (endsWithDot) {
      // a word token that swallowed its dot is an abbreviation like "z.B." or "U.S."
      if (dotIsPartOfToken(tok, lang)) continue;
    }
    // absorb closing quotes/brackets attached to the terminal
    let j = i + 1;
    while (j < tokens.length && CLOSERS.has(tokens[j]!.text) && tokens[j]!.start === tokens[j - 1]!.end) j++;
    const after = tokens[j];
    if (!after) continue;
    const gap = text.slice(tokens[j - 1]!.end, after.start);
    if (gap.length === 0) continue;
    // next sentence starts with an uppercase letter, a digit, an opening quote or a dash
    if (/^[\p{Lu}\d„“"'‚‘«»(–—-]/u.test(after.text)) {
      close(j);
      i = j - 1;
    }
  }
  close(tokens.length);
  return sentences;
}
