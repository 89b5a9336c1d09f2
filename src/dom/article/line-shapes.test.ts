/**
 * The short-line tests of the body filter against their definitions: the
 * regexes they stood for before the cold-page shortcuts (written out here as
 * the oracle), on random lines built from the pieces that matter and on
 * every BMP character in the letter position.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBylineLine, isDateLine, isLabel } from './line-shapes.ts';

const DATE_DEFINITION = (t: string): boolean =>
  /^(updated|published|aktualisiert|veröffentlicht|stand)\b/i.test(t) ||
  /^(\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{1,2}\.\s+\p{L}+\s+\d{4}|\d{4}-\d{2}-\d{2}|\p{L}+ \d{1,2}, \d{4})/u.test(t);
const BYLINE_DEFINITION = (t: string): boolean => /^(von|by|text|autor(in)?|author)\s*:?\s+\p{Lu}/u.test(t);

describe('isDateLine', () => {
  it('reads the usual date lines and not prose', () => {
    expect(isDateLine('28.02.2019')).toBe(true);
    expect(isDateLine('28. Februar 2019')).toBe(true);
    expect(isDateLine('2019-02-28 12:00')).toBe(true);
    expect(isDateLine('February 28, 2019')).toBe(true);
    expect(isDateLine('Aktualisiert am 28.02.')).toBe(true);
    expect(isDateLine('28. февраля 2019')).toBe(true);
    expect(isDateLine('Die 28 Staaten einigten sich.')).toBe(false);
  });
  const pieces = ['1', '12', '2019', '.', '. ', ' ', '  ', '\u00a0', '-', ',', ', ', 'Mai', 'März', 'May', 'février', 'Ǆ', 'ɐ', 'февраля', '中', 'Ω', '\u2013',
    '\u201e', '𝐀', '\ud835', 'Stand', 'updated', 'é', 'x'];
  it('gives the answer of its definition on random lines', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((xs) => xs.join('')), (t) => {
      expect(isDateLine(t)).toBe(DATE_DEFINITION(t));
    }), { numRuns: 3000 });
  });
  it('gives the answer of its definition with any BMP character as the letter', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const t of [`Mai${ch} 12, 2019`, `12. ${ch}rz 2019`]) expect(isDateLine(t), `U+${c.toString(16)}`).toBe(DATE_DEFINITION(t));
    }
  });
});

describe('isBylineLine', () => {
  it('reads bylines as written', () => {
    expect(isBylineLine('Von Anna Meier')).toBe(false);
    expect(isBylineLine('von Anna Meier')).toBe(true);
    expect(isBylineLine('by Jane Doe')).toBe(true);
    expect(isBylineLine('autorin: Élise Roux')).toBe(true);
    expect(isBylineLine('text :  Ünal Kaya')).toBe(true);
    expect(isBylineLine('by the way')).toBe(false);
  });
  const pieces = ['von', 'by', 'text', 'autor', 'autorin', 'author', 'in', ' ', '  ', '\t', '\u00a0', ':', '::', 'A', 'a', 'É', 'é', 'Ā', 'ā', '𝐀', '𝐚',
    '\ud835', 'İ', 'Σ', 'σ', '1', '-', 'Anna'];
  it('gives the answer of its definition on random lines', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }).map((xs) => xs.join('')), (t) => {
      expect(isBylineLine(t)).toBe(BYLINE_DEFINITION(t));
    }), { numRuns: 3000 });
  });
  it('gives the answer of its definition with any BMP character after the lead word', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const t = `von ${String.fromCharCode(c)}x`;
      expect(isBylineLine(t), `U+${c.toString(16)}`).toBe(BYLINE_DEFINITION(t));
    }
  });
});

const LABEL_DEFINITION = (t: string): boolean =>
  /^(anzeige|advertisement|werbung|sponsored|ad|promoted|lesen sie (auch|mehr|hier)|mehr zum thema|mehr dazu|auch interessant|das könnte sie (auch )?interessieren|weitere artikel|weiterlesen|read more|read also|related|see also|more on this|recommended|share|teilen|drucken|print|foto|fotos|bild|bilder|photo|photos|image|video|audio|quelle|source|credit|copyright|©|zum artikel|zur startseite|newsletter|kommentare?|comments?|abonnieren|subscribe|sign up|jetzt (lesen|abonnieren|anmelden))\b/
    .test(t.slice(0, 48).toLowerCase());

describe('isLabel', () => {
  const pieces = ['Anzeige', 'ad', 'AD', 'Ad', 'adresse', 'lesen sie', ' auch', ' mehr', 'Mehr zum Thema', 'das könnte sie', ' auch', ' interessieren', 'Kommentar',
    'e', 's', 'comment', '©', '© ', 'dpa', 'Foto', ':', ' ', '-', '_', '1', 'jetzt', ' lesen', 'İ', 'image', 'Read more', 'x', 'ä', 'Sign up', 'print'];
  it('gives the answer of its definition on random lines', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 6 }).map((xs) => xs.join('')), (t) => {
      expect(isLabel(t)).toBe(LABEL_DEFINITION(t));
    }), { numRuns: 5000 });
  });
  it('gives the answer of its definition with any BMP character after each phrase', () => {
    for (const phrase of ['Anzeige', 'ad', '©', 'Kommentar', 'das könnte sie auch interessieren', 'jetzt anmelden']) {
      for (let c = 0; c <= 0xffff; c += 1) {
        const t = `${phrase}${String.fromCharCode(c)}x`;
        if (isLabel(t) !== LABEL_DEFINITION(t)) expect(isLabel(t), `${phrase} + U+${c.toString(16)}`).toBe(LABEL_DEFINITION(t));
      }
    }
  });
  it('reads label lines in either case and not prose that starts alike', () => {
    expect(isLabel('Anzeige')).toBe(true);
    expect(isLabel('Lesen Sie auch: Der Gipfel')).toBe(true);
    expect(isLabel('READ MORE')).toBe(true);
    expect(isLabel('Adresse der Botschaft')).toBe(false);
  });
});
