import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.ts';

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
