/**
 * One small page per extraction rule (src/dom/article/fixtures), parsed with
 * linkedom as in the CLI. Each test names the rule it shows.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtmlFile } from '../../node/parse-html.ts';
import { extractArticle, type ExtractedArticle } from './index.ts';

const dir = join(import.meta.dirname, 'fixtures');
async function extract(name: string, url?: string): Promise<ExtractedArticle | null> {
  return extractArticle(await parseHtmlFile(join(dir, name)), { url: url ?? `https://example.org/news/${name}` });
}

describe('extraction rules', () => {
  it('drops a "read also" link list and its heading, keeps the subheading with text under it', async () => {
    const ex = await extract('read-also-list.html');
    const text = ex!.article.text;
    expect(text).not.toContain('Mehr zum Thema');
    expect(text).not.toContain('Streit um Radwege');
    expect(text).toContain('Kritik am Zeitplan\n\nDie Opposition');
    expect(text.split('\n\n')).toHaveLength(5);
  });

  it('keeps paragraphs whose container is classed "paywall" (subscriber text is story text)', async () => {
    const ex = await extract('paywall-class.html');
    expect(ex!.article.text).toContain('Anwohner begrüßten');
    expect(ex!.article.byline).toBe('Anna Meier');
    expect(ex!.article.published).toBe('2024-05-07');
  });

  it('does not count in-page anchors as links (section headings stay, page is an article)', async () => {
    const ex = await extract('anchor-headings.html');
    expect(ex).not.toBeNull();
    expect(ex!.article.text).toContain('Was kostet die Sanierung?');
    expect(ex!.article.text).not.toMatch(/^Kosten/);
  });

  it('strips an agency dateline into metadata and reads credits from byline and credit line', async () => {
    const ex = await extract('agency-dateline.html');
    const a = ex!.article;
    expect(a.text.startsWith('Der Senat hat am Dienstagabend')).toBe(true);
    expect(a.dateline).toBe('BERLIN');
    expect(a.agencies).toEqual(['dpa']);
    // The closing credit is metadata and also stays visible as the story's last line.
    expect(a.text.split('\n\n').at(-1)).toBe('dpa/lk');
    // The map skips the dateline: offset 0 is the "D" of "Der" in the page.
    const b = ex!.map.toBoundaries!(0, 3);
    expect(b!.startNode.data.slice(b!.startOffset, b!.endOffset)).toBe('Der');
  });

  it('rejects a front page whose prose is teasers under linked headlines', async () => {
    expect(await extract('front-page.html', 'https://example.org/')).toBeNull();
  });

  it('rejects an undeclared page with a few short paragraphs (product page)', async () => {
    expect(await extract('product-page.html', 'https://example.org/browser/')).toBeNull();
  });

  it('leaves out hidden elements, screen-reader text, ad slots and captions', async () => {
    const a = (await extract('inline-junk.html'))!.article;
    for (const junk of ['Bildschirmleser', 'Versteckter Absatz', 'Anzeige', 'Stadtarchiv']) expect(a.text).not.toContain(junk);
    expect(a.text).toContain('Der Stadtrat hat am Dienstagabend nach langer Debatte');
    // A photo credit "dpa" credits the picture, not the story.
    expect(a.agencies).toEqual([]);
  });

  it('drops a stream of other stories\' snippets, each under its own parent, beside the story', async () => {
    const text = (await extract('snippet-stream.html'))!.article.text;
    expect(text).not.toContain('Fähre');
    expect(text).not.toContain('weitere Einzelheiten');
    expect(text.split('\n\n')).toHaveLength(4);
  });

  it('finds the story when a parser nests several <html> elements (IE conditional comments)', async () => {
    const ex = await extract('nested-html.html');
    expect(ex!.article.text).toContain('Anwohner begrüßten');
  });
});
