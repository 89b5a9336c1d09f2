/**
 * Token trie for pack names and phrases: one walk over the article's
 * tokens finds every alias (word-bounded because it compares whole tokens,
 * longest match first, no overlaps), instead of one regex per alias. This
 * keeps linking a long article well under a millisecond, which matters
 * because the background script analyses every page.
 *
 * Two ways of comparing words:
 * - "name": exact (case-folded) words; the last word may carry a German
 *   genitive/plural ending (Trumps, Pjöngjangs, Moons) in German text or a
 *   possessive (Kim's) in either; capitalisation must fit (Moon ≠ moon,
 *   US ≠ us). English gets no -n ending: "Korean" is not "Korea".
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
  caps: Caps[];
}

export interface TrieHit<P> {
  /** Token index range [first, last). */
  first: number;
  last: number;
  start: number;
  end: number;
  patterns: TriePattern<P>[];
}

interface Best<P> {
  last: number;
  patterns: TriePattern<P>[] | null;
}

class Node<P> {
  next = new Map<string, Node<P>>();
  gap: Node<P> | null = null;
  out: TriePattern<P>[] = [];
}

const INVISIBLE_RE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;
const UNUSUAL_RE = /[\u00AD\u200B-\u200D\u2060\uFEFF’‘`´]/;
const APOSTROPHES_RE = /[’‘`´]/g;
/** Endings a name's last word may carry: German genitive/plural forms, and the possessive in both languages. */
const NAME_SUFFIXES: Record<'de' | 'en', readonly string[]> = { de: ["'s", 'es', 'en', 's', 'n'], en: ["'s"] };
/** The endings stemWord drops, in the order it tries them (kept for the test that checks stemWord against them). */
export const STEM_SUFFIXES = ['ern', 'en', 'em', 'er', 'es', 'e', 'n', 's'];
const [E, M, N, R, S] = ['e', 'm', 'n', 'r', 's'].map((c) => c.charCodeAt(0));
const SENTENCE_END = new Set(['.', '!', '?', ';', ':']);

/** Case-folded word with invisible characters removed and apostrophes unified. */
export function foldWord(word: string): string {
  if (!UNUSUAL_RE.test(word)) return word.toLowerCase();
  const visible = INVISIBLE_RE.test(word) ? normalizeToken(word) : word;
  return visible.toLowerCase().replace(APOSTROPHES_RE, "'");
}

/** A crude German/English stem: drop one inflection ending if at least four letters remain. */
export function stemWord(folded: string): string {
  // STEM_SUFFIXES tried in order, spelt out as character tests: this runs for every word of every page
  const n = folded.length;
  const last = folded.charCodeAt(n - 1);
  const prevE = folded.charCodeAt(n - 2) === E;
  if (last === N) {
    if (folded.charCodeAt(n - 2) === R && n >= 7 && folded.charCodeAt(n - 3) === E) return folded.slice(0, -3);
    if (prevE && n >= 6) return folded.slice(0, -2);
    return n >= 5 ? folded.slice(0, -1) : folded;
  }
  if (last === M || last === R) return prevE && n >= 6 ? folded.slice(0, -2) : folded;
  if (last === S) {
    if (prevE && n >= 6) return folded.slice(0, -2);
    return n >= 5 ? folded.slice(0, -1) : folded;
  }
  if (last === E) return n >= 5 ? folded.slice(0, -1) : folded;
  return folded;
}

/** Words of an alias, split the way the tokenizer splits text. */
export type AliasSplitter = (alias: string) => string[];

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** How a word of an alias must be capitalised in text: not at all, initial capital (Moon), or all capitals (USA). */
type Caps = 0 | 1 | 2;

function capsOf(aliasWord: string): Caps {
  const a = normalizeToken(aliasWord);
  if (!isUpper(a.charAt(0))) return 0;
  const letters = a.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() ? 2 : 1;
}

/** Capitalisation of a text word fits the alias word: "Moon" needs a capital, "USA" needs all its capitals. */
function caseFits(caps: Caps, aliasWord: string, textWord: string): boolean {
  if (caps === 0) return true;
  const t = INVISIBLE_RE.test(textWord) ? normalizeToken(textWord) : textWord;
  if (!isUpper(t.charAt(0))) return false;
  if (caps === 1) return true;
  const head = t.slice(0, aliasWord.length);
  return head === head.toUpperCase();
}

export class AliasTrie<P> {
  private readonly root = new Node<P>();
  /** Name endings for the language of the text being scanned. */
  private suffixes: readonly string[] = NAME_SUFFIXES.de;
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
    node.out.push({ payload, alias, words, caps: words.map(capsOf) });
    this.size++;
  }

  /** The lookup key of each token, for `scan` (callers with two tries fold once and stem from that). */
  keysFor(tokens: readonly Token[], folded?: readonly string[]): string[] {
    if (folded === undefined) return tokens.map((t) => this.key(t.text));
    return this.mode === 'stem' ? folded.map(stemWord) : [...folded];
  }

  /** All matches in the token stream: leftmost, then longest, non-overlapping. */
  scan(tokens: readonly Token[], keys: readonly string[] = this.keysFor(tokens), lang: 'de' | 'en' = 'de'): TrieHit<P>[] {
    this.suffixes = NAME_SUFFIXES[lang];
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
    const last = key.charCodeAt(key.length - 1);
    if (last !== 115 && last !== 110) return false; // every name ending ends in "s" or "n"
    for (const suf of this.suffixes) {
      if (key.length - suf.length >= 2 && key.endsWith(suf) && this.root.next.has(key.slice(0, -suf.length))) return true;
    }
    return false;
  }

  private longestAt(tokens: readonly Token[], keys: readonly string[], first: number): TrieHit<P> | null {
    const best: Best<P> = { last: -1, patterns: null };
    this.walk(this.root, first, [], tokens, keys, best);
    const startTok = tokens[first];
    const endTok = tokens[best.last - 1];
    if (best.patterns === null || startTok === undefined || endTok === undefined) return null;
    return { first, last: best.last, start: startTok.start, end: endTok.end, patterns: best.patterns };
  }

  private consider(node: Node<P>, last: number, used: readonly number[], inflected: boolean, tokens: readonly Token[], best: Best<P>): void {
    if (node.out.length === 0 || last <= best.last) return;
    const fitting = node.out.filter((p) => this.fits(p, tokens, used, inflected));
    if (fitting.length > 0) {
      best.last = last;
      best.patterns = fitting;
    }
  }

  /** Depth-first along the trie from token i; `used` are the token indexes matched so far (gaps excluded). */
  private walk(node: Node<P>, i: number, used: number[], tokens: readonly Token[], keys: readonly string[], best: Best<P>): void {
    if (used.length > 0) this.consider(node, i, used, false, tokens, best);
    const key = keys[i];
    if (key === undefined) return;
    const child = node.next.get(key);
    if (child !== undefined) {
      used.push(i);
      this.walk(child, i + 1, used, tokens, keys, best);
      used.pop();
    }
    if (this.mode === 'name') {
      const lastChar = key.charCodeAt(key.length - 1);
      if (lastChar !== 115 && lastChar !== 110) return;
      for (const suf of this.suffixes) {
        if (key.length - suf.length < 2 || !key.endsWith(suf)) continue;
        const stemmed = node.next.get(key.slice(0, -suf.length));
        if (stemmed === undefined) continue;
        used.push(i);
        this.consider(stemmed, i + 1, used, true, tokens, best);
        used.pop();
      }
    } else if (node.gap !== null && used.length > 0) {
      // skip 0..MAX_GAP words, never across the end of a sentence or a quotation mark
      let j = i;
      for (let skipped = 0; skipped <= MAX_GAP && j < tokens.length; skipped++) {
        const next = node.gap.next.get(keys[j] ?? '');
        if (next !== undefined) {
          used.push(j);
          this.walk(next, j + 1, used, tokens, keys, best);
          used.pop();
        }
        const t = tokens[j];
        if (t === undefined || (t.kind === 'punct' && SENTENCE_END.has(t.text)) || t.kind === 'quote') break;
        j++;
      }
    }
  }

  /** Capitalisation check for names (stems ignore case: a sentence may start with "Atomare"). */
  private fits(p: TriePattern<P>, tokens: readonly Token[], used: readonly number[], inflected: boolean): boolean {
    if (this.mode === 'stem') return true;
    if (p.words.length !== used.length) return false;
    for (let k = 0; k < used.length; k++) {
      const tok = tokens[used[k] ?? -1];
      const word = p.words[k];
      if (tok === undefined || word === undefined) return false;
      if (!caseFits(p.caps[k] ?? 0, word, tok.text)) return false;
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
