/**
 * Speaker attribution for one marked quote: find the nearest speech cue in
 * the quote's sentence (after the quote: „…“, sagte X / “…,” X said; before
 * it: X sagte: „…“ / Auch X bezeichnete das als „…“), then the cue's
 * subject — an entity mention, a subject pronoun, or a noun phrase — on the
 * side German and English word order put it. Pronouns and role nouns are
 * resolved to people by `resolve.ts`.
 */
import type { Span } from '../types.ts';
import { isCapitalised, type QuoteDoc } from './doc.ts';
import { cueAt, soCueAfter, type Cue } from './cues.ts';
import { DETERMINERS, NON_NAME_WORDS, SUBJECT_PRONOUNS, type PronounKind } from './lexicon.ts';
import { roleHead, type PersonIndex } from './mentions.ts';

/** What the cue's subject is. */
export type SubjectRef =
  | { kind: 'mention'; mention: number; span: Span }
  | { kind: 'pronoun'; pronoun: PronounKind; tok: number; span: Span }
  | { kind: 'phrase'; first: number; last: number; span: Span };

export interface CueMatch {
  cue: Cue;
  /** Cue stands after the quote. */
  after: boolean;
  /** Tokens between the quote mark and the cue. */
  distance: number;
  subject: SubjectRef | null;
}

const WINDOW_BEFORE = 30;
const WINDOW_AFTER = 12;
const NP_MAX = 7;

/** Words that may stand between a subject and its cue verb ("Trump also said", "Kim hat … gesagt"). */
const SKIPPABLE = new Set([
  'also', 'later', 'then', 'has', 'had', 'have', 'was', 'is', 'would', 'will', 'again', 'once', 'recently',
  'reportedly', 'previously', 'repeatedly', 'often', 'just', 'further', 'flatly', 'simply', 'bluntly', 'quickly',
  'hat', 'hatte', 'habe', 'auch', 'aber', 'zudem', 'erneut', 'später', 'daraufhin', 'nun', 'jedoch', 'weiter',
  'dann', 'bereits', 'schon', 'noch', 'wiederum', 'ebenfalls', 'allerdings',
]);
/** Generic English speaker heads that are lowercase ("sources said", "a spokesman said"). */
const GENERIC_SPEAKERS = new Set([
  'source', 'sources', 'official', 'officials', 'aide', 'aides', 'people', 'critics', 'supporters', 'experts',
  'analysts', 'voters', 'witnesses', 'police', 'campaign', 'spokesman', 'spokeswoman', 'spokesperson', 'statement',
  'reporters', 'residents', 'democrats', 'republicans', 'administration', 'government', 'ministry', 'group', 'report',
  'who', 'organizers', 'advisers', 'advisors', 'observers', 'lawmakers', 'members', 'others', 'some', 'many', 'both',
]);

function inOtherQuote(doc: QuoteDoc, k: number, qi: number): boolean {
  const q = doc.quoteOf[k]!;
  return q !== -1 && q !== qi;
}

function spanOf(doc: QuoteDoc, first: number, last: number): Span {
  return { start: doc.tokens[first]!.start, end: doc.tokens[last - 1]!.end };
}

/** A noun phrase ending at token `end` (inclusive), read backwards. */
function phraseBackward(doc: QuoteDoc, end: number, min: number): SubjectRef | null {
  let k = end;
  let first = end + 1;
  let sawHead = false;
  while (k >= min && end - k < NP_MAX) {
    const tok = doc.tokens[k]!;
    const w = doc.lower[k]!;
    if (tok.kind !== 'word' && !(tok.text === '-' || tok.text === '.')) break;
    if (DETERMINERS.has(w)) {
      if (sawHead) first = k;
      break;
    }
    if (NON_NAME_WORDS.has(w) || cueAt(doc, k)) break;
    const cap = isCapitalised(tok);
    if (!cap && doc.lang === 'de') break;
    if (!cap && !sawHead && !GENERIC_SPEAKERS.has(w) && !roleHead(w)) break;
    sawHead = true;
    first = k;
    k--;
  }
  if (!sawHead || first > end) return null;
  return { kind: 'phrase', first, last: end + 1, span: spanOf(doc, first, end + 1) };
}

/** A noun phrase starting at token `start`, read forwards ("der US-Präsident", "Trump", "the former secretary"). */
function phraseForward(doc: QuoteDoc, start: number, max: number, allowCommon: boolean): SubjectRef | null {
  let k = start;
  const hasDet = DETERMINERS.has(doc.lower[k] ?? '');
  if (hasDet) {
    if (!allowCommon) return null;
    k++;
  }
  let last = -1;
  while (k < max && k - start < NP_MAX) {
    const tok = doc.tokens[k]!;
    const w = doc.lower[k]!;
    if (tok.kind !== 'word') break;
    if (NON_NAME_WORDS.has(w)) break;
    const cap = isCapitalised(tok);
    if (cap) last = k;
    else if (!(hasDet && doc.lang === 'en' && (roleHead(w) || GENERIC_SPEAKERS.has(w) || last === -1))) break;
    else if (roleHead(w) || GENERIC_SPEAKERS.has(w)) last = k;
    k++;
  }
  if (last < start) return null;
  return { kind: 'phrase', first: start, last: last + 1, span: spanOf(doc, start, last + 1) };
}

function refAt(doc: QuoteDoc, persons: PersonIndex, k: number): SubjectRef | null {
  const m = persons.mentionCover[k]!;
  if (m !== -1) {
    const men = persons.mentions[m]!;
    return { kind: 'mention', mention: m, span: { start: men.start, end: men.end } };
  }
  const p = SUBJECT_PRONOUNS.get(doc.lower[k]!);
  if (p) return { kind: 'pronoun', pronoun: p, tok: k, span: spanOf(doc, k, k + 1) };
  return null;
}

/** The subject standing before the cue (SVO / German subject-first), between `min` and `from`. */
function subjectBackward(doc: QuoteDoc, persons: PersonIndex, from: number, min: number, qi: number): SubjectRef | null {
  let k = from;
  let skips = 0;
  let commaJumps = 0;
  while (k >= min) {
    if (inOtherQuote(doc, k, qi) || doc.quoteOf[k] === qi) return null;
    const w = doc.lower[k]!;
    if (SKIPPABLE.has(w) && skips < 3) {
      skips++;
      k--;
      continue;
    }
    if (w === ',' && commaJumps === 0 && doc.lang === 'en') {
      // appositive or relative clause: "Clinton, the Democratic nominee, said"
      let j = k - 1;
      while (j >= min && j > k - 16 && doc.lower[j] !== ',' && doc.tokens[j]!.kind !== 'quote') j--;
      if (j >= min && doc.lower[j] === ',') {
        commaJumps++;
        k = j - 1;
        continue;
      }
      return null;
    }
    const ref = refAt(doc, persons, k);
    if (ref) {
      if (ref.kind === 'mention') {
        const men = persons.mentions[ref.mention]!;
        if (men.possessive) return phraseBackward(doc, k, min) ?? ref;
      }
      return ref;
    }
    return phraseBackward(doc, k, min);
  }
  return null;
}

/** The subject right after the cue (German inversion "sagte Trump", English "said Trump"). */
function subjectForward(doc: QuoteDoc, persons: PersonIndex, from: number, max: number, cue: Cue, qi: number): SubjectRef | null {
  let k = from;
  // "sagte am Donnerstag Trump" is rare; allow only skippable adverbs before the subject
  while (k < max && SKIPPABLE.has(doc.lower[k]!)) k++;
  if (k >= max || inOtherQuote(doc, k, qi) || doc.quoteOf[k] === qi) return null;
  const ref = refAt(doc, persons, k);
  if (ref) return ref;
  if (cue.addressee) return null;
  return phraseForward(doc, k, max, !cue.naming);
}

/** Find the cue and subject for quote qi. */
export function matchCue(doc: QuoteDoc, persons: PersonIndex, qi: number): CueMatch | null {
  const q = doc.quotes[qi]!;
  const open = doc.openTok[qi]!;
  const close = doc.closeTok[qi]!;
  const n = doc.tokens.length;

  // after the quote: same sentence as the closing mark, up to the next quote
  let after: CueMatch | null = null;
  const so = soCueAfter(doc, close);
  if (so) {
    const subject = subjectForward(doc, persons, so.last, Math.min(n, so.last + 6), so, qi);
    after = { cue: so, after: true, distance: so.tok - close - 1, subject };
  } else {
    const sClose = doc.sentOf[close];
    let lastAfter = close + 1;
    while (lastAfter < n && lastAfter <= close + WINDOW_AFTER && doc.sentOf[lastAfter] === sClose && doc.tokens[lastAfter]!.kind !== 'quote') lastAfter++;
    for (let k = close + 1; k < lastAfter; k++) {
      const cue = cueAt(doc, k);
      if (!cue) continue;
      let subject: SubjectRef | null = null;
      if (cue.kind === 'source-before') subject = subjectBackward(doc, persons, k - 1, close + 1, qi);
      else if (cue.kind === 'source-after') subject = subjectForward(doc, persons, cue.last, lastAfter, cue, qi);
      else {
        const between = k - close - 1 - (doc.lower[close + 1] === ',' ? 1 : 0);
        subject = between > 0 ? subjectBackward(doc, persons, k - 1, close + 1, qi) : null;
        subject ??= subjectForward(doc, persons, cue.last, lastAfter, cue, qi);
      }
      after = { cue, after: true, distance: k - close - 1, subject };
      break;
    }
  }

  // before the quote: back to the sentence start or the previous quote
  let before: CueMatch | null = null;
  let minBefore = open - 1;
  const sOpen = doc.sentOf[open];
  while (minBefore >= 0 && open - minBefore <= WINDOW_BEFORE && doc.sentOf[minBefore] === sOpen) minBefore--;
  minBefore++;
  // a colon ending the previous sentence or paragraph introduces this quote ("He said:\n\n“…”")
  if (minBefore === open && open > 0 && doc.lower[open - 1] === ':') {
    const sPrev = doc.sentOf[open - 1];
    minBefore = open - 1;
    while (minBefore > 0 && open - minBefore <= WINDOW_BEFORE && doc.sentOf[minBefore - 1] === sPrev) minBefore--;
  }
  for (let k = open - 1; k >= minBefore; k--) {
    if (inOtherQuote(doc, k, qi)) break;
    const cue = cueAt(doc, k);
    if (!cue) continue;
    let subject: SubjectRef | null = null;
    if (cue.kind === 'source-after') subject = subjectForward(doc, persons, cue.last, open, cue, qi);
    else if (cue.kind === 'source-before') subject = subjectBackward(doc, persons, k - 1, minBefore, qi);
    else {
      subject = subjectBackward(doc, persons, k - 1, minBefore, qi);
      subject ??= subjectForward(doc, persons, cue.last, open, cue, qi);
    }
    before = { cue, after: false, distance: open - k - 1, subject };
    break;
  }

  if (!after) return before;
  if (!before) return after;
  // "„…“, sagte X" / "“…,” X said": a quote ending in a comma or ?/! points forward
  const lastContent = doc.text[q.end - 1] ?? '';
  const commaAfter = doc.lower[close + 1] === ',';
  if (/[,?!]/u.test(lastContent) || commaAfter) {
    if (after.subject || !before.subject) return after;
  }
  if (doc.lower[open - 1] === ':') return before.subject || !after.subject ? before : after;
  if (before.subject && !after.subject) return before;
  if (after.subject && !before.subject) return after;
  return after.distance <= before.distance ? after : before;
}
