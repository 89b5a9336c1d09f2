/**
 * extractArticleAsync must be extractArticle cut into slices, nothing else:
 * on every fixture page (articles and non-articles) it gives the same text,
 * metadata, root and text map, even with slices so short that it yields
 * many times, and it stops when its signal is aborted.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHtmlFile } from '../../node/parse-html.ts';
import { extractArticle, extractArticleAsync } from './index.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const pages = [
  join(ROOT, 'fixtures', 'hanoi-summit-rnd-dpa.html'),
  join(ROOT, 'fixtures', 'non-article', 'trafilatura__apache.html.gz'),
  ...readdirSync(join(import.meta.dirname, 'fixtures')).filter((f) => f.endsWith('.html')).map((f) => join(import.meta.dirname, 'fixtures', f)),
];

describe('extractArticleAsync', () => {
  for (const page of pages) {
    it(`returns what extractArticle returns: ${page.split('/').pop()}`, async () => {
      const doc = await parseHtmlFile(page);
      const sync = extractArticle(doc, { url: 'https://example.org/news/story' });
      // sliceMs 0: every slice check is due, so the work is resumed after as many yields as it offers.
      const sliced = await extractArticleAsync(doc, { url: 'https://example.org/news/story', sliceMs: 0 });
      expect(sliced === null).toBe(sync === null);
      if (!sync || !sliced) return;
      expect(sliced.article).toEqual(sync.article);
      expect(sliced.root).toBe(sync.root);
      expect(sliced.map.nodes).toEqual(sync.map.nodes);
      const end = sync.article.text.length;
      for (const [a, b] of [[0, end], [Math.floor(end / 3), Math.floor(end / 2)], [end - 1, end]] as const) {
        expect(sliced.map.toBoundaries?.(a, b)).toEqual(sync.map.toBoundaries?.(a, b));
      }
    });
  }

  it('yields to the event loop on a big page and still matches', async () => {
    const doc = await parseHtmlFile(pages[0]!);
    const body = doc.body!;
    const story = body.querySelector('p')!.parentElement!;
    for (let i = 0; i < 400; i++) story.appendChild(story.querySelector('p')!.cloneNode(true));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const sliced = await extractArticleAsync(doc, { sliceMs: 0 });
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
    expect(sliced?.article.text).toBe(extractArticle(doc)?.article.text);
  });

  it('rejects with the abort reason once its signal is aborted', async () => {
    const doc = await parseHtmlFile(pages[0]!);
    const controller = new AbortController();
    const run = extractArticleAsync(doc, { signal: controller.signal, sliceMs: 0 });
    controller.abort(new Error('page left'));
    await expect(run).rejects.toThrow('page left');
  });
});
