/**
 * Speakers that German news introduces without a person as subject:
 *  - documents and statements: "So heißt es in dem Schreiben: „…“",
 *    "Die Behörde gab eine Stellungnahme ab. Darin steht: „…“" — the
 *    document is the source the reader is told about;
 *  - reported-speech chains: after "X sagte, …" or "…, schreibt X"
 *    several sentences in Konjunktiv continue what X said, and a partial
 *    quote inside them ("Die Klauseln seien „alarmierend“") is X's even
 *    with no cue in its own sentence.
 */
import type { QuoteDoc } from './doc.ts';
import { candidatesIn, type Candidate } from './candidates.ts';
import { cueAt } from './cues.ts';
import { konjunktivInSentence } from './indirect.ts';

/** Verbs of "es heißt"/"darin steht": the speaker is a place in a text, not the grammatical subject. */
const IMPERSONAL = new Set(['heißt', 'hieß', 'heisst', 'hiess', 'steht', 'stand']);
/** "darin", "dort", "hierin": the text named in the sentence before. */
const BACK_REFERENCE = new Set(['darin', 'dort', 'hierin', 'worin']);
/** Head nouns (also as compound ends: Positionspapier, Pressemitteilung) of texts that can "say" something. */
const DOCUMENT_HEAD = /(?:erklärung|stellungnahme|mitteilung|schreiben|brief|bericht|papier|dokument|urteil|begründung|studie|gutachten|antrag|beschluss|resolution|interview|protokoll|memorandum|entwurf|website|webseite|internetseite|blog|artikel|aufruf|appell|botschaft|rede|verlautbarung|kommuniqué|statement|zeitung|magazin|programm|vertrag|gesetz|anklageschrift|schrift)$/u;
/** Konjunktiv II forms that German reported speech uses where Konjunktiv I looks indicative. */
const KONJUNKTIV_II = new Set([
  'hätte', 'hätten', 'wäre', 'wären', 'würde', 'würden', 'könnte', 'könnten', 'müsste', 'müssten', 'dürfte', 'dürften',
]);
/** How many sentences back a reported-speech chain is followed. */
const CHAIN_SENTENCES = 4;

/** Is this speaker name a document ("Schreiben", "Stellungnahme")? Documents do not hold the floor for later quotes. */
export function isDocumentName(name: string): boolean {
  return DOCUMENT_HEAD.test(name.toLowerCase());
}

function isDocument(doc: QuoteDoc, c: Candidate): boolean {
  return c.kind === 'phrase' && DOCUMENT_HEAD.test(doc.lower[c.last - 1] ?? '');
}

/** "heißt es in dem Schreiben" / "Darin steht" in [lo, hi): the document as a speaker candidate, or null. */
export function documentSource(doc: QuoteDoc, persons: Parameters<typeof candidatesIn>[1], lo: number, hi: number): Candidate | null {
  if (doc.lang !== 'de') return null;
  let verb = -1;
  let back = false;
  for (let k = lo; k < hi; k++) {
    if (doc.quoteOf[k] !== -1) continue;
    if (IMPERSONAL.has(doc.lower[k]!)) verb = k;
    if (BACK_REFERENCE.has(doc.lower[k]!)) back = true;
  }
  if (verb === -1) return null;
  // "in dem Schreiben", "im Bericht", "in einem Positionspapier des Ministeriums"
  const inText = candidatesIn(doc, persons, lo, hi).find((c) => isDocument(doc, c) && /^(?:in|im)$/u.test(doc.lower[c.first - 1] ?? ''));
  if (inText) return inText;
  if (!back) return null;
  const prev = doc.sentences[(doc.sentOf[lo] ?? 0) - 1];
  if (!prev) return null;
  const docs = candidatesIn(doc, persons, prev.first, prev.last).filter((c) => isDocument(doc, c));
  return docs[docs.length - 1] ?? null;
}

/** Does sentence si read as reported speech (Konjunktiv I, or II where I would look indicative)? */
export function reportedSentence(doc: QuoteDoc, si: number): boolean {
  if (konjunktivInSentence(doc, si) !== -1) return true;
  const s = doc.sentences[si];
  if (!s || doc.lang !== 'de') return false;
  for (let k = s.first; k < s.last; k++) if (doc.quoteOf[k] === -1 && KONJUNKTIV_II.has(doc.lower[k]!) && doc.tokens[k]!.text === doc.lower[k]) return true;
  return false;
}

export type ChainLink = { kind: 'quote' } | { kind: 'cue'; subject: Candidate };

/**
 * For a cue-less quote in reported-speech sentence `si`: walk back through
 * the chain of reported-speech sentences to the sentence that introduced it.
 * Returns that the previous speaker's quote sentence starts the chain
 * (`quote`, when `lastQuoteSentence` is reached) or the introducing cue's
 * subject; null when the chain breaks first.
 */
export function reportedChainSource(
  doc: QuoteDoc,
  si: number,
  lastQuoteSentence: number,
  subjectOf: (cueTok: number, first: number, last: number) => Candidate | null,
): ChainLink | null {
  if (doc.lang !== 'de' || !reportedSentence(doc, si)) return null;
  for (let s = si - 1; s >= 0 && s >= si - CHAIN_SENTENCES; s--) {
    if (s === lastQuoteSentence) return { kind: 'quote' };
    const sent = doc.sentences[s]!;
    for (let k = sent.first; k < sent.last; k++) {
      if (doc.quoteOf[k] !== -1) return null;
      const cue = cueAt(doc, k);
      if (!cue || cue.kind !== 'verb' || cue.weak) {
        if (!IMPERSONAL.has(doc.lower[k]!)) continue;
      }
      const subject = subjectOf(k, sent.first, sent.last);
      if (subject) return { kind: 'cue', subject };
    }
    if (!reportedSentence(doc, s)) return null;
  }
  return null;
}
