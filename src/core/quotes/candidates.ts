/**
 * Subject candidates in a token window: person/organisation mentions,
 * subject pronouns and noun phrases ("der zuständige Gewerkschaftsvorstand",
 * "the ad’s narrator", "Der Staatsanwalt"). Candidates inside prepositional
 * phrases ("mit den Worten", "in einem Interview mit der BBC") or German
 * genitives ("die Aussage der Gewerkschaft") are marked, since they are
 * almost never the one who speaks.
 */
import type { Span } from '../types.ts';
import { isCapitalised, type QuoteDoc } from './doc.ts';
import { DATE_WORDS, DETERMINERS, isContentNoun, NON_NAME_WORDS, SUBJECT_PRONOUNS, type PronounKind } from './lexicon.ts';
import type { PersonIndex } from './mentions.ts';
import { roleHead } from '../roles.ts';
import { cueAt } from './cues.ts';

export interface Candidate {
  kind: 'mention' | 'pronoun' | 'phrase';
  first: number;
  last: number;
  span: Span;
  /** 0 person or pronoun, 1 organisation, 2 other noun phrase. */
  cls: number;
  mention: number;
  pronoun: PronounKind | null;
  /** Object of a preposition or a genitive attribute. */
  oblique: boolean;
}

export const PREPOSITIONS = new Set([
  'mit', 'zwischen', 'von', 'für', 'zu', 'gegen', 'an', 'auf', 'über', 'um', 'bei', 'nach', 'vor', 'ohne', 'durch',
  'gegenüber', 'neben', 'unter', 'in', 'im', 'am', 'aus', 'seit', 'wegen', 'trotz', 'während', 'anlässlich', 'laut',
  'zum', 'zur', 'beim', 'vom', 'ins', 'ans', 'aufs', 'hinter', 'bis', 'per', 'pro', 'dank', 'gemäß', 'innerhalb',
  'with', 'between', 'to', 'for', 'against', 'of', 'about', 'by', 'at', 'from', 'on', 'in', 'into', 'onto', 'among',
  'toward', 'towards', 'than', 'like', 'during', 'after', 'before', 'under', 'over', 'without', 'through', 'via',
  'despite', 'since', 'until', 'near', 'as', 'als', 'wie',
]);
const DE_OBJECT_ARTICLES = new Set([
  'den', 'dem', 'einen', 'einem', 'diesen', 'diesem', 'jenen', 'jenem', 'keinen', 'keinem', 'seinen', 'seinem', 'ihren', 'ihrem',
  'unseren', 'unserem',
]);
/** Prepositions that are also conjunctions ("als" when/than, "wie" as, "as"). */
const CLAUSE_JOINERS = new Set(['als', 'wie', 'as']);
/** Words that end a noun phrase read backwards in English (relative and wh-words, auxiliaries). */
const EN_NP_STOP = new Set(['what', 'who', 'whom', 'which', 'that', 'whose', 'where', 'when', 'how', 'why', 'whether', 'if']);
/** Words that stand between a subject and its verb without being the subject's head noun. */
const EN_NOT_HEADS = new Set(['will', 'would', 'could', 'can', 'may', 'might', 'must', 'should', 'shall', 'has', 'have', 'had', 'is', 'was',
  'are', 'were', 'did', 'does', 'do', 'also', 'later', 'then', 'now', 'again', 'still', 'never', 'not', 'repeatedly', 'once', 'recently',
  'previously', 'publicly', 'reportedly', 'just', 'already', 'often', 'itself', 'first']);
const GENERIC_SPEAKERS = new Set([
  'source', 'sources', 'official', 'officials', 'aide', 'aides', 'people', 'critics', 'supporters', 'experts',
  'analysts', 'voters', 'witnesses', 'police', 'campaign', 'spokesman', 'spokeswoman', 'spokesperson', 'statement',
  'residents', 'democrats', 'republicans', 'administration', 'government', 'ministry', 'group', 'report', 'organizers',
  'advisers', 'advisors', 'observers', 'lawmakers', 'members', 'narrator', 'announcer', 'ad', 'letter', 'clip',
]);

const NAME_START_PARTICLES = new Set(['von', 'van', 'de', 'del', 'da']);
const ADVERB_ENDING = /(?:lich|ig|isch|weise|mals|dings|falls|wärts|halb|erdem)$/u;

function span(doc: QuoteDoc, first: number, last: number): Span {
  return { start: doc.tokens[first]!.start, end: doc.tokens[last - 1]!.end };
}

function isOblique(doc: QuoteDoc, first: number): boolean {
  const prev = doc.lower[first - 1] ?? '';
  // "als die Interviewerin fragt", "wie der Sprecher sagte", "as the minister put it": before an article
  // these join a clause, and its subject can speak
  if (CLAUSE_JOINERS.has(prev) && (DETERMINERS.has(doc.lower[first] ?? '') || (clauseOpening(doc, first - 1) && isCapitalised(doc.tokens[first])))) {
    return false;
  }
  if (PREPOSITIONS.has(prev)) return true;
  // German accusative and dative articles never open a subject ("Wer den Star-Wars-Tag nicht kennt: „…“")
  if (doc.lang === 'de' && DE_OBJECT_ARTICLES.has(doc.lower[first] ?? '')) return true;
  // English indefinite article: a name after "a"/"an" modifies a noun ("in a White House statement", "an Obama adviser")
  if (doc.lang === 'en' && (prev === 'a' || prev === 'an')) return true;
  // "mit folgenden Worten", "in western Kansas", "with former President Obama": an adjective between preposition and noun
  if (PREPOSITIONS.has(doc.lower[first - 2] ?? '') && doc.tokens[first - 1]?.kind === 'word' && !isCapitalised(doc.tokens[first - 1])) return true;
  // German genitive attribute: "die Aussage der Gewerkschaft", "Sprecher des Ministeriums"
  if (doc.lang === 'de' && (doc.lower[first] === 'des' || doc.lower[first] === 'der')) {
    const p = doc.tokens[first - 1];
    // …but after a noun that names what is said the genitive is its source ("Das Fazit der Tester: „…“")
    if (p && isCapitalised(p) && !NON_NAME_WORDS.has(doc.lower[first - 1]!) && !cueAt(doc, first - 1) && !isContentNoun(doc.lower[first - 1]!)) return true;
  }
  return false;
}

const lowercaseWords = new WeakMap<QuoteDoc, Set<string>>();

/** Whether the text has `lower` as a word in lower case somewhere ("nearly" for a sentence-initial "Nearly"). */
export function usedLowercase(doc: QuoteDoc, lower: string): boolean {
  let words = lowercaseWords.get(doc);
  if (!words) {
    words = new Set<string>();
    for (const t of doc.tokens) if (t.kind === 'word' && t.text === t.text.toLowerCase()) words.add(t.text);
    lowercaseWords.set(doc, words);
  }
  return words.has(lower);
}

/** "Playing liberally with …": a long -ing word before a lowercase word opens a sentence as a verb, not a name ("King said" stays). */
function gerundOpening(doc: QuoteDoc, k: number): boolean {
  const w = doc.lower[k]!;
  const next = doc.tokens[k + 1];
  return w.length >= 7 && w.endsWith('ing') && !!next && next.kind === 'word' && next.text === next.text.toLowerCase();
}

/**
 * English: one capitalised word opening a sentence is no name when the text also uses it in lower
 * case and an article or a number follows ("Nearly a year later", "Almost the whole …"), or when
 * it is a gerund before a lowercase word ("Playing liberally with …"). A common noun before its
 * verb still speaks ("Police say", "Protesters chanted"). German capitalises every noun, so there
 * the test says nothing.
 */
function commonWordOpening(doc: QuoteDoc, k: number, end: number): boolean {
  if (doc.lang !== 'en' || end - k !== 1 || doc.sentOf[k - 1] === doc.sentOf[k]) return false;
  const next = doc.tokens[k + 1];
  const opener = !!next && (next.kind === 'number' || DETERMINERS.has(doc.lower[k + 1]!)) && usedLowercase(doc, doc.lower[k]!);
  return opener || gerundOpening(doc, k);
}

/** English: a capitalised possessive that is no tagged name, before a lowercase word ("Nepal's civil …"). */
function possessiveOpener(doc: QuoteDoc, k: number): boolean {
  const tok = doc.tokens[k];
  const next = doc.tokens[k + 1];
  if (doc.lang !== 'en' || !tok || !next || !isCapitalised(tok)) return false;
  const bare = withoutPossessive(doc.lower[k]!);
  // "He’s", "It’s", "That’s" are "he is", not possessives
  return bare !== doc.lower[k] && !NON_NAME_WORDS.has(bare) && !SUBJECT_PRONOUNS.has(bare) && next.kind === 'word' && next.text === next.text.toLowerCase();
}

/** A speech verb at token k, perhaps after auxiliaries and adverbs ("have said", "also told"). */
function verbCueAhead(doc: QuoteDoc, k: number): boolean {
  let j = k;
  while (j < k + 3 && EN_NOT_HEADS.has(doc.lower[j] ?? '')) j++;
  return cueAt(doc, j)?.kind === 'verb';
}

/** Token k opens a sentence or follows a comma ("Wie Biden sagte", "…, als Merz erklärte"). */
function clauseOpening(doc: QuoteDoc, k: number): boolean {
  return k === 0 || doc.lower[k - 1] === ',' || doc.sentOf[k - 1] !== doc.sentOf[k];
}

/** "thursday’s" → "thursday" (English possessive), else the word itself. */
function withoutPossessive(w: string): string {
  const n = w.length;
  return n > 2 && w.charCodeAt(n - 1) === 115 && (w.charCodeAt(n - 2) === 39 || w.charCodeAt(n - 2) === 0x2019) ? w.slice(0, -2) : w;
}

/**
 * Function words that are nouns in another use: English "the man said" (German "man" is "one"), and
 * German "die Frau", "der Herr" with no name after them (before a name they are titles).
 */
function nounAfterAll(doc: QuoteDoc, w: string, det: boolean, j: number): boolean {
  if (w === 'man') return doc.lang === 'en';
  return (w === 'frau' || w === 'herr') && doc.lang === 'de' && det && !isCapitalised(doc.tokens[j + 1]);
}

/** A noun phrase starting at k, or -1. German: det? adj* Capitalised+; English: det? words* noun / Capitalised+. */
function phraseEnd(doc: QuoteDoc, persons: PersonIndex, k: number, hi: number): number {
  // "Nepal's civil aviation authority disputed …": a capitalised possessive before lowercase words opens the
  // phrase like an article, when that reaches a speech verb; else the possessive is read as a name
  if (possessiveOpener(doc, k)) {
    const end = phraseEndFrom(doc, persons, k, hi, true);
    if (end !== -1) return end;
  }
  return phraseEndFrom(doc, persons, k, hi, false);
}

function phraseEndFrom(doc: QuoteDoc, persons: PersonIndex, k: number, hi: number, possessiveArticle: boolean): number {
  let j = k;
  // "Von der Leyen", "De la Cruz" opening a sentence: a particle name, not a preposition
  const particle = isCapitalised(doc.tokens[k]) && NAME_START_PARTICLES.has(doc.lower[k]!) && isCapitalised(doc.tokens[k + 2]) &&
    /^(?:der|den|dem|la|le|van|de)$/u.test(doc.lower[k + 1] ?? '');
  if (particle) return k + 3;
  const det = DETERMINERS.has(doc.lower[j] ?? '') || possessiveArticle;
  if (det) j++;
  let last = -1;
  let lastWord = -1;
  let count = 0;
  while (j < hi && count < 7) {
    const tok = doc.tokens[j]!;
    const w = doc.lower[j]!;
    // hyphens glued inside a word ("58-Jährige") and the dot of an initial continue the phrase
    const glued = (tok.text === '-' && tok.start === doc.tokens[j - 1]?.end) || (tok.text === '.' && last === j - 1);
    if (tok.kind !== 'word' && tok.kind !== 'number' && !glued) break;
    // stop where a known person starts: the phrase before it is their role ("der US-Präsident George W. Bush")
    if (persons.mentionCover[j] !== -1) break;
    if ((NON_NAME_WORDS.has(w) && !nounAfterAll(doc, w, det, j)) || DATE_WORDS.has(withoutPossessive(w)) || EN_NP_STOP.has(w) ||
      PREPOSITIONS.has(w) || SUBJECT_PRONOUNS.has(w)) break;
    if (cueAt(doc, j)) {
      // English "the commission says": any noun after an article can be the subject of a cue, but not
      // an auxiliary or adverb between it and the cue ("an expert has claimed")
      if (doc.lang === 'en' && det && last === -1 && lastWord !== -1) {
        let head = lastWord;
        while (head > k + 1 && EN_NOT_HEADS.has(doc.lower[head]!)) head--;
        if (!EN_NOT_HEADS.has(doc.lower[head]!)) last = head;
      }
      // "The Swedish brochure says", "the Finnish guidance advises": the noun right before the cue is
      // the head, not the capitalised adjective before it
      if (doc.lang === 'en' && det && last !== -1 && lastWord === last + 1 && !EN_NOT_HEADS.has(doc.lower[lastWord]!)) last = lastWord;
      break;
    }
    lastWord = j;
    const cap = isCapitalised(tok);
    // a lone capitalised adverb or adjective opening a German sentence ("Ähnlich", "Zuletzt") is no subject
    if (cap && doc.lang === 'de' && !det && j === k && doc.sentOf[j - 1] !== doc.sentOf[j] && ADVERB_ENDING.test(w)) break;
    if (cap) last = j;
    else if (doc.lang === 'de') {
      // lowercase adjectives only between the article and the noun
      if (!det || last !== -1) break;
    } else {
      if (roleHead(w) || GENERIC_SPEAKERS.has(w)) last = j;
      // "Local reporters have said": a capitalised adjective and the noun the cue's subject ends in
      else if (!det && last === j - 1 && !EN_NOT_HEADS.has(w) && verbCueAhead(doc, j + 1)) last = j;
      else if (!det && last === -1) break;
      else if (last !== -1 && !det) break;
    }
    j++;
    count++;
  }
  return last === -1 ? -1 : last + 1;
}

/** Candidates in [lo, hi), skipping tokens inside quotes. */
export function candidatesIn(doc: QuoteDoc, persons: PersonIndex, lo: number, hi: number): Candidate[] {
  const out: Candidate[] = [];
  let k = Math.max(0, lo);
  while (k < hi) {
    if (doc.quoteOf[k] !== -1) {
      k++;
      continue;
    }
    const m = persons.mentionCover[k]!;
    if (m !== -1) {
      const men = persons.mentions[m]!;
      const last = Math.min(men.last, hi);
      const type = persons.persons[men.person]!.type;
      // "Trumps Pressesprecherin Sarah Sanders": a possessive name is not the subject of a verb (but owns "Trump’s claim")
      out.push({ kind: 'mention', first: k, last, span: { start: men.start, end: men.end }, cls: type === 'PER' ? 0 : 1, mention: m, pronoun: null, oblique: men.possessive || isOblique(doc, k) });
      k = Math.max(last, k + 1);
      continue;
    }
    const p = SUBJECT_PRONOUNS.get(doc.lower[k]!);
    if (p && doc.tokens[k]!.kind === 'word') {
      out.push({ kind: 'pronoun', first: k, last: k + 1, span: span(doc, k, k + 1), cls: 0, mention: -1, pronoun: p, oblique: isOblique(doc, k) });
      k++;
      continue;
    }
    // "Die CCE", "der BGH": an article before a name belongs to the name's phrase
    const named = doc.lang === 'de' && DETERMINERS.has(doc.lower[k]!) && k + 1 < hi ? persons.mentionAt[k + 1]! : -1;
    if (named !== -1) {
      const men = persons.mentions[named]!;
      out.push({ kind: 'mention', first: k, last: Math.min(men.last, hi), span: { start: men.start, end: men.end }, cls: persons.persons[men.person]!.type === 'PER' ? 0 : 1, mention: named, pronoun: null, oblique: men.possessive || isOblique(doc, k) });
      k = Math.max(men.last, k + 2);
      continue;
    }
    const end = phraseEnd(doc, persons, k, hi);
    if (end > k) {
      // a phrase that runs into a person mention ("Museumsdirektor Thomas Metz") takes it
      let mention = -1;
      // skip the dot of an initial between the phrase and the name ("Leonard E. Burman")
      const next = doc.tokens[end]?.text === '.' && persons.mentionAt[end + 1] !== -1 ? end + 1 : end;
      if (next < hi && persons.mentionAt[next] !== -1 && doc.tokens[next]!.start - doc.tokens[next - 1]!.end <= 1) {
        mention = persons.mentionAt[next]!;
      }
      if (mention !== -1) {
        const men = persons.mentions[mention]!;
        out.push({ kind: 'mention', first: k, last: men.last, span: { start: men.start, end: men.end }, cls: persons.persons[men.person]!.type === 'PER' ? 0 : 1, mention, pronoun: null, oblique: isOblique(doc, k) });
        k = men.last;
      } else if (!isContentNoun(doc.lower[end - 1]!) && !commonWordOpening(doc, k, end)) {
        out.push({ kind: 'phrase', first: k, last: end, span: span(doc, k, end), cls: 2, mention: -1, pronoun: null, oblique: isOblique(doc, k) });
        k = end;
      } else {
        // "Das Fazit", "the verdict" (what is said), "Nearly a year later" (a common word opening the sentence)
        k = end;
      }
      continue;
    }
    k++;
  }
  return out;
}
