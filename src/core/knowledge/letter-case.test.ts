import { describe, expect, it } from 'vitest';
import { allLower, allUpper, capitalisedRest, startsLower, startsUpper } from './letter-case.ts';

// Letters from several scripts and cases, titlecase (ǅ), caseless (ß is Ll, ª is Lo), marks, digits,
// hyphens, an astral upper/lower pair (𝐀 𝐚) and a lone surrogate.
const ALPHABET = ['A', 'z', 'Ä', 'ö', 'ß', 'ǅ', 'ª', 'Σ', 'ω', 'Ж', 'я', '김', '\u0301', '7', '-', ' ', '𝐀', '𝐚', '\ud800', "'"];

/** Every string of up to three symbols from ALPHABET, plus a few longer words. */
function samples(): string[] {
  const out = ['', 'USA', 'dpa', 'Nordkorea', 'Min-jae', 'MOON', 'Kim Jong Un', 'ÄÖÜẞ', 'abcdefg'];
  for (const a of ALPHABET) {
    out.push(a);
    for (const b of ALPHABET) {
      out.push(a + b);
      for (const c of ALPHABET) out.push(a + b + c);
    }
  }
  return out;
}

describe('letter-case tests agree with the Unicode regexes they replace', () => {
  const all = samples();
  it('startsUpper / startsLower', () => {
    for (const s of all) {
      expect(startsUpper(s), s).toBe(/^\p{Lu}/u.test(s));
      expect(startsLower(s), s).toBe(/^\p{Ll}/u.test(s));
    }
  });
  it('allUpper / allLower with bounds', () => {
    for (const s of all) {
      expect(allUpper(s, 2, 6), s).toBe(/^\p{Lu}{2,6}$/u.test(s));
      expect(allLower(s, 2, 4), s).toBe(/^\p{Ll}{2,4}$/u.test(s));
      expect(allLower(s, 1), s).toBe(/^\p{Ll}+$/u.test(s));
    }
  });
  it('capitalisedRest, also on a slice', () => {
    for (const s of all) {
      expect(capitalisedRest(s), s).toBe(/^\p{Lu}\p{Ll}+$/u.test(s));
      expect(capitalisedRest(`--${s}`, 2), s).toBe(/^\p{Lu}\p{Ll}+$/u.test(s));
      expect(capitalisedRest(`${s}-x`, 0, s.length), s).toBe(/^\p{Lu}\p{Ll}+$/u.test(s));
    }
  });
});
