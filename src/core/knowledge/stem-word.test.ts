import { describe, expect, it } from 'vitest';
import { STEM_SUFFIXES, stemWord } from './alias-trie.ts';

/** The rule stemWord implements: drop the first listed ending that leaves at least four characters. */
function byList(w: string): string {
  for (const suf of STEM_SUFFIXES) if (w.endsWith(suf) && w.length - suf.length >= 4) return w.slice(0, -suf.length);
  return w;
}

describe('stemWord', () => {
  it('drops the first listed ending that leaves four characters, for every short word over its letters', () => {
    const letters = ['a', 'e', 'm', 'n', 'r', 's'];
    const words = [''];
    for (let len = 1; len <= 7; len++) {
      for (let i = 0; i < letters.length ** len; i++) {
        let w = '';
        for (let k = 0, x = i; k < len; k++, x = Math.floor(x / letters.length)) w += letters[x % letters.length];
        words.push(w);
      }
    }
    // one assertion for all words: a per-word expect would make this test slow
    expect(words.filter((w) => stemWord(w) !== byList(w))).toEqual([]);
    expect(words.length).toBeGreaterThan(300_000);
  });
  it('strips German case endings', () => {
    expect(stemWord('abrüstungen')).toBe('abrüstung');
    expect(stemWord('atomaren')).toBe('atomar');
    expect(stemWord('verbindungsbüros')).toBe('verbindungsbüro');
    expect(stemWord('kindern')).toBe('kind');
    expect(stemWord('haus')).toBe('haus');
  });
});
