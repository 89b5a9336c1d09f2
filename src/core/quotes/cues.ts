/**
 * Speech cue recognition on single tokens: verbs of saying (German and
 * English, inflected; German separable verbs only with their particle),
 * source prepositions (laut X, X zufolge, according to X) and the
 * "„…“, so X" pattern. A cue tells where to look for the speaker.
 */
import { isCapitalised, type QuoteDoc } from './doc.ts';
import {
  DE_CUE_VERBS, DE_SEPARABLE_CUES, DE_SOURCE_AFTER, DE_SOURCE_BEFORE, DETERMINERS, EN_CUE_VERBS, NAMING_VERBS, WEAK_CUES,
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
const EN_ARTICLES = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'this', 'that', 'these', 'those', 'my', 'our', 'your']);
const EN_CUE_NOUNS = new Set([
  'claim', 'claims', 'statement', 'statements', 'remark', 'remarks', 'comment', 'comments', 'words', 'assertion',
  'promise', 'tweet', 'tweets', 'message', 'speech', 'argument', 'warning', 'description', 'answer', 'response',
  'testimony', 'view', 'message', 'pledge', 'suggestion', 'charge', 'accusation', 'letter', 'post', 'op-ed',
]);
const SOURCE_NOUNS = new Set(['angaben', 'ansicht', 'auffassung', 'meinung', 'einschätzung', 'worten', 'aussage', 'aussagen', 'darstellung', 'informationen', 'berichten']);

function sentenceInitial(doc: QuoteDoc, i: number): boolean {
  const prev = doc.tokens[i - 1];
  return i === 0 || doc.sentOf[i - 1] !== doc.sentOf[i] || (prev !== undefined && (prev.kind === 'quote' || prev.text === ':'));
}

function hasParticle(doc: QuoteDoc, i: number, particles: readonly string[]): boolean {
  const s = doc.sentOf[i];
  let seen = 0;
  for (let k = i + 1; k < doc.tokens.length && seen <= PARTICLE_LOOKAHEAD && doc.sentOf[k] === s; k++) {
    // quoted words do not count towards the distance ("wies alle Vorwürfe als „haltlos“ zurück")
    if (doc.quoteOf[k] !== -1 || doc.tokens[k]!.kind === 'quote') continue;
    seen++;
    const w = doc.lower[k]!;
    if (w === ':' || w === ',' || w === ';') return false;
    if (particles.includes(w)) return true;
  }
  return false;
}

/** Words before a participle that make it passive or comparative rather than a speech verb. */
const EN_PASSIVE_BEFORE = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being', 'as']);

/** The cue starting at token i, if any (memoised per document). Tokens inside quotes are the caller's concern. */
export function cueAt(doc: QuoteDoc, i: number): Cue | null {
  if (i < 0 || i >= doc.tokens.length) return null;
  const memo = doc.cueMemo[i]!;
  if (memo === -1) return null;
  if (memo >= 0) return doc.cueList[memo]!;
  const cue = computeCue(doc, i);
  if (cue) {
    doc.cueMemo[i] = doc.cueList.length;
    doc.cueList.push(cue);
  } else doc.cueMemo[i] = -1;
  return cue;
}

function computeCue(doc: QuoteDoc, i: number): Cue | null {
  const tok = doc.tokens[i];
  if (!tok || tok.kind !== 'word') return null;
  const w = doc.lower[i]!;
  // cheap membership test first: almost no token is a cue
  const known = doc.lang === 'de'
    ? DE_CUE_VERBS.has(w) || DE_SEPARABLE_CUES.has(w) || DE_SOURCE_AFTER.has(w) || DE_SOURCE_BEFORE.has(w) || SOURCE_NOUNS.has(w)
    : EN_CUE_VERBS.has(w) || w === 'according' || EN_CUE_NOUNS.has(w);
  if (!known) return null;
  const base = { tok: i, last: i + 1, naming: false, weak: false, plural: false, addressee: false };
  if (doc.lang === 'de') {
    // "nach Angaben der Polizei", "nach Ansicht des Gerichts", "nach den Worten von X"
    if (SOURCE_NOUNS.has(w)) return doc.lower[i - 1] === 'nach' || doc.lower[i - 2] === 'nach' ? { ...base, kind: 'source-after' } : null;
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
      // "Deutschland wurde als „Wertediktatur“ bezeichnet": a passive naming verb says what something was
      // called, not by whom (the subject is the thing named)
      if (NAMING_VERBS.has(w) && passiveBefore(doc, i)) return null;
      return { ...base, kind: 'verb', naming: NAMING_VERBS.has(w), weak: WEAK_CUES.has(w), plural: /(?:ten|en)$/u.test(w) && !/(?:tet|et)$/u.test(w) };
    }
    return null;
  }
  if (w === 'according' && doc.lower[i + 1] === 'to') return { ...base, last: i + 2, kind: 'source-after' };
  const prev = doc.lower[i - 1] ?? '';
  // "Trump’s claim that …", "Clinton's remarks": the possessor is the source
  if (EN_CUE_NOUNS.has(w) && /['’]s?$/u.test(doc.tokens[i - 1]?.text ?? '')) return { ...base, kind: 'source-before' };
  // after an article the word is a noun ("the remark", "a report"), not a verb
  if (EN_ARTICLES.has(prev)) return null;
  // a participle after "be" or "as" ("tornadoes were observed", "erupted as predicted", "is expected") says
  // what happened to something, not who spoke; "was quoted as saying" still names its speaker
  if (EN_CUE_VERBS.has(w) && EN_PASSIVE_BEFORE.has(prev) && /ed$/u.test(w) && w !== 'quoted') return null;
  if (EN_CUE_VERBS.has(w)) {
    return { ...base, kind: 'verb', naming: NAMING_VERBS.has(w), weak: WEAK_CUES.has(w), addressee: /^(?:told|tell|tells|telling|asked|ask|asks|informed|urged|assured|warned)$/u.test(w) };
  }
  return null;
}

const DE_PASSIVE_AUX = new Set(['wurde', 'wurden', 'worden', 'wird', 'werden']);

/** A form of "werden" earlier in the clause of token i (back to a comma, colon or the sentence start). */
function passiveBefore(doc: QuoteDoc, i: number): boolean {
  const sentence = doc.sentOf[i];
  for (let k = i - 1; k >= 0 && doc.sentOf[k] === sentence; k--) {
    const w = doc.lower[k]!;
    if (w === ',' || w === ':' || w === ';') return false;
    if (DE_PASSIVE_AUX.has(w)) return true;
  }
  return false;
}

/** "„…“, so Murtha": the German "so" right after a quote and comma is a source cue. */
export function soCueAfter(doc: QuoteDoc, closeTok: number): Cue | null {
  if (doc.lang !== 'de') return null;
  let k = closeTok + 1;
  if (doc.lower[k] === ',') k++;
  if (doc.lower[k] !== 'so') return null;
  const next = doc.tokens[k + 1];
  if (!next || next.kind !== 'word') return null;
  // the source is a name or a noun phrase ("so Dawidowski", "so der Sprecher"); "So sei es …", "so viel ist klar"
  // go on with the story
  if (!isCapitalised(next) && !DETERMINERS.has(doc.lower[k + 1]!)) return null;
  return { tok: k, last: k + 1, kind: 'source-after', naming: false, weak: false, plural: false, addressee: false };
}
