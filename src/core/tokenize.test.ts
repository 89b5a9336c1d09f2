import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { splitSentences, tokenize } from './tokenize.ts';

const seed = readFileSync(new URL('../../fixtures/hanoi-summit-rnd-dpa.txt', import.meta.url), 'utf8');

describe('tokenize', () => {
  it('keeps offsets into the original text', () => {
    const text = 'Der US-Präsident sagte: „Das geht\u00ADs nicht.“ Trump\'s z.B. 1.000';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokenize(text).map((t) => t.text)).toEqual([
      'Der', 'US-Präsident', 'sagte', ':', '„', 'Das', 'geht\u00ADs', 'nicht', '.', '“', "Trump's", 'z.B.', '1.000',
    ]);
  });
  it('marks quote tokens', () => {
    expect(tokenize('»Ja« “No”').filter((t) => t.kind === 'quote').length).toBe(4);
  });
});

describe('splitSentences', () => {
  const split = (text: string, lang = 'de') => splitSentences(text, tokenize(text), lang).map((s) => text.slice(s.start, s.end));
  it('does not split at German ordinals or abbreviations', () => {
    expect(split('Am 100. Jahrestag kam er z.B. nach Hanoi. Dann ging er.')).toEqual([
      'Am 100. Jahrestag kam er z.B. nach Hanoi.',
      'Dann ging er.',
    ]);
  });
  it('keeps closing quotes with their sentence', () => {
    expect(split('Er sagte: „Ich bin hier.“ Kim nickte.')).toEqual(['Er sagte: „Ich bin hier.“', 'Kim nickte.']);
    expect(split('"We will see." Mr. Trump said so.', 'en')).toEqual(['"We will see."', 'Mr. Trump said so.']);
  });
  it('splits paragraphs and a year at sentence end', () => {
    expect(split('Kolonialherrschaft 1919. Es wird\n\nNeuer Absatz')).toEqual(['Kolonialherrschaft 1919.', 'Es wird', 'Neuer Absatz']);
  });
  it('splits the seed article into plausible sentences', () => {
    const s = split(seed);
    expect(s.length).toBeGreaterThan(30);
    expect(s).toContain('Das teilte Trumps Pressesprecherin Sarah Sanders mit.');
  });
});
