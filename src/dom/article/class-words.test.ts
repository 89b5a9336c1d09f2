import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classWords, idPieceCount } from './class-words.ts';

// The definitions the character loops replace.
const byRegex = (raw: string) => raw.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s_-]+/).filter((w) => w.length > 0);

const pieces = ['nav', 'Bar', 'content', 'With', 'Sidebar', 'sr', '-', '_', '--', ' ', '\t', '\n', '\u00a0', '\u3000', '\ufeff', 'aB', 'ABC', 'x',
  'İ', 'Σ', 'ß', 'É', 'é', '𝐀', '😀', '\ud800', 'K', '1', '.', ':'];
const classString = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((xs) => xs.join('')),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

describe('classWords', () => {
  it('cuts at spaces, "-", "_" and lower→upper case steps, and lower-cases', () => {
    expect(classWords('c-article__body contentWithSidebar  sr_only')).toEqual(['c', 'article', 'body', 'content', 'with', 'sidebar', 'sr', 'only']);
    expect(classWords('ABCdef xYZ')).toEqual(['abcdef', 'x', 'yz']);
    expect(classWords(' - _ ')).toEqual([]);
  });
  it('gives the words of the regex replace/lower/split it replaces, on any string', () => {
    fc.assert(fc.property(classString, (raw) => {
      expect(classWords(raw)).toEqual(byRegex(raw));
    }), { numRuns: 3000 });
  });
});

describe('idPieceCount', () => {
  it('counts the pieces of split(/[-_]+/)', () => {
    expect(idPieceCount('sharing-with-a-single-developer')).toBe(5);
    expect(idPieceCount('main')).toBe(1);
    fc.assert(fc.property(fc.array(fc.constantFrom('a', 'bc', '-', '_', '__', ' '), { maxLength: 20 }).map((xs) => xs.join('')), (id) => {
      expect(idPieceCount(id)).toBe(id.split(/[-_]+/).length);
    }), { numRuns: 1000 });
  });
});
