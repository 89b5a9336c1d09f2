/**
 * Quote detection and speaker attribution entry point (contract).
 *
 * Pipeline, linear in the text: pair quotation marks (marks.ts) → index
 * tokens, sentences and people (doc.ts, mentions.ts) → for each quote find
 * the speech cue and its subject (attribution.ts), resolve pronouns, role
 * nouns and names to people (resolve.ts), fall back to the previous
 * speaker for cue-less follow-up quotes → score speech vs scare quote or
 * title (confidence.ts) → optionally add German reported speech
 * (indirect.ts). See docs/quotes.md.
 */
import type { EntityDetail, Lang, QuoteDetail, Span } from '../types.ts';
import type { Sentence, Token } from '../tokenize.ts';
import { findMarkedQuotes } from './marks.ts';
import { buildDoc, type QuoteDoc } from './doc.ts';
import { buildPersons, mentionIndexAt, type PersonIndex } from './mentions.ts';
import { matchCue, previousCueSubject, previousSubject, sentenceSubject, subjectAtCue, type CueMatch } from './attribution.ts';
import { isDocumentName, reportedChainSource } from './reported.ts';
import { resolveSubject, type Resolved, type SpeakerEvent } from './resolve.ts';
import { quoteConfidence } from './confidence.ts';
import { cueAt } from './cues.ts';
import { konjunktivInSentence, mostlyQuoted, reportedClause } from './indirect.ts';
import { PREPOSITIONS } from './candidates.ts';
import { DETERMINERS } from './lexicon.ts';

export interface QuoteInput {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  lang: Lang;
  /** Entity mentions from the tagger (sorted, with clusters), used to find and resolve speakers. */
  entities: EntityDetail[];
}

export interface FindQuotesOptions {
  /** Also return German reported speech (Konjunktiv I) as kind 'indirect'. Default true; the public result drops them. */
  indirect?: boolean;
}

/** Confidence at and above which a quote counts as speech (matches the UI threshold). */
const SPEECH = 0.5;
/** How far (characters) a cue-less quote may follow the previous speaker's quote and still be theirs. */
const CONTINUATION_CHARS = 500;
/** How far a reported-speech chain may carry the previous speaker's floor. */
const CHAIN_CHARS = 1500;

interface LastSpeaker {
  close: number;
  resolved: Resolved;
  mention: Span | null;
  /** Sentence of the closing mark. */
  sentence: number;
}

function otherPersonBetween(doc: QuoteDoc, persons: PersonIndex, from: number, to: number, person: number | null, speakerSentence: number): boolean {
  for (let i = mentionIndexAt(persons, from); i < persons.mentions.length; i++) {
    const m = persons.mentions[i]!;
    if (m.start >= to) break;
    if (doc.quoteOf[m.first] !== -1 || m.possessive) continue;
    // names in the speaker's own sentence after the quote describe the speaker ("…,” said Kevin Barrett, a
    // lawyer at Bailey & Glasser, who represents …): they do not take the floor
    if (doc.sentOf[m.first] === speakerSentence) continue;
    // a name inside a phrase ("an adviser at the Clinton campaign", "mit Kim") does not take over the floor
    const p1 = doc.lower[m.first - 1] ?? '';
    const p2 = doc.lower[m.first - 2] ?? '';
    if (PREPOSITIONS.has(p1) || DETERMINERS.has(p1) || PREPOSITIONS.has(p2)) continue;
    if (m.person !== person && persons.persons[m.person]!.type === 'PER') return true;
  }
  return false;
}

function toDetail(q: { start: number; end: number }, text: string, resolved: Resolved | null, persons: PersonIndex): Pick<QuoteDetail, 'text' | 'start' | 'end' | 'speaker' | 'speakerCluster'> {
  const person = resolved?.person != null ? persons.persons[resolved.person]! : null;
  return {
    text: text.slice(q.start, q.end),
    start: q.start,
    end: q.end,
    speaker: resolved ? { name: resolved.name, entityId: person?.entityId ?? null } : null,
    speakerCluster: person?.cluster ?? null,
  };
}

/** Direct (and optionally indirect) quotes, sorted by start. */
export function findQuotes(input: QuoteInput, options: FindQuotesOptions = {}): QuoteDetail[] {
  const { text, tokens, sentences, lang, entities } = input;
  const marked = findMarkedQuotes(text);
  const doc = buildDoc(text, lang, tokens, sentences, marked);
  const persons = buildPersons(doc, entities);
  const events: SpeakerEvent[] = [];
  const out: QuoteDetail[] = [];
  let last: LastSpeaker | null = null;

  for (let qi = 0; qi < marked.length; qi++) {
    const q = marked[qi]!;
    const open = doc.openTok[qi]!;
    const sentence = doc.sentOf[Math.min(open + 1, tokens.length - 1)] ?? 0;
    const match: CueMatch | null = q.depth === 0 ? matchCue(doc, persons, qi) : null;
    let resolved: Resolved | null = null;
    if (match?.subject) resolved = resolveSubject(doc, persons, events, match.subject, match.cue?.plural ?? false);
    const reported = konjunktivInSentence(doc, sentence) !== -1;

    let continuation = false;
    let mention: Span | null = match?.subject?.span ?? null;
    if (!resolved && !match && q.depth === 0) {
      // "Sie fügte hinzu. „…“": a cue sentence right before a standalone quote beats the previous speaker
      const cueSubject = previousCueSubject(doc, persons, qi);
      if (cueSubject) {
        resolved = resolveSubject(doc, persons, events, cueSubject, false);
        if (resolved) mention = cueSubject.span;
        // the sentence before announced speech: as strong as a continuation
        continuation = resolved !== null;
      }
    }
    if (!resolved && !match && q.depth === 0) {
      // a quote inside reported speech continues whoever the Konjunktiv chain reports
      const link = reportedChainSource(doc, sentence, last && q.open - last.close <= CHAIN_CHARS ? last.sentence : -1,
        (tok, first, lastTok) => subjectAtCue(doc, persons, tok, first, lastTok));
      if (link?.kind === 'quote' && last) {
        resolved = last.resolved;
        mention = last.mention;
        continuation = true;
      } else if (link?.kind === 'cue') {
        resolved = resolveSubject(doc, persons, events, link.subject, false);
        if (resolved) mention = link.subject.span;
      }
    }
    if (!resolved && !match?.subject && last && q.depth === 0 && q.open - last.close <= CONTINUATION_CHARS &&
      (opensSentence(doc, qi) || !breakBetween(text, last.close, q.open)) &&
      !otherPersonBetween(doc, persons, last.close, q.open, last.resolved.person, last.sentence)) {
      resolved = last.resolved;
      mention = last.mention;
      continuation = true;
    }
    if (!resolved && !match && q.depth === 0) {
      // a quote standing alone after a sentence about someone ("Foullong hielt an der Kritik fest. „…“"),
      // or a partial quote in a sentence whose subject is a person
      const prevSubject = previousSubject(doc, persons, qi) ?? sentenceSubject(doc, persons, qi);
      if (prevSubject) {
        resolved = resolveSubject(doc, persons, events, prevSubject, false);
        if (resolved) mention = prevSubject.span;
      }
    }
    const cueTok = match?.cue;
    const confidence = quoteConfidence(doc, qi, {
      cue: match ? (match.cue === null || !match.cue.weak ? 'strong' : 'weak') : null,
      cueDistance: match?.distance ?? 99,
      speaker: resolved !== null,
      continuation,
      reported,
      colon: doc.lower[open - 1] === ':',
    });
    const cue: Span | null = cueTok ? { start: tokens[cueTok.tok]!.start, end: tokens[cueTok.last - 1]!.end } : null;
    out.push({ ...toDetail(q, text, resolved, persons), confidence, kind: 'direct', cue, speakerMention: mention });

    if (resolved && confidence >= SPEECH && q.depth === 0) {
      if (resolved.person !== null) events.push({ pos: q.open, person: resolved.person });
      // a document quoted once ("heißt es in dem Schreiben") is no speaker whose floor later quotes continue
      if (resolved.person === null && isDocumentName(resolved.name)) last = null;
      else last = { close: q.close, resolved, mention, sentence: doc.sentOf[doc.closeTok[qi]!] ?? sentence };
    }
  }

  if (options.indirect !== false && lang === 'de') out.push(...findIndirect(doc, persons, events));
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}

/** German reported speech sentences, attributed to their cue's subject or the current speaker. */
function findIndirect(doc: QuoteDoc, persons: PersonIndex, events: SpeakerEvent[]): QuoteDetail[] {
  const out: QuoteDetail[] = [];
  let current: { resolved: Resolved; sentence: number; mention: Span | null } | null = null;
  let ev = 0;
  for (let si = 0; si < doc.sentences.length; si++) {
    const s = doc.sentences[si]!;
    // a direct quote's speaker becomes the current speaker
    while (ev < events.length && events[ev]!.pos < s.end) {
      const p = events[ev]!.person;
      current = { resolved: { person: p, name: persons.persons[p]!.name }, sentence: si, mention: null };
      ev++;
    }
    if (mostlyQuoted(doc, si) || konjunktivInSentence(doc, si) === -1) continue;
    let cueTok = -1;
    for (let k = s.first; k < s.last; k++) {
      if (doc.quoteOf[k] === -1 && cueAt(doc, k)) {
        cueTok = k;
        break;
      }
    }
    let resolved: Resolved | null = null;
    let mention: Span | null = null;
    if (cueTok !== -1) {
      // the subject of "X sagte, …" stands right before or after the cue
      for (let k = Math.max(s.first, cueTok - 4); k <= Math.min(s.last - 1, cueTok + 2); k++) {
        const m = persons.mentionCover[k]!;
        if (m !== -1 && !persons.mentions[m]!.possessive) {
          const p = persons.mentions[m]!.person;
          resolved = { person: p, name: persons.persons[p]!.name };
          mention = { start: persons.mentions[m]!.start, end: persons.mentions[m]!.end };
          break;
        }
      }
    }
    if (!resolved && current && si - current.sentence <= 2) {
      resolved = current.resolved;
      mention = current.mention;
    }
    if (!resolved) continue;
    const clause = reportedClause(doc, si, cueTok);
    if (!clause) continue;
    current = { resolved, sentence: si, mention };
    const person = resolved.person !== null ? persons.persons[resolved.person]! : null;
    out.push({
      text: doc.text.slice(clause.start, clause.end),
      start: clause.start,
      end: clause.end,
      speaker: { name: resolved.name, entityId: person?.entityId ?? null },
      speakerCluster: person?.cluster ?? null,
      confidence: cueTok !== -1 ? 0.7 : 0.55,
      kind: 'indirect',
      cue: cueTok !== -1 ? { start: doc.tokens[cueTok]!.start, end: doc.tokens[cueTok]!.end } : null,
      speakerMention: mention,
    });
  }
  return out;
}

/**
 * Whether quote qi opens its sentence (nothing but other marks before it): a quote that carries
 * on the last speaker's floor in a new paragraph stands at the head of its sentence ("“And we
 * will win.”"); one in the middle of a sentence about something else in a new paragraph names a
 * title or a phrase ("will mail the ‘In case of crisis or war’ brochure").
 */
function opensSentence(doc: QuoteDoc, qi: number): boolean {
  const open = doc.openTok[qi]!;
  const first = doc.sentences[doc.sentOf[open]!]?.first ?? open;
  for (let k = first; k < open; k++) if (doc.tokens[k]!.kind !== 'quote') return false;
  return true;
}

/** Whether a line break lies in [from, to). */
function breakBetween(text: string, from: number, to: number): boolean {
  const nl = text.indexOf('\n', from);
  return nl !== -1 && nl < to;
}
