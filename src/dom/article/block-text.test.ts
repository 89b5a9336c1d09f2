import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapse, measure, measuredCjk, trimmedLength } from './block-text.ts';

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

/** measure() as the character loop it replaced: the definition of "letter" and of the CJK count. */
function measureByLoop(text: string): { alpha: number; cjk: number } {
  let letters = 0;
  let visible = 0;
  let cjk = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) continue;
    visible++;
    if (c < 0xc0) {
      if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
      continue;
    }
    if (c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f) && !(c >= 0xff00 && c <= 0xff0f)) letters++;
    if ((c >= 0x2e80 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef)) cjk++;
  }
  return { alpha: letters / Math.max(1, visible), cjk };
}

describe('measure', () => {
  it('counts letters and CJK characters as the per-character definition does', () => {
    const edges = ['\u00bf', '\u00c0', '\u00d7', '\u00f7', '\u1fff', '\u2000', '\u2bff', '\u2c00', '\u2e80', '\u3000', '\u303f', '\u3040', '\u9fff',
      '\uac00', '\ud7af', '\ud800', '\udfff', '\uf900', '\ufeff', '\uff00', '\uff0f', '\uff10', '\uffef', '\uffff', '平壤', '한국', '１２', '×', '7', '!'];
    const input = fc.oneof(
      text,
      fc.array(fc.constantFrom(...pieces, ...edges), { maxLength: 40 }).map((xs) => xs.join('')),
      fc.string({ unit: 'binary', maxLength: 60 }),
    );
    fc.assert(fc.property(input, (t) => {
      const alpha = measure(t);
      expect({ alpha, cjk: measuredCjk }).toEqual(measureByLoop(t));
    }), { numRuns: 3000 });
  });
});
