import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLanguage, isLetterCodePoint, languageEvidence, letterRuns } from './language.ts';

describe('detectLanguage', () => {
  it('reads German from the text even when the page declares English', () => {
    expect(detectLanguage('Der Bürgermeister sagte am Montag, dass die Stadt mit dem Land über die neue Brücke verhandeln wird.', 'en')).toBe('de');
  });
  it('reads English', () => {
    expect(detectLanguage('The mayor said on Monday that the city is not ready to sign the deal with the state.', null)).toBe('en');
  });
  it('falls back to the declared language for very short or marker-free text', () => {
    expect(detectLanguage('Hanoi, Februar', 'de-DE')).toBe('de');
    expect(detectLanguage('Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod', 'fr')).toBe('fr');
  });
});

describe('detectLanguage on short texts', () => {
  it('decides a one-sentence quote without a declared language', () => {
    expect(detectLanguage('„Wir sind bereit“, sagte Angela Merkel in Berlin.', null)).toBe('de');
    expect(detectLanguage('"We are ready," Angela Merkel said in Berlin.', null)).toBe('en');
  });
  it('says "und" when there is no evidence at all', () => {
    expect(detectLanguage('Hanoi Berlin Washington', null)).toBe('und');
  });
});

describe('languageEvidence (the word and marker counts behind detectLanguage)', () => {
  // The definition the loop implements: words are the matches of /\p{L}+/gu in the lower-cased text, and
  // each word counts for the language it marks (a one-word text's evidence).
  function byRegex(text: string): { words: number; counts: Record<string, number> } {
    const counts: Record<string, number> = { ...languageEvidence('').counts };
    let words = 0;
    for (const m of text.toLowerCase().matchAll(/\p{L}+/gu)) {
      words++;
      for (const [lang, n] of Object.entries(languageEvidence(m[0]).counts)) counts[lang]! += n;
    }
    return { words, counts };
  }
  const pieces = ['der', 'Über', 'FÜR', 'the', 'A', 'which', 'said', 'Werden', 'nicht', 'and', 'their', ' ', ', ', '.', '-', '\n', '’',
    '𝐀', '𝑥', '😀', '𠀀', '\ud800', '\udc00', '\udbff', 'İ', 'ß', 'ǅ', 'ﬀ', 'é', 'e\u0301', '\u00ad', '7', 'я', '中文', 'ا'];
  const text = fc.oneof(
    fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((xs) => xs.join('')),
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 40 }).map((xs) => xs.join('')),
  );
  it('counts the same words and markers as a /\\p{L}+/gu match, astral letters and lone surrogates included', () => {
    fc.assert(fc.property(text, (t) => {
      const want = byRegex(t);
      const got = languageEvidence(t);
      expect(got.words).toBe(want.words);
      expect(got.counts).toEqual(want.counts);
    }), { numRuns: 2000 });
  });
  it('takes the plain-class path only where it equals /\\p{L}/u, code point by code point', () => {
    // Every code point that keeps a text on the fast path: alone in a word, it counts as a word exactly when \p{L} says it is a letter.
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (/[^\u0000-\u024f\u2000-\u206f\u20a0-\u20cf]/.test(ch)) continue;
      expect(languageEvidence(`a ${ch} b`).words, `U+${c.toString(16)}`).toBe(/\p{L}/u.test(ch) ? 3 : 2);
    }
  });
  it('reads an astral letter as part of a word and an emoji as a break between words', () => {
    expect(languageEvidence('der𝐀 und').words).toBe(2);
    expect(languageEvidence('der😀und').counts).toEqual({ de: 2, en: 0 });
    expect(languageEvidence('the\ud800and').counts).toEqual({ de: 0, en: 2 });
  });
});

describe('isLetterCodePoint', () => {
  it('is \\p{L} on every BMP code point (Latin and punctuation answered without the property class)', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const want = c >= 0xd800 && c <= 0xdfff ? false : /^\p{L}$/u.test(String.fromCharCode(c));
      expect(isLetterCodePoint(c), `U+${c.toString(16)}`).toBe(want);
    }
  });
});

describe('letterRuns', () => {
  it('finds what /\\p{L}{n,}/gu finds, astral letters and lone surrogates included', () => {
    const pieces = ['Kim', 'Jong', 'Ünal', 'straße', 'Пхеньян', '平壤', '𝐀𝐁𝐂', '𠀀𠀁', 'ab', ' ', '-', '’', '😀', '\ud800', '\udc00', '1', 'é'];
    const text = fc.oneof(
      fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((xs) => xs.join('')),
      fc.string({ unit: 'binary', maxLength: 60 }),
    );
    fc.assert(fc.property(text, fc.integer({ min: 1, max: 6 }), (t, min) => {
      expect(letterRuns(t, min)).toEqual(t.match(new RegExp(`\\p{L}{${min},}`, 'gu')) ?? []);
    }), { numRuns: 2000 });
  });
});
