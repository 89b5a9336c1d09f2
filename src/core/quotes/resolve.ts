/**
 * Turn a cue's subject into a speaker: an entity mention gives its person;
 * a pronoun goes to the most recent compatible person in subject position
 * (not inside a quote, not a possessive, not after a preposition), and so,
 * preferring the person just named, does a German age noun ("der 35-Jährige");
 * a role noun ("der US-Präsident") goes to the person it introduced; any other
 * noun phrase is its own speaker name ("Der Staatsanwalt").
 */
import { DETERMINERS, type PronounKind } from './lexicon.ts';
import { isCapitalised, type QuoteDoc } from './doc.ts';
import type { Candidate } from './candidates.ts';
import { mentionIndexAt, type PersonIndex } from './mentions.ts';
import { roleHead } from '../roles.ts';

export interface Resolved {
  /** Person index, or null for an unlinked phrase. */
  person: number | null;
  name: string;
}

/** Where a person was last the speaker (so "er" after "…, sagte Trump." finds Trump). */
export interface SpeakerEvent {
  pos: number;
  person: number;
}

const PRONOUN_WINDOW = 1500;
const NEAR_SENTENCES = 3;

const PREPOSITIONS = new Set([
  'mit', 'zwischen', 'von', 'für', 'zu', 'gegen', 'an', 'auf', 'über', 'um', 'bei', 'nach', 'vor', 'ohne', 'durch',
  'gegenüber', 'neben', 'unter', 'with', 'between', 'to', 'for', 'against', 'of', 'about', 'by', 'at', 'from', 'on',
  'and', 'und', 'than', 'als', 'wie', 'like', 'toward', 'towards', 'into', 'onto', 'among', 'zum', 'zur', 'beim', 'vom',
]);

function compatible(gender: 'm' | 'f' | null, pronoun: PronounKind): 'match' | 'unknown' | 'no' {
  const want = pronoun === 'm' ? 'm' : 'f';
  if (gender === null) return 'unknown';
  return gender === want ? 'match' : 'no';
}

/**
 * `nearest`: an age noun such as "der 35-Jährige" refers to the person just named, so a person
 * of known, matching gender only wins over a nearer one of unknown gender in the same sentence; a
 * pronoun prefers a known match within a few sentences.
 */
function resolvePronoun(
  doc: QuoteDoc, persons: PersonIndex, events: SpeakerEvent[], tok: number, pronoun: PronounKind, plural: boolean, nearest = false,
): number | null {
  if (pronoun === 'p' || (pronoun === 'fp' && plural)) return null;
  const pos = doc.tokens[tok]!.start;
  const sentHere = doc.sentOf[tok]!;
  let firstCompatible: number | null = null;
  let firstPos = -1;
  let firstSentence = -1;
  // candidate mentions before the pronoun, newest first
  for (let m = mentionIndexAt(persons, pos) - 1; m >= 0; m--) {
    const men = persons.mentions[m]!;
    if (pos - men.start > PRONOUN_WINDOW) break;
    const p = persons.persons[men.person]!;
    if (p.type !== 'PER' || men.possessive) continue;
    if (doc.quoteOf[men.first] !== -1) continue;
    const prev = doc.lower[men.first - 1] ?? '';
    // "zwischen Trump und Kim", "mit Kim": objects of prepositions are rarely the next subject
    if (PREPOSITIONS.has(prev) && !(prev === 'und' || prev === 'and')) continue;
    // "die Augenzeugen": a one-word "person" after an article is a common noun the tagger took for a name
    if (men.last - men.first === 1 && DETERMINERS.has(prev) && !p.name.includes(' ')) continue;
    const c = compatible(p.gender, pronoun);
    if (c === 'no') continue;
    if (firstCompatible === null) {
      firstCompatible = men.person;
      firstPos = men.start;
      firstSentence = doc.sentOf[men.first]!;
    }
    if (c === 'match') {
      // an age noun keeps the person just named unless one of known gender was named in the same sentence
      const near = nearest ? doc.sentOf[men.first] === firstSentence : sentHere - doc.sentOf[men.first]! <= NEAR_SENTENCES;
      if (men.person === firstCompatible || near) {
        firstCompatible = men.person;
        firstPos = men.start;
      }
      break;
    }
  }
  // a more recent quote speaker (who may have been named by a pronoun or a role) wins
  for (let e = events.length - 1; e >= 0; e--) {
    const ev = events[e]!;
    // events are appended in text order, so the newest ones are checked first and the loop stops early
    if (ev.pos >= pos) continue;
    if (ev.pos <= firstPos || pos - ev.pos > PRONOUN_WINDOW) break;
    const p = persons.persons[ev.person]!;
    if (p.type === 'PER' && compatible(p.gender, pronoun) !== 'no') return ev.person;
  }
  return firstCompatible;
}

function stripDeterminer(doc: QuoteDoc, first: number, last: number): string {
  let f = first;
  while (f < last - 1 && DETERMINERS.has(doc.lower[f]!)) f++;
  return doc.text.slice(doc.tokens[f]!.start, doc.tokens[last - 1]!.end);
}

export function resolveSubject(doc: QuoteDoc, persons: PersonIndex, events: SpeakerEvent[], ref: Candidate, plural: boolean): Resolved | null {
  if (ref.kind === 'mention') {
    const p = persons.mentions[ref.mention]!.person;
    return { person: p, name: persons.persons[p]!.name };
  }
  if (ref.kind === 'pronoun' && ref.pronoun) {
    const p = resolvePronoun(doc, persons, events, ref.first, ref.pronoun, plural);
    return p === null ? null : { person: p, name: persons.persons[p]!.name };
  }
  // a phrase: does it contain a person mention, a linked role noun or a known surname?
  for (let k = ref.first; k < ref.last; k++) {
    const m = persons.mentionCover[k]!;
    if (m !== -1) {
      const p = persons.mentions[m]!.person;
      return { person: p, name: persons.persons[p]!.name };
    }
  }
  const head = doc.lower[ref.last - 1]!;
  // "der 35-Jährige", "der 35 Jahre alte …", "der junge Mann", "the woman": the person named before, like "er"/"sie"
  const age = anaphoricPersonNoun(doc, ref.first, ref.last);
  if (age !== null) {
    const p = resolvePronoun(doc, persons, events, ref.first, age, false, true);
    if (p !== null) return { person: p, name: persons.persons[p]!.name };
  }
  const role = persons.roles.get(head) ?? (roleHead(head) ? persons.roles.get(roleHead(head)!) : undefined);
  const definite = ['der', 'die', 'the', 'dem', 'den'].includes(doc.lower[ref.first] ?? '') || ref.first === ref.last - 1;
  if (role !== undefined && definite) return { person: role, name: persons.persons[role]!.name };
  const surname = persons.surnames.get(head);
  if (surname !== undefined) return { person: surname, name: persons.persons[surname]!.name };
  return { person: null, name: stripDeterminer(doc, ref.first, ref.last) };
}

/** Nouns that only say "a person" (with the gender they give in English). */
const DE_PLAIN_PERSON = new Set(['mann', 'frau', 'herr', 'junge', 'jugendliche', 'jugendlicher', 'rentner', 'rentnerin', 'teenager']);
const EN_PLAIN_PERSON = new Map<string, PronounKind>([['man', 'm'], ['woman', 'f'], ['boy', 'm'], ['girl', 'f']]);

/**
 * "sagt der Mann", "erinnert sich der junge Mann", "the woman said": a definite plain person noun,
 * adjectives allowed, refers back to the person the story is about, like a pronoun of its
 * gender (German: the article's). The pronoun kind, or null.
 */
function plainPersonNoun(doc: QuoteDoc, first: number, last: number): PronounKind | null {
  const article = doc.lower[first];
  const head = doc.lower[last - 1] ?? '';
  for (let k = first + 1; k < last - 1; k++) if (doc.tokens[k]!.kind !== 'word' || isCapitalised(doc.tokens[k])) return null;
  if (doc.lang === 'de') {
    if (!DE_PLAIN_PERSON.has(head)) return null;
    return article === 'der' ? 'm' : article === 'die' ? 'f' : null;
  }
  return article === 'the' ? EN_PLAIN_PERSON.get(head) ?? null : null;
}

/**
 * A definite noun phrase that refers back to a person named earlier: a plain person noun ("der
 * junge Mann", "the woman", plainPersonNoun) or a German age noun ("der 35-Jährige" (m), "die
 * 58-Jährige" (f), "der 35 Jahre alte Aufbauspieler", which the phrase reads as "der 35 Jahre").
 * The pronoun kind it implies, or null.
 */
function anaphoricPersonNoun(doc: QuoteDoc, first: number, last: number): PronounKind | null {
  const plain = plainPersonNoun(doc, first, last);
  if (plain !== null) return plain;
  if (doc.lang !== 'de') return null;
  const article = doc.lower[first];
  const kind: PronounKind | null = article === 'der' ? 'm' : article === 'die' ? 'f' : null;
  if (kind === null) return null;
  const head = doc.lower[last - 1] ?? '';
  // "35-Jährige" is tokenized "35", "-", "Jährige"
  if (last - first === 4 && head === 'jährige' && doc.lower[last - 2] === '-' && doc.tokens[last - 3]!.kind === 'number') return kind;
  const years = last - first === 3 && head === 'jahre' && doc.tokens[last - 2]!.kind === 'number';
  return years && /^alte[r]?$/u.test(doc.lower[last] ?? '') ? kind : null;
}
