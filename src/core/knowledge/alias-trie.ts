/**
 * Token trie for pack names and phrases: one walk over the article's
 * tokens finds every alias (word-bounded because it compares whole tokens,
 * longest match first, no overlaps), instead of one regex per alias. This
 * keeps linking a long article well under a millisecond, which matters
 * because the background script analyses every page.
 *
 * Two ways of comparing words:
 * - "name": exact (case-folded) words; the last word may carry a German
 *   genitive/plural ending or an English possessive (Trumps, Pjöngjangs,
 *   Moons, Kim's); capitalisation must fit (Moon ≠ moon, US ≠ us).
 * - "stem": common nouns and adjectives, compared on a crude stem so that
 *   German case endings do not need listing (atomaren Abrüstung,
 *   Verbindungsbüros, Aufstands); "…" in a phrase skips up to four words.
 */
import { normalizeToken, type Token } from '../tokenize.ts';

export type MatchMode = 'name' | 'stem';

export const GAP = '…';
const MAX_GAP = 4;

/** One alias as stored: `payload` is whatever the caller attaches (entity id, ref). */
export interface TriePattern<P> {
  payload: P;
  /** The alias as written in the pack. */
  alias: string;
  /** Its words without gap markers, for the capitalisation check. */
  words: string[];
}

export interface TrieHit<P> {
  /** Token index range [first, last). */
  first: number;
  last: number;
  start: number;
  end: number;
  patterns: TriePattern<P>[];
}

class Node<P> {
  next = new Map<string, Node<P>>();
  gap: Node<P> | null = null;
  out: TriePattern<P>[] = [];
}

const INVISIBLE_RE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;
const APOSTROPHES_RE = /[’‘`´]/g;
const NAME_SUFFIXES = ["'s", 'es', 'en', 's', 'n'];
const STEM_SUFFIXES = ['ern', 'en', 'em', 'er', 'es', 'e', 'n', 's'];
const SENTENCE_END = new Set(['.', '!', '?', ';', ':']);

/** Case-folded word with invisible characters removed and apostrophes unified. */
export function foldWord(word: string): string {
  const visible = INVISIBLE_RE.test(word) ? normalizeToken(word) : word;
  return visible.toLowerCase().replace(APOSTROPHES_RE, "'");
}

/** A crude German/English stem: drop one inflection ending if at least four letters remain. */
export function stemWord(folded: string): string {
  for (const suf of STEM_SUFFIXES) {
    if (folded.endsWith(suf) && folded.length - suf.length >= 4) return folded.slice(0, -suf.length);
  }
  return folded;
}

/** Words of an alias, split the way the tokenizer splits text. */
export type AliasSplitter = (alias: string) => string[];

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** Capitalisation of a text word fits the alias word: "Moon" needs a capital, "USA" needs all capitals. */
function caseFits(aliasWord: string, textWord: string): boolean {
  const a = normalizeToken(aliasWord);
  const t = normalizeToken(textWord);
  const first = a.charAt(0);
  if (!isUpper(first)) return true;
  if (!isUpper(t.charAt(0))) return false;
  const letters = a.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase()) {
    const textLetters = t.replace(/[^\p{L}]/gu, '');
    // "USA" fits "USA", "USAs"? no: the inflection must also be capitalised or absent
    return textLetters.slice(0, letters.length) === textLetters.slice(0, letters.length).toUpperCase();
  }
  return true;
}

export class AliasTrie<P> {
  private readonly root = new Node<P>();
  private size = 0;

  constructor(
    private readonly mode: MatchMode,
    private readonly split: AliasSplitter,
  ) {}

  get patternCount(): number {
    return this.size;
  }

  private key(word: string): string {
    const folded = foldWord(word);
    return this.mode === 'stem' ? stemWord(folded) : folded;
  }

  add(alias: string, payload: P): void {
    const parts = this.split(alias);
    if (parts.length === 0) return;
    let node = this.root;
    const words: string[] = [];
    for (const part of parts) {
      if (part === GAP && this.mode === 'stem') {
        node.gap ??= new Node<P>();
        node = node.gap;
        continue;
      }
      words.push(part);
      const k = this.key(part);
      let child = node.next.get(k);
      if (child === undefined) {
        child = new Node<P>();
        node.next.set(k, child);
      }
      node = child;
    }
    node.out.push({ payload, alias, words });
    this.size++;
  }

  /** All matches in the token stream: leftmost, then longest, non-overlapping. */
  scan(tokens: readonly Token[]): TrieHit<P>[] {
    const keys = tokens.map((t) => this.key(t.text));
    const hits: TrieHit<P>[] = [];
    let i = 0;
    while (i < tokens.length) {
      const hit = this.mayStart(keys[i] ?? '') ? this.longestAt(tokens, keys, i) : null;
      if (hit !== null) {
        hits.push(hit);
        i = hit.last;
      } else i++;
    }
    return hits;
  }

  private mayStart(key: string): boolean {
    if (this.root.next.has(key)) return true;
    if (this.mode !== 'name') return false;
    return NAME_SUFFIXES.some((suf) => key.length - suf.length >= 2 && key.endsWith(suf) && this.root.next.has(key.slice(0, -suf.length)));
  }

  private longestAt(tokens: readonly Token[], keys: readonly string[], first: number): TrieHit<P> | null {
    const state: { best: { last: number; patterns: TriePattern<P>[] } | null } = { best: null };
    const consider = (node: Node<P>, last: number, used: number[], inflected: boolean): void => {
      if (node.out.length === 0) return;
      if (state.best !== null && last <= state.best.last) return;
      const fitting = node.out.filter((p) => this.fits(p, tokens, used, inflected));
      if (fitting.length > 0) state.best = { last, patterns: fitting };
    };
    const walk = (node: Node<P>, i: number, used: number[]): void => {
      if (used.length > 0) consider(node, i, used, false);
      if (i >= tokens.length) return;
      const tok = tokens[i];
      const key = keys[i];
      if (tok === undefined || key === undefined) return;
      const child = node.next.get(key);
      if (child !== undefined) walk(child, i + 1, [...used, i]);
      if (this.mode === 'name') {
        for (const suf of NAME_SUFFIXES) {
          if (key.length - suf.length < 2 || !key.endsWith(suf)) continue;
          const stemmed = node.next.get(key.slice(0, -suf.length));
          if (stemmed !== undefined) consider(stemmed, i + 1, [...used, i], true);
        }
      } else if (node.gap !== null && used.length > 0) {
        // skip 0..MAX_GAP words, never across the end of a sentence
        let j = i;
        for (let skipped = 0; skipped <= MAX_GAP && j < tokens.length; skipped++) {
          const next = node.gap.next.get(keys[j] ?? '');
          if (next !== undefined) walk(next, j + 1, [...used, j]);
          const t = tokens[j];
          if (t === undefined || (t.kind === 'punct' && SENTENCE_END.has(t.text)) || t.kind === 'quote') break;
          j++;
        }
      }
    };
    walk(this.root, first, []);
    const found = state.best;
    if (found === null) return null;
    const startTok = tokens[first];
    const endTok = tokens[found.last - 1];
    if (startTok === undefined || endTok === undefined) return null;
    return { first, last: found.last, start: startTok.start, end: endTok.end, patterns: found.patterns };
  }

  /** Capitalisation check for names (stems ignore case: a sentence may start with "Atomare"). */
  private fits(p: TriePattern<P>, tokens: readonly Token[], used: readonly number[], inflected: boolean): boolean {
    if (this.mode === 'stem') return true;
    if (p.words.length !== used.length) return false;
    for (let k = 0; k < used.length; k++) {
      const tok = tokens[used[k] ?? -1];
      const word = p.words[k];
      if (tok === undefined || word === undefined) return false;
      if (!caseFits(word, tok.text)) return false;
    }
    // An inflected last word must keep the alias's letters: "USAs" fine, but the ending must be lower case unless all caps.
    if (inflected) {
      const last = tokens[used[used.length - 1] ?? -1];
      const word = p.words[p.words.length - 1];
      if (last === undefined || word === undefined) return false;
      if (last.text.length <= word.length) return false;
    }
    return true;
  }
}
