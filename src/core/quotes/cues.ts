/**
 * Speech cue recognition on single tokens: verbs of saying (German and
 * English, inflected; German separable verbs only with their particle),
 * source prepositions (laut X, X zufolge, according to X) and the
 * "„…“, so X" pattern. A cue tells where to look for the speaker.
 */
import { isCapitalised, type QuoteDoc } from './doc.ts';
import {
  DE_CUE_VERBS, DE_SEPARABLE_CUES, DE_SOURCE_AFTER, DE_SOURCE_BEFORE, EN_CUE_VERBS, NAMING_VERBS, WEAK_CUES,
} from './lexicon.ts';

export type CueKind = 'verb' | 'source-after' | 'source-before';

export interface Cue {
  /** First and one-past-last token of the cue words. */
  tok: number;
  last: number;
  kind: CueKind;
  /** "nannte", "called": the word after the verb is the thing named, not the speaker. */
  naming: boolean;
  /** Common verb that is a cue only right next to a quote. */
  weak: boolean;
  /** German plural verb form ("sagten"): a "sie" subject means "they". */
  plural: boolean;
  /** "told": the noun phrase after the verb is the addressee. */
  addressee: boolean;
}

const PARTICLE_LOOKAHEAD = 20;

function sentenceInitial(doc: QuoteDoc, i: number): boolean {
  const prev = doc.tokens[i - 1];
  return i === 0 || doc.sentOf[i - 1] !== doc.sentOf[i] || (prev !== undefined && (prev.kind === 'quote' || prev.text === ':'));
}

function hasParticle(doc: QuoteDoc, i: number, particles: readonly string[]): boolean {
  const s = doc.sentOf[i];
  for (let k = i + 1; k < doc.tokens.length && k <= i + PARTICLE_LOOKAHEAD && doc.sentOf[k] === s; k++) {
    const w = doc.lower[k]!;
    if (doc.tokens[k]!.kind === 'quote' || w === ':') {
      // "fügte hinzu:" ends the clause at the colon or quote; the particle stands before it
      return particles.includes(doc.lower[k - 1]!);
    }
    if (particles.includes(w)) return true;
  }
  return false;
}

/** The cue starting at token i, if any. Tokens inside quotes are the caller's concern. */
export function cueAt(doc: QuoteDoc, i: number): Cue | null {
  const tok = doc.tokens[i];
  if (!tok || tok.kind !== 'word') return null;
  const w = doc.lower[i]!;
  const base = { tok: i, last: i + 1, naming: false, weak: false, plural: false, addressee: false };
  if (doc.lang === 'de') {
    // capitalised mid-sentence words are nouns in German ("die Frage"), not verbs
    if (isCapitalised(tok) && !sentenceInitial(doc, i)) return null;
    if (DE_SOURCE_AFTER.has(w) && w !== 'so') return { ...base, kind: 'source-after' };
    if (DE_SOURCE_BEFORE.has(w)) return { ...base, kind: 'source-before' };
    const particles = DE_SEPARABLE_CUES.get(w);
    if (particles) {
      if (!hasParticle(doc, i, particles)) return null;
      return { ...base, kind: 'verb', plural: /en$/u.test(w) };
    }
    if (DE_CUE_VERBS.has(w)) {
      return { ...base, kind: 'verb', naming: NAMING_VERBS.has(w), weak: WEAK_CUES.has(w), plural: /(?:ten|en)$/u.test(w) && !/(?:tet|et)$/u.test(w) };
    }
    return null;
  }
  if (w === 'according' && doc.lower[i + 1] === 'to') return { ...base, last: i + 2, kind: 'source-after' };
  if (EN_CUE_VERBS.has(w)) {
    return { ...base, kind: 'verb', naming: NAMING_VERBS.has(w), weak: WEAK_CUES.has(w), addressee: /^(?:told|tell|tells|telling|asked|ask|asks|informed|urged|assured|warned)$/u.test(w) };
  }
  return null;
}

/** "„…“, so Murtha": the German "so" right after a quote and comma is a source cue. */
export function soCueAfter(doc: QuoteDoc, closeTok: number): Cue | null {
  if (doc.lang !== 'de') return null;
  let k = closeTok + 1;
  if (doc.lower[k] === ',') k++;
  if (doc.lower[k] !== 'so') return null;
  const next = doc.tokens[k + 1];
  if (!next || next.kind !== 'word') return null;
  return { tok: k, last: k + 1, kind: 'source-after', naming: false, weak: false, plural: false, addressee: false };
}
