/**
 * Per-text lookup tables shared by the quote stages: lowercased tokens,
 * sentence index per token, which quote (if any) covers each token, and
 * offset → token search. Built once per text in linear time so that every
 * later question ("is this token inside a quote?", "which sentence?") is O(1).
 */
import type { Lang } from '../types.ts';
import type { Sentence, Token } from '../tokenize.ts';
import { normalizeToken } from '../tokenize.ts';
import type { MarkedQuote } from './marks.ts';
import type { Cue } from './cues.ts';

export interface QuoteDoc {
  text: string;
  lang: Lang;
  tokens: Token[];
  /** Lowercased, invisible-free token texts. */
  lower: string[];
  sentences: Sentence[];
  /** Sentence index of each token. */
  sentOf: Int32Array;
  /** Index (into `quotes`) of the outermost quote whose marks or content cover the token, or -1. */
  quoteOf: Int32Array;
  quotes: MarkedQuote[];
  /** Token index of each quote's opening mark and closing mark. */
  openTok: Int32Array;
  closeTok: Int32Array;
  /** Memo for cueAt: -2 not computed, -1 no cue, else index into cueList (typed array: large sparse arrays are slow). */
  cueMemo: Int32Array;
  cueList: Cue[];
}

/** First token whose start is >= offset. */
export function tokenAtOrAfter(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function buildDoc(text: string, lang: Lang, tokens: Token[], sentences: Sentence[], quotes: MarkedQuote[]): QuoteDoc {
  const n = tokens.length;
  const lower = tokens.map((t) => normalizeToken(t.text).toLowerCase());
  const sentOf = new Int32Array(n).fill(-1);
  sentences.forEach((s, si) => {
    for (let i = s.first; i < s.last && i < n; i++) sentOf[i] = si;
  });
  // tokens not covered by a sentence (should not happen) inherit the previous one
  for (let i = 0; i < n; i++) if (sentOf[i] === -1) sentOf[i] = i > 0 ? sentOf[i - 1]! : 0;
  const quoteOf = new Int32Array(n).fill(-1);
  const openTok = new Int32Array(quotes.length);
  const closeTok = new Int32Array(quotes.length);
  quotes.forEach((q, qi) => {
    const a = tokenAtOrAfter(tokens, q.open);
    const b = tokenAtOrAfter(tokens, q.close + q.closeLen - 1);
    openTok[qi] = a;
    closeTok[qi] = b;
    if (q.depth > 0) return;
    for (let i = a; i <= b && i < n; i++) quoteOf[i] = qi;
  });
  return { text, lang, tokens, lower, sentences, sentOf, quoteOf, quotes, openTok, closeTok, cueMemo: new Int32Array(n).fill(-2), cueList: [] };
}

/** Word token starting with an uppercase letter (ASCII fast path: this is called for most tokens). */
export function isCapitalised(tok: Token | undefined): boolean {
  if (tok === undefined || tok.kind !== 'word') return false;
  const c = tok.text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(tok.text);
}

/** Quote qi is the first part of a compound: its closing mark is followed, without spaces, by a hyphen and a word („Müll“-Fauxpas). */
export function hyphenCompound(doc: QuoteDoc, qi: number): boolean {
  const k = doc.closeTok[qi]!;
  const dash = doc.tokens[k + 1];
  const word = doc.tokens[k + 2];
  return !!dash && !!word && dash.text === '-' && dash.start === doc.tokens[k]!.end && word.start === dash.end && word.kind === 'word';
}
