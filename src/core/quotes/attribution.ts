/**
 * Speaker attribution for one marked quote: find the nearest speech cue in
 * the quote's sentence (after the quote: „…“, sagte X / “…,” X said; before
 * it: X sagte: „…“ / Auch X bezeichnete das als „…“), then the cue's
 * subject on the side that German and English word order put it:
 *  - German verb-second: the subject is the first phrase of the clause
 *    (Vorfeld) unless that is an adverbial, a prepositional phrase or a
 *    plain noun while a name or pronoun follows the verb ("Darauf
 *    antwortete er", "Der Zeitung sagte Filep Karma"). After "nannte"/
 *    "bezeichnete" the word after the verb is the thing named ("Kim nannte
 *    sie „begrüßenswert“"), so the subject must come first.
 *  - English subject-verb: the first person in the clause, else the first
 *    noun phrase; after a quote "“…,” X said" or "“…,” said X".
 * Pronouns and role nouns are resolved to people by `resolve.ts`.
 */
import { hyphenCompound, isCapitalised, type QuoteDoc } from './doc.ts';
import { cueAt, soCueAfter, type Cue } from './cues.ts';
import { candidatesIn, usedLowercase, type Candidate } from './candidates.ts';
import type { PersonIndex } from './mentions.ts';
import { documentSource } from './reported.ts';

export interface CueMatch {
  /** The cue, or null for a dash attribution ("“…” ― Name"). */
  cue: Cue | null;
  /** Cue stands after the quote. */
  after: boolean;
  /** Tokens between the quote mark and the cue. */
  distance: number;
  subject: Candidate | null;
}

const WINDOW_BEFORE = 40;
const WINDOW_AFTER = 14;
const SKIP_BEFORE_SUBJECT = new Set([
  'auch', 'und', 'aber', 'doch', 'zudem', 'außerdem', 'so', 'nun', 'dann', 'daraufhin', 'später', 'also', 'and', 'but',
  'then', 'later', 'still', 'yet', 'so', 'now', 'meanwhile', ',', 'jedoch', 'allerdings', 'ebenfalls', 'selbst',
  'even', 'however', 'sogar', 'nur', 'only', 'sich',
]);
const DASHES = new Set(['―', '—', '–', '-']);

/** German conjunctions that open a verb-final clause ("…, als die Interviewerin Roni Aviram fragt: „…“"). */
const DE_SUBORDINATORS = new Set(['als', 'wenn', 'während', 'nachdem', 'weil', 'da', 'ob', 'bevor', 'sobald', 'indem', 'wie', 'wo']);
const DE_FINAL_AUX = new Set(['hat', 'hatte', 'habe', 'hätte', 'haben', 'hatten', 'hätten', 'ist', 'war', 'sei', 'wäre', 'wird', 'wurde']);

/**
 * Where the cue's clause begins: after a colon/semicolon, after an earlier speech clause in the
 * window, or (German) after the conjunction of a verb-final clause whose last word is the cue.
 */
function clauseStart(doc: QuoteDoc, lo: number, cueTok: number): number {
  // the cue ends its clause, perhaps with an auxiliary after it ("nachdem Merz erklärt hatte:")
  const next = DE_FINAL_AUX.has(doc.lower[cueTok + 1] ?? '') ? cueTok + 2 : cueTok + 1;
  const verbFinal = doc.lang === 'de' && (doc.lower[next] === ':' || doc.lower[next] === ',');
  for (let k = cueTok - 1; k >= lo; k--) {
    const w = doc.lower[k]!;
    if (verbFinal && DE_SUBORDINATORS.has(w) && k < cueTok - 1 && (doc.lower[k - 1] === ',' || doc.sentOf[k - 1] !== doc.sentOf[k])) return k + 1;
    // a quote glued to a word by a hyphen is part of a compound („Müll“-Fauxpas), not the end of a clause
    const inQuote = doc.quoteOf[k]!;
    if (inQuote !== -1 && hyphenCompound(doc, inQuote)) {
      k = doc.openTok[inQuote]!;
      continue;
    }
    if (w === ':' || w === ';' || doc.tokens[k]!.kind === 'quote') return k + 1;
    if (doc.quoteOf[k] !== -1) return k + 1;
    const c = cueAt(doc, k);
    if (c && c.kind === 'verb') {
      // an earlier speech clause ends at its comma; without one the verbs share the subject ("bestätigte … und nannte")
      let j = k + 1;
      while (j < cueTok && doc.lower[j] !== ',') j++;
      if (j < cueTok) return j + 1;
    }
  }
  return lo;
}

/** A relative pronoun between two tokens: a cue after it belongs to the relative clause. */
function relativeBetween(doc: QuoteDoc, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (doc.lower[k] === 'who' || doc.lower[k] === 'which') return true;
  return false;
}

function onlySkippable(doc: QuoteDoc, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!SKIP_BEFORE_SUBJECT.has(doc.lower[k]!)) return false;
  return true;
}

/** Subject of a cue that stands before the quote; candidates from [lo, hi). */
function subjectOfLeadingCue(doc: QuoteDoc, persons: PersonIndex, cue: Cue, lo: number, hi: number): Candidate | null {
  if (cue.kind === 'source-after') return sourceAfter(doc, persons, cue, hi);
  const cs = clauseStart(doc, lo, cue.tok);
  // "So heißt es in dem Schreiben:", "Darin steht:": the text is the source
  const text = documentSource(doc, persons, cs, hi);
  if (text) return text;
  if (cue.kind === 'source-before') {
    const c = candidatesIn(doc, persons, cs, cue.tok);
    return c[c.length - 1] ?? null;
  }
  const cands = candidatesIn(doc, persons, cs, hi).filter((c) => !c.oblique);
  const before = cands.filter((c) => c.last <= cue.tok);
  const after = cands.filter((c) => c.first >= cue.last);
  const adjacentAfter = after[0] && onlySkippable(doc, cue.last, after[0].first) && after[0].first - cue.last <= 2 ? after[0] : null;
  if (doc.lang === 'de') {
    const initial = before[0] && onlySkippable(doc, cs, before[0].first) ? before[0] : null;
    // "…, schreibt der Verband auf seiner Website": after a clause and comma the subject follows the verb
    // (a clause ends in a lowercase verb; "Peter Müller, Sprecher des Ministeriums, sagte" ends an apposition instead)
    const clauseBefore = doc.lower[cue.tok - 1] === ',' && doc.tokens[cue.tok - 2]?.kind === 'word' && !isCapitalised(doc.tokens[cue.tok - 2]);
    if (!cue.naming && clauseBefore && adjacentAfter && adjacentAfter.first === cue.last) return adjacentAfter;
    // "Der Vorsitzende des Verbands, Michael Knipper, kritisierte": the name in apposition to a fronted role
    if (initial && initial.cls === 2) {
      const named = before.find((c) => c.cls === 0 && c.kind === 'mention' && doc.lower[c.first - 1] === ',' && doc.lower[c.last] === ',');
      if (named) return named;
    }
    if (cue.naming) {
      // "Die Bestrebungen … bezeichnete er als „…“": with a fronted object the subject follows the verb;
      // only "er" is safe to read so ("sie" after the verb is usually the thing named: "Kim nannte sie „…“")
      if (initial && initial.cls === 2 && adjacentAfter?.pronoun === 'm') return adjacentAfter;
      return initial ?? before[before.length - 1] ?? (adjacentAfter && adjacentAfter.cls === 0 ? adjacentAfter : null);
    }
    // a bare capitalised word opening the sentence is often an adverb ("Ähnlich äußerte sich der Präsident")
    if (initial && initial.kind === 'phrase' && initial.last - initial.first === 1 && adjacentAfter) return adjacentAfter;
    // "Der Zeitung sagte Filep Karma": a named person right after the verb is the subject, a fronted organisation the addressee
    if (initial && initial.cls === 1 && adjacentAfter && adjacentAfter.cls === 0 && adjacentAfter.kind === 'mention') return adjacentAfter;
    if (initial && (initial.cls < 2 || !adjacentAfter || adjacentAfter.cls === 2)) return initial;
    if (adjacentAfter) return adjacentAfter;
    return initial ?? best(before);
  }
  // English subject-verb: a person right before the verb ("… ― Trump boasted, “…”"), else the first person of the clause
  const last = before[before.length - 1];
  if (last && last.cls <= 1 && onlySkippable(doc, last.last, cue.tok)) return last;
  const person = before.find((c) => c.cls <= 1);
  if (person) return person;
  // the first phrase of the clause, unless the cue sits in a relative clause after it and that phrase is one
  // common word opening the sentence ("Violence has erupted after … counter-protesters who have vowed to keep “…”")
  const first = before[0];
  if (first && !(first.kind === 'phrase' && first.last - first.first === 1 && doc.sentOf[first.first - 1] !== doc.sentOf[first.first] &&
    usedLowercase(doc, doc.lower[first.first]!) && relativeBetween(doc, first.last, cue.tok))) return first;
  return cue.addressee || cue.naming ? null : adjacentAfter;
}

/** "said MSNBC host Chris Matthews": an organisation or role right before a person names the person. */
function preferPersonAfter(doc: QuoteDoc, cands: Candidate[], idx: number): Candidate | null {
  const c = cands[idx];
  if (!c) return null;
  const next = cands[idx + 1];
  if (c.kind !== 'pronoun' && next && next.cls === 0 && next.kind === 'mention' && next.first - c.last <= 1 && doc.tokens[c.last]?.kind !== 'punct') return next;
  return c;
}

/** Lowest class first, then nearest to the cue. */
function best(cands: Candidate[]): Candidate | null {
  let b: Candidate | null = null;
  for (const c of cands) if (!b || c.cls <= b.cls) b = c;
  return b;
}

/** Subject of a cue that follows the quote; candidates from [lo, hi). */
/** The source right after "laut", "according to", "nach Angaben" (not a phrase further on: "laut „bbc.co.uk“ mit folgenden Worten"). */
function sourceAfter(doc: QuoteDoc, persons: PersonIndex, cue: Cue, hi: number): Candidate | null {
  const c = candidatesIn(doc, persons, cue.last, hi)[0];
  return c && c.first === cue.last ? c : null;
}

function subjectOfTrailingCue(doc: QuoteDoc, persons: PersonIndex, cue: Cue, lo: number, hi: number): Candidate | null {
  if (cue.kind === 'source-after') return sourceAfter(doc, persons, cue, hi);
  if (cue.kind === 'source-before') {
    const c = candidatesIn(doc, persons, lo, cue.tok);
    return c[c.length - 1] ?? null;
  }
  const cands = candidatesIn(doc, persons, lo, hi).filter((c) => !c.oblique);
  const between = cands.filter((c) => c.last <= cue.tok);
  if (between.length > 0) return best(between);
  const idx = cands.findIndex((c) => c.first >= cue.last);
  const after = idx === -1 ? null : preferPersonAfter(doc, cands, idx);
  if (after && cands[idx]!.first - cue.last <= 2 && !cue.addressee) return after;
  return null;
}

/**
 * "Hatzius kritisiert, die Aktion erinnere „…“": a German cue verb in Konjunktiv I (-e, not past -te) with a
 * non-person subject is part of what is reported; the speaker is the subject of the cue before it.
 */
function reportedVerb(doc: QuoteDoc, m: CueMatch): boolean {
  if (doc.lang !== 'de' || !m.cue || m.cue.kind !== 'verb' || !m.subject || m.subject.cls < 2) return false;
  return /[^t]e$/u.test(doc.lower[m.cue.tok]!) && !isCapitalised(doc.tokens[m.cue.tok]);
}

/** A short quote of capitalised words without final punctuation: a name or title, not speech. */
function quotedName(doc: QuoteDoc, qi: number): boolean {
  const q = doc.quotes[qi]!;
  const first = doc.openTok[qi]! + 1;
  const last = doc.closeTok[qi]!;
  if (last - first > 4 || last <= first || /[.!?,:;]$/u.test(doc.text.slice(q.start, q.end))) return false;
  for (let k = first; k < last; k++) if (doc.tokens[k]!.kind === 'word' && !isCapitalised(doc.tokens[k])) return false;
  return true;
}

/** Find the cue and subject for quote qi. */
export function matchCue(doc: QuoteDoc, persons: PersonIndex, qi: number): CueMatch | null {
  const q = doc.quotes[qi]!;
  const open = doc.openTok[qi]!;
  const close = doc.closeTok[qi]!;
  const n = doc.tokens.length;

  // after the quote: same sentence as the closing mark, up to the next quote
  let after: CueMatch | null = null;
  const sClose = doc.sentOf[close];
  let hiAfter = close + 1;
  while (hiAfter < n && hiAfter <= close + WINDOW_AFTER && doc.sentOf[hiAfter] === sClose && doc.tokens[hiAfter]!.kind !== 'quote') hiAfter++;
  const so = soCueAfter(doc, close);
  if (so) {
    after = { cue: so, after: true, distance: so.tok - close - 1, subject: candidatesIn(doc, persons, so.last, Math.min(n, so.last + 8))[0] ?? null };
  } else if (DASHES.has(doc.lower[close + 1] ?? '') && doc.text.slice(doc.tokens[close]!.end, doc.tokens[close + 2]?.start ?? 0).trim().length <= 1) {
    // "“…” ― Krystal Correa": a dash and a name after the quote
    const c = candidatesIn(doc, persons, close + 2, Math.min(n, close + 8))[0];
    const nameLike = c !== undefined && c.kind === 'phrase' && doc.tokens.slice(c.first, c.last).every((t) => t.kind !== 'word' || /^\p{Lu}/u.test(t.text));
    if (c && c.first === close + 2 && (c.cls <= 1 || nameLike)) return { cue: null, after: true, distance: 1, subject: c };
  } else {
    for (let k = close + 1; k < hiAfter; k++) {
      const cue = cueAt(doc, k);
      if (!cue) continue;
      after = { cue, after: true, distance: k - close - 1, subject: subjectOfTrailingCue(doc, persons, cue, close + 1, hiAfter) };
      break;
    }
  }

  // before the quote: back to the sentence start or the previous quote
  let before: CueMatch | null = null;
  let lo = open - 1;
  const sOpen = doc.sentOf[open];
  while (lo >= 0 && open - lo <= WINDOW_BEFORE && doc.sentOf[lo] === sOpen) lo--;
  lo++;
  // a colon ending the previous sentence or paragraph introduces this quote ("He said:\n\n“…”")
  if (lo === open && open > 0 && doc.lower[open - 1] === ':') {
    const sPrev = doc.sentOf[open - 1];
    lo = open - 1;
    while (lo > 0 && open - lo <= WINDOW_BEFORE && doc.sentOf[lo - 1] === sPrev) lo--;
  }
  for (let k = open - 1; k >= lo; k--) {
    const other = doc.quoteOf[k]!;
    if (other !== -1 && other !== qi) {
      // a quoted name inside the introducing clause ("kritisiert in der Zeitung „Neues Deutschland“, …") does not end it
      if (doc.lang === 'de' && quotedName(doc, other)) {
        k = doc.openTok[other]!;
        continue;
      }
      lo = k + 1;
      break;
    }
  }
  // the nearest cue, but one further back when the nearest has no subject ("laut „bbc.co.uk“" after "kommentierte")
  for (let k = open - 1, seen = 0; k >= lo && seen < 2; k--) {
    const cue = cueAt(doc, k);
    if (!cue) continue;
    seen++;
    const found: CueMatch = { cue, after: false, distance: open - k - 1, subject: subjectOfLeadingCue(doc, persons, cue, lo, open) };
    if (!before || (!before.subject && found.subject) || (reportedVerb(doc, before) && found.subject && found.subject.cls <= 1)) before = found;
    if (before.subject && !reportedVerb(doc, before)) break;
  }
  // a colon right before the quote introduces speech even with a verb we do not know
  // ("Enders schloss sich dieser Einschätzung mit den Worten an: „…“")
  if (!before && open > lo && doc.lower[open - 1] === ':') {
    const colon: Cue = { tok: open - 1, last: open, kind: 'verb', naming: false, weak: false, plural: false, addressee: false };
    const subject = subjectOfLeadingCue(doc, persons, colon, lo, open - 1);
    if (subject) before = { cue: colon, after: false, distance: 0, subject };
  }

  // "Mit den Worten „…“ richtete er …": the quote is the fronted phrase, the subject follows the verb
  if (!after && doc.lang === 'de' && doc.lower[open - 1] === 'worten' && doc.lower[open - 3] === 'mit' &&
    (doc.sentOf[open - 3] !== doc.sentOf[open - 4] || doc.lower[open - 4] === ':')) {
    const c = candidatesIn(doc, persons, close + 1, hiAfter).find((x) => !x.oblique && x.cls <= 1);
    if (c && c.first - close <= 4) return { cue: null, after: true, distance: c.first - close - 1, subject: c };
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
  // "Er bezeichnete das als „…“ und kündigte … an": a later verb of the same sentence is not the quote's cue
  if (before.subject && after.distance > 0) return before;
  if (before.subject && !after.subject) return before;
  if (after.subject && !before.subject) return after;
  return after.distance <= before.distance ? after : before;
}

/** The subject of the cue (or impersonal verb, "heißt es") at token tok of the sentence [first, last). */
export function subjectAtCue(doc: QuoteDoc, persons: PersonIndex, tok: number, first: number, last: number): Candidate | null {
  const cue: Cue = cueAt(doc, tok) ?? { tok, last: tok + 1, kind: 'verb', naming: false, weak: false, plural: false, addressee: false };
  return subjectOfLeadingCue(doc, persons, cue, first, last);
}

/** The sentence that ends right before quote qi opens, when it holds no quote itself (else null). */
function quoteFreeSentenceBefore(doc: QuoteDoc, qi: number): QuoteDoc['sentences'][number] | null {
  const open = doc.openTok[qi]!;
  if (open === 0 || doc.sentOf[open - 1] === doc.sentOf[open]) return null;
  const s = doc.sentences[doc.sentOf[open - 1]!];
  if (!s) return null;
  for (let k = s.first; k < s.last; k++) if (doc.quoteOf[k] !== -1) return null;
  return s;
}

/** "Sie fügte hinzu. „…“": the subject of a speech cue in the sentence right before a standalone quote. */
export function previousCueSubject(doc: QuoteDoc, persons: PersonIndex, qi: number): Candidate | null {
  const s = quoteFreeSentenceBefore(doc, qi);
  if (!s) return null;
  for (let k = s.last - 1; k >= s.first; k--) {
    const cue = cueAt(doc, k);
    if (cue && cue.kind === 'verb' && !cue.weak) return subjectOfLeadingCue(doc, persons, cue, s.first, s.last);
  }
  return null;
}

/** The person the previous sentence is about: the fallback speaker of a quote standing alone after it. */
export function previousSubject(doc: QuoteDoc, persons: PersonIndex, qi: number): Candidate | null {
  const s = quoteFreeSentenceBefore(doc, qi);
  if (!s) return null;
  // "Europapolitik: Die SPD will …": a one-word label before a colon is a topic, not the subject
  const from = doc.lower[s.first + 1] === ':' ? s.first + 2 : s.first;
  // "Sie fügte hinzu. „…“": a speech cue in the sentence before
  for (let k = s.last - 1; k >= from; k--) {
    const cue = cueAt(doc, k);
    if (cue && cue.kind === 'verb' && !cue.weak) return subjectOfLeadingCue(doc, persons, cue, from, s.last);
  }
  const cands = candidatesIn(doc, persons, from, s.last).filter((c) => !c.oblique);
  const first = cands[0];
  if (first && first.cls <= 1 && onlySkippable(doc, from, first.first)) return first;
  return cands.find((c) => c.cls === 0) ?? null;
}

/**
 * The subject of the sentence a cue-less partial quote stands in: whoever
 * characterises something with quoted words is usually the subject
 * ("Reid has gone after Trump as a “human leech”").
 */
export function sentenceSubject(doc: QuoteDoc, persons: PersonIndex, qi: number): Candidate | null {
  const open = doc.openTok[qi]!;
  const s = doc.sentences[doc.sentOf[open]!];
  if (!s || s.first >= open) return null;
  // German capitalises every noun, so there only known people and organisations count
  const nameLike = (c: Candidate): boolean =>
    c.cls <= 1 || (doc.lang === 'en' && c.kind === 'phrase' && doc.tokens.slice(c.first, c.last).every((t) => t.kind !== 'word' || /^\p{Lu}/u.test(t.text)));
  // the first person-like phrase that is not inside a prepositional phrase ("In recent weeks, Reid has …")
  return candidatesIn(doc, persons, s.first, open).find((c) => !c.oblique && c.kind !== 'pronoun' && nameLike(c)) ?? null;
}
