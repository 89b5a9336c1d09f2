import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapse, trimmedLength } from './block-text.ts';

// The definition collapse() implements without regexes.
const byRegex = (raw: string) => raw.replace(/[\u00ad\u200b\u2060\ufeff]/g, '').replace(/\s+/g, ' ').trim();

const pieces = ['a', 'Wort', 'ü', '😀', ' ', '  ', '\n', '\t', '\r\n', '\u00a0', '\u2009', '\u3000', '\u2028', '\u00ad', '\u200b', '\u2060', '\ufeff', '\u200c', '\u0085', '.', '-'];
const text = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((xs) => xs.join('')),
  fc.string({ unit: 'binary', maxLength: 60 }),
);

describe('collapse', () => {
  it('drops invisible characters, collapses whitespace runs, trims', () => {
    expect(collapse('  Die\u00ad Ver\u00adhand\u00adlungen \n\t gingen\u200b weiter. ')).toBe('Die Verhandlungen gingen weiter.');
    expect(collapse('a \u00ad b')).toBe('a b');
    expect(collapse(' \u00ad ')).toBe('');
    expect(collapse('plain text')).toBe('plain text');
  });
  it('gives what the drop/replace/trim regex passes give, on any string', () => {
    fc.assert(fc.property(text, (raw) => {
      expect(collapse(raw)).toBe(byRegex(raw));
    }), { numRuns: 3000 });
  });
  it('trimmedLength is the length of the trimmed string', () => {
    fc.assert(fc.property(text, (raw) => {
      expect(trimmedLength(raw)).toBe(raw.trim().length);
    }), { numRuns: 1000 });
  });
});
