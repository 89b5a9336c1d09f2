/**
 * namesBodyContainer against the regex it stands for (written out here as
 * the oracle): random class strings built from the names, their pieces and
 * separators, and every BMP character as the separator around a name.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { namesBodyContainer } from './patterns.ts';

const DEFINITION = /(^|[\s_-])(article-?body|article__body|articlebody|article-?content|article__content|article-?text|article__text|story-?body|story__body|storybody|story-?content|entry-content|post-?content|post-?body|post__body|body-?text|text-?body|article-?main|main-?text|articletext|richtext|rich-text|c-article-body|caas-body|field-body|node-body)([\s_-]|$)/;

describe('namesBodyContainer', () => {
  it('finds the usual body-container names and not look-alikes', () => {
    expect(namesBodyContainer('article-body')).toBe(true);
    expect(namesBodyContainer('c-article-body js-x')).toBe(true);
    expect(namesBodyContainer('main story__body')).toBe(true);
    expect(namesBodyContainer('l-article-bodyx')).toBe(false);
    expect(namesBodyContainer('xarticle-body')).toBe(false);
    expect(namesBodyContainer('sidebar related')).toBe(false);
  });
  const pieces = ['article', 'body', 'content', 'text', 'story', 'post', 'main', 'rich', 'entry', 'caas', 'field', 'node', 'c', '-', '_', '__', ' ', '\t',
    '\u00a0', '\u2003', 'x', '1', 'articlebody', 'article-body', 'main-text'];
  it('gives the answer of the regex on random class strings', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 10 }).map((xs) => xs.join('')), (s) => {
      expect(namesBodyContainer(s)).toBe(DEFINITION.test(s));
    }), { numRuns: 5000 });
  });
  it('gives the answer of the regex with any BMP character around a name', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [`x${ch}article-body`, `post-body${ch}x`]) {
        if (namesBodyContainer(s) !== DEFINITION.test(s)) expect(namesBodyContainer(s), `U+${c.toString(16)} in ${s}`).toBe(DEFINITION.test(s));
      }
    }
  });
});
