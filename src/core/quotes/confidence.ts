/**
 * Is a marked span reported speech, or a scare quote, title or name? The
 * evidence is added up into a 0..1 confidence: long, sentence-like content
 * in the first person reads like speech; a speech cue and a speaker next to
 * it make even a one-word quote speech („produktiv“ after "bezeichnete das
 * Treffen als"); a title noun right before it (der Film „Parasite“, die
 * Sendung „Tagesschau“) or a headline position makes it a name.
 */
import { hyphenCompound, type QuoteDoc } from './doc.ts';
import { TITLE_NOUNS } from './lexicon.ts';
import { cueAt } from './cues.ts';

export interface QuoteEvidence {
  /** Cue found in the quote's sentence; weak cues are common verbs. */
  cue: 'strong' | 'weak' | null;
  /** Tokens between the quote and the cue. */
  cueDistance: number;
  speaker: boolean;
  /** Attributed to the previous quote's speaker without a cue. */
  continuation: boolean;
  /** The sentence around the quote is German reported speech (Konjunktiv I). */
  reported: boolean;
  /** A colon introduces the quote. */
  colon: boolean;
}

const FIRST_PERSON = new Set([
  'ich', 'wir', 'mir', 'mich', 'uns', 'unser', 'unsere', 'unserer', 'unseren', 'unserem', 'mein', 'meine', 'meiner',
  'meinen', 'meinem', 'i', 'we', 'me', 'us', 'my', 'our', 'ours', 'mine', "i'm", "we're", "i've", "we've", "i'll",
  "we'll", 'i’m', 'we’re', 'i’ve', 'we’ve', 'i’ll', 'we’ll', 'you', 'your', 'du', 'dich', 'dir', 'euch',
]);

function quoteWords(doc: QuoteDoc, qi: number): { words: number; capitalised: number; firstPerson: boolean } {
  let words = 0;
  let capitalised = 0;
  let firstPerson = false;
  const open = doc.openTok[qi]!;
  const close = doc.closeTok[qi]!;
  for (let k = open + 1; k < close; k++) {
    const t = doc.tokens[k]!;
    if (t.kind !== 'word' && t.kind !== 'number') continue;
    words++;
    if (/^\p{Lu}/u.test(t.text)) capitalised++;
    if (FIRST_PERSON.has(doc.lower[k]!)) firstPerson = true;
  }
  return { words, capitalised, firstPerson };
}

const TITLE_SUFFIX = /(?:film|sendung|serie|buch|roman|zeitung|magazin|album|titel|motto|kampagne|projekt|programm|ausstellung|festival|bündnis|initiative|begriff|sender|kanal|organisation|partei|verband|verein|gruppe|bewegung|agentur|portal|konzern|firma|hotel|krankenhaus|klinik|schiff|leitlinie|prinzip|parole|spruch|sprüche|schlagwort|wettbewerb|turnier|preis|gesetz|konferenz|kongress|gipfel|operation|werk|erstwerk|stück|lied|titel)$/u;
/** Words right before a quote that make it a name: sources and prepositions ("laut „Reuters“", "im „Hotel Adlon“"). */
const NAME_INTRO = new Set(['laut', 'according', 'zufolge', 'im', 'beim', 'vom', 'zum', 'zur', 'ins', 'des', 'via', 'per', 'namens', 'kurz']);

const DETERMINER_BEFORE = new Set(['der', 'die', 'das', 'the']);
const TITLE_GLUE = new Set([
  ',', ':', '(', 'titled', 'entitled', 'called', 'named', 'dubbed', 'nicknamed', 'namens', 'genannt', 'genannten',
  'sogenannte', 'sogenannten', 'the', 'der', 'die', 'das', 'den', 'dem', 'des', 'mit', 'dem', 'titel', 'a', 'an',
  'so-called', 'kurz', 'motto', 'of', 'as', 'als',
]);

/** A title noun right before the opening mark. */
function titleBefore(doc: QuoteDoc, qi: number): boolean {
  const open = doc.openTok[qi]!;
  // the title noun stands right before the quote, or with only naming words in between
  // ("der Film „Parasite“", "the show called “Shark Tank”", "unter dem Motto: „…“")
  let k = open - 1;
  while (k >= 0 && open - k <= 4 && TITLE_GLUE.has(doc.lower[k]!)) {
    if (TITLE_NOUNS.has(doc.lower[k]!)) return true;
    k--;
  }
  const t = doc.tokens[k];
  if (!t || t.kind !== 'word') return false;
  const w = doc.lower[k]!;
  if (TITLE_NOUNS.has(w)) return true;
  // compounds: "Nachrichtensendung", "Fernsehsender", "Umweltschutzorganisation"
  return doc.lang === 'de' && w.length > 6 && TITLE_SUFFIX.test(w);
}

/** The quote's paragraph looks like a headline: short and without final punctuation. */
function inHeadline(doc: QuoteDoc, qi: number): boolean {
  const q = doc.quotes[qi]!;
  const text = doc.text;
  // look at most 140 characters each way, so the check stays constant-time
  let a = q.open;
  while (a > 0 && text[a - 1] !== '\n' && q.open - a <= 140) a--;
  let b = q.close;
  while (b < text.length && text[b] !== '\n' && b - q.close <= 140) b++;
  if (b - a > 140) return false;
  const para = text.slice(a, b).trim();
  // a short first paragraph is the title when a text starts with one, whatever its punctuation
  if (text.slice(0, a).trim() === '' && text.slice(b, b + 2) === '\n\n') return true;
  return para.length > 0 && !/[.!?:;…)]$/u.test(para.replace(/[„“”"'’‘«»]+$/u, ''));
}

export function quoteConfidence(doc: QuoteDoc, qi: number, ev: QuoteEvidence): number {
  const q = doc.quotes[qi]!;
  const { words, capitalised, firstPerson } = quoteWords(doc, qi);
  const content = doc.text.slice(q.start, q.end);
  const endsPunct = /[.!?,…;:]$/u.test(content);
  const sentenceLike = words >= 4 && (endsPunct || (/^\p{Lu}/u.test(content) && words >= 6));

  // English news marks almost only quoted words with quotation marks (titles are mostly italic);
  // German news also marks names, titles and terms, so a short German quote needs more evidence
  const shortBase = doc.lang === 'en' ? 0.4 : 0.2;
  let score = words <= 2 ? shortBase : words <= 4 ? shortBase + 0.1 : words <= 7 ? 0.4 : 0.5;
  if (sentenceLike) score += 0.15;
  if (firstPerson) score += 0.15;
  if (ev.cue === 'strong') score += ev.cueDistance <= 3 ? 0.35 : 0.3;
  else if (ev.cue === 'weak') score += ev.cueDistance <= 3 ? 0.25 : 0.1;
  if (ev.speaker && ev.cue !== null) score += 0.1;
  if (ev.colon) score += 0.15;
  if (ev.continuation) score += words >= 4 ? 0.25 : 0.15;
  if (ev.reported && ev.cue === null) score += ev.continuation || ev.speaker ? 0.3 : 0.2;
  if (titleBefore(doc, qi)) score -= 0.45;
  // a quote joined to a word by a hyphen is part of a compound: a term, not speech („Müll“-Fauxpas, "Allahu akbar"-Rufe)
  if (hyphenCompound(doc, qi)) score -= 0.45;
  const open = doc.openTok[qi]!;
  const prev = doc.tokens[open - 1];
  const prevWord = doc.lower[open - 1] ?? '';
  if (NAME_INTRO.has(prevWord) || (prevWord === 'to' && doc.lower[open - 2] === 'according')) score -= 0.3;
  // a noun right before the quote makes it an apposition, i.e. a name ("Der Fernsehsender „Silverbird“")
  else if (doc.lang === 'de' && prev && prev.kind === 'word' && /^\p{Lu}/u.test(prev.text) && doc.sentOf[open - 1] === doc.sentOf[open] &&
    doc.tokens[open - 2]?.kind === 'word' && !/^\p{Lu}/u.test(doc.tokens[open - 2]!.text)) score -= 0.15;
  // names and titles are mostly capitalised words; speech is not
  // (German capitalises every noun, so its bar is higher)
  const nameRatio = doc.lang === 'de' ? 0.75 : 0.6;
  if (words >= 2 && !sentenceLike && capitalised / words >= nameRatio) score -= 0.25;
  // Title Case Throughout is a headline or a title even with a full stop
  else if (words >= 4 && capitalised / words >= 0.8) score -= 0.3;
  if (words === 1 && capitalised === 1 && (ev.cue === null || ev.cueDistance > 5)) score -= 0.15;
  // German names and titles start with a capital; a lowercase start („produktiv“, „nicht machbar“) is a quoted phrase
  if (/^\p{Ll}/u.test(content)) score += doc.lang === 'de' ? 0.15 : 0.1;
  // "berichtete die „Automobilwoche“": the quoted name is the source standing after the cue verb
  if (words <= 4 && capitalised === words && DETERMINER_BEFORE.has(prevWord) && cueAt(doc, open - 2) !== null) score -= 0.3;
  if (q.depth > 0) score -= 0.25;
  if (inHeadline(doc, qi)) score -= 0.35;
  // "MSNBC’s “Morning Joe”", "DuVernay’s “13th”": a capitalised quote owned by someone is a title
  if (/['’]s$/u.test(prev?.text ?? '') && prev?.end === doc.tokens[open]!.start - 1 && /^[\p{Lu}\d]/u.test(content)) score -= 0.3;
  return Math.max(0, Math.min(1, Math.round(score * 100) / 100));
}
