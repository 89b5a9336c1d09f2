/**
 * The extractor on the seed page (a realistic news page with teaser box, ad,
 * comments and sidebar) and on a server status page, parsed with linkedom as
 * the CLI does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtmlFile } from '../../node/parse-html.ts';
import { extractArticle } from './index.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures');

/** The seed .txt: first line is an artefact (" date 2019-02 Hanoi"), last line the credit. */
function seedStory(): string {
  const lines = readFileSync(join(FIXTURES, 'hanoi-summit-rnd-dpa.txt'), 'utf8').trim().split('\n\n');
  return lines.slice(1, -1).join('\n\n');
}

describe('extractArticle on the seed page (linkedom)', async () => {
  const doc = await parseHtmlFile(join(FIXTURES, 'hanoi-summit-rnd-dpa.html'));
  const before = doc.documentElement.outerHTML;
  const ex = extractArticle(doc, { url: 'https://example.org/politik/gipfel-hanoi' });

  it('finds the body, paragraph for paragraph as in the seed text', () => {
    expect(ex).not.toBeNull();
    // The closing credit line stays as the last line (the page shows "RND/dpa/ngo", the .txt "Von RND/dpa/ngo").
    expect(ex!.article.text).toBe(`${seedStory()}\n\nRND/dpa/ngo`);
  });

  it('leaves out lead, teaser box, ad, caption, comments and sidebar', () => {
    const text = ex!.article.text;
    for (const outside of ['Lesen Sie auch', 'Angela Merkel', 'Anzeige', 'Traumstrände', 'Foto: dpa',
      'Leser_1987', 'Peter Müller', 'Boris Johnson', 'Meistgelesen', 'Das zweite Treffen zwischen den USA', 'Themen:']) {
      expect(text).not.toContain(outside);
    }
  });

  it('reads the metadata', () => {
    const a = ex!.article;
    expect(a.title).toBe('Gipfel in Hanoi: Trump und Kim ohne Einigung');
    expect(a.published?.slice(0, 10)).toBe('2019-02-28');
    expect(a.language).toBe('de');
    expect(a.agencies).toEqual(expect.arrayContaining(['RND', 'dpa']));
    expect(a.dateline).toBe('Hanoi');
  });

  it('does not change the document', () => {
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('maps text offsets back to the page text nodes', () => {
    const a = ex!.article;
    const i = a.text.indexOf('Kim Jong Un');
    const b = ex!.map.toBoundaries!(i, i + 'Kim Jong Un'.length);
    expect(b?.startNode.data.slice(b.startOffset, b.endOffset)).toBe('Kim Jong Un');
    expect(b?.startNode.parentElement?.localName).toBe('a');
  });
});

describe('extractArticle on a non-article page', () => {
  it('answers null for a server status page', async () => {
    const doc = await parseHtmlFile(join(FIXTURES, 'non-article', 'trafilatura__apache.html.gz'));
    expect(extractArticle(doc)).toBeNull();
  });
});
