/**
 * Generated news text for the hostile pages: sentences from templates
 * written for this harness, filled with invented people, places and
 * organisations (plus a few real names of the seed topic, which the
 * knowledge pack knows). Nothing here is copied from a corpus. Text is
 * returned as plain strings; page builders escape it.
 */
import type { Rng } from './rng.ts';

const FIRST = ['Anna', 'Jonas', 'Min-jun', 'Seo-yeon', 'Lukas', 'Marta', 'Tomás', 'Ji-woo', 'Helena', 'Farid', 'Ingrid', 'Paolo', 'Hye-jin', 'Oskar'];
const LAST = ['Berger', 'Hollmann', 'Park', 'Choi', 'Lindqvist', 'Ortega', 'Nakamura', 'Brandt', 'Yoon', 'Kowalski', 'Meissner', 'Adeyemi'];
const KNOWN_PEOPLE = ['Kim Jong Un', 'Donald Trump', 'Moon Jae In', 'Mike Pompeo'];
const PLACES = ['Hanoi', 'Seoul', 'Pjöngjang', 'Washington', 'Singapur', 'Genf', 'Berlin', 'Peking', 'Panmunjom', 'Osaka'];
const ORGS = ['die Vereinten Nationen', 'das Außenministerium', 'das Weiße Haus', 'die Nachrichtenagentur Yonhap', 'das Institut für Friedensforschung', 'der Sicherheitsrat'];
const TOPICS = ['die Sanktionen', 'die Denuklearisierung', 'ein Verbindungsbüro', 'die Raketentests', 'einen Friedensvertrag', 'die Grenzöffnung'];
const CUES = ['sagte', 'erklärte', 'betonte', 'versicherte', 'fügte hinzu', 'teilte mit'];
const WEEKDAYS = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];
const SUBJ = ['Wir', 'Die Regierung', 'Niemand', 'Beide Seiten', 'Das Land', 'Unsere Delegation'];
const VERB = ['wollen', 'werden', 'müssen', 'können', 'sollten'];
const OBJ = ['eine Lösung finden', 'weiter verhandeln', 'die Gespräche fortsetzen', 'keine Zugeständnisse machen', 'den Dialog nicht abbrechen', 'Vertrauen aufbauen'];

export interface TextGen {
  person(): string;
  place(): string;
  quoteBody(): string;
  /** A sentence with a direct quote, its speaker named. */
  quotedSentence(open?: string, close?: string): string;
  /** A sentence with no quote but several names. */
  reportSentence(): string;
  paragraph(sentences: number): string;
  /** Paragraphs until at least `chars` characters. */
  paragraphs(chars: number): string[];
}

export function createTextGen(rng: Rng): TextGen {
  const person = (): string => (rng.chance(0.25) ? rng.pick(KNOWN_PEOPLE) : `${rng.pick(FIRST)} ${rng.pick(LAST)}`);
  const place = (): string => rng.pick(PLACES);
  const quoteBody = (): string => `${rng.pick(SUBJ)} ${rng.pick(VERB)} ${rng.pick(OBJ)}${rng.chance(0.5) ? `, auch in ${place()}` : ''}.`;
  const quotedSentence = (open = '„', close = '“'): string => {
    const who = person();
    const cue = rng.pick(CUES);
    return rng.chance(0.5)
      ? `${open}${quoteBody().slice(0, -1)}${close}, ${cue} ${who} am ${rng.pick(WEEKDAYS)} in ${place()}.`
      : `${who} ${cue}: ${open}${quoteBody()}${close}`;
  };
  const reportSentence = (): string => {
    switch (rng.int(3)) {
      case 0:
        return `Nach Angaben von ${rng.pick(ORGS).replace(/^(die|das|der) /, '')} reiste ${person()} am ${rng.pick(WEEKDAYS)} nach ${place()}.`;
      case 1:
        return `Die Gespräche über ${rng.pick(TOPICS)} sollen in ${place()} fortgesetzt werden, hieß es aus ${place()}.`;
      default:
        return `${person()} und ${person()} trafen sich in ${place()}; ${rng.pick(ORGS)} begrüßte das Treffen.`;
    }
  };
  const paragraph = (n: number): string => Array.from({ length: n }, () => (rng.chance(0.4) ? quotedSentence() : reportSentence())).join(' ');
  const paragraphs = (chars: number): string[] => {
    const out: string[] = [];
    let total = 0;
    while (total < chars) {
      const p = paragraph(3 + rng.int(4));
      out.push(p);
      total += p.length;
    }
    return out;
  };
  return { person, place, quoteBody, quotedSentence, reportSentence, paragraph, paragraphs };
}

/** Escape text for HTML element content and attribute values. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
