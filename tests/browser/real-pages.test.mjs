// Real pages from the shared corpora (a fixed stride over news articles from many publishers, and
// every non-article page), loaded in Chromium with the extension and in a plain Chromium. Page
// scripts are off (served with `script-src 'none'`), so both browsers see the same DOM; nothing
// leaves localhost. For each page: the content script settles (articles "ready", non-article pages
// "no article" with nothing painted), nothing of ours throws or logs an error, and the
// page's DOM is exactly what the plain browser shows (highlights are drawn without touching it).
// Skipped when the corpora are not on this machine (KONTEXT_CORPORA, default /work/shared/corpora).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { CORPORA, stride } from '../../scripts/bench-browser/pages.mjs';
import { launchPlain, launchWithExtension, watchExtensionErrors } from './helpers/chromium.mjs';
import { countHighlightRanges, pageDomWithoutExtension, waitForAnalysis } from './helpers/page.mjs';

const PAGE_HEADERS = { 'Content-Security-Policy': "script-src 'none'; img-src 'self'; font-src 'self'; media-src 'none'; frame-src 'none'" };

/** { name, path (under the corpora root), article (expected verdict) } */
function samplePages() {
  const pages = [];
  const aeb = join(CORPORA, 'article-extraction-benchmark/html');
  // Offset from the benchmark's own sample (which starts at the first file), so these pages add to it.
  const aebFiles = readdirSync(aeb).filter((f) => f.endsWith('.html.gz')).sort().slice(3);
  for (const f of stride(aebFiles, 12)) pages.push({ name: `aeb/${f.slice(0, 8)}`, path: `/article-extraction-benchmark/html/${f.replace(/\.gz$/, '')}`, article: true });
  const fundus = JSON.parse(readFileSync(join(CORPORA, 'fundus-test-pages/index.json'), 'utf8')).filter((e) => e.html).sort((a, b) => a.html.localeCompare(b.html)).slice(2);
  for (const e of stride(fundus, 10)) pages.push({ name: `fundus/${e.publisher}`, path: `/fundus-test-pages/${e.html.replace(/\.gz$/, '')}`, article: true });
  for (const e of JSON.parse(readFileSync(join(CORPORA, 'non-article-pages/index.json'), 'utf8'))) {
    pages.push({ name: `non-article/${e.file.replace(/\.html\.gz$/, '')}`, path: `/non-article-pages/${e.file.replace(/\.gz$/, '')}`, article: false });
  }
  return pages;
}

const available = existsSync(join(CORPORA, 'article-extraction-benchmark/html')) && existsSync(join(CORPORA, 'fundus-test-pages/index.json'))
  && existsSync(join(CORPORA, 'non-article-pages/index.json'));

describe('real news pages and non-article pages from the corpora', { skip: available ? false : `no corpora at ${CORPORA}` }, () => {
  const pages = available ? samplePages() : [];
  let server;
  let extension;
  let plain;
  const results = new Map();

  before(async () => {
    server = await startServer({ root: CORPORA, headers: Object.fromEntries(pages.map((p) => [p.path, PAGE_HEADERS])) });
    extension = await launchWithExtension();
    plain = await launchPlain();
    const plainContext = await plain.newContext();
    for (const p of pages) {
      const page = await extension.context.newPage();
      await page.route(/^(?!http:\/\/localhost:|chrome-extension:)/, (route) => route.abort());
      const errors = await watchExtensionErrors(extension.context, page);
      await page.goto(server.url + p.path, { waitUntil: 'load' });
      const state = await waitForAnalysis(page, { timeout: 20_000 }).catch(() => 'timeout');
      // A moment for anything that runs after the state is set (watchers, the settle timer's first tick).
      await page.waitForTimeout(250);
      const ranges = await countHighlightRanges(page);
      const dom = await pageDomWithoutExtension(page);
      await page.close();
      const reference = await plainContext.newPage();
      await reference.route(/^(?!http:\/\/localhost:)/, (route) => route.abort());
      await reference.goto(server.url + p.path, { waitUntil: 'load' });
      const plainDom = await pageDomWithoutExtension(reference);
      await reference.close();
      results.set(p.name, { state, ranges, sameDom: dom === plainDom, errors });
    }
  });

  after(async () => {
    await extension?.close();
    await plain?.close();
    await server?.close();
  });

  test('articles end "ready" and are painted, non-article pages "no article" with nothing painted', () => {
    const wrong = pages
      .map((p) => ({ p, r: results.get(p.name) }))
      .filter(({ p, r }) => (p.article ? r.state !== 'ready' : r.state !== 'no-article' || r.ranges !== 0))
      .map(({ p, r }) => `${p.name}: ${r.state}, ${r.ranges} ranges`);
    assert.deepEqual(wrong, []);
    const articles = pages.filter((p) => p.article);
    assert.ok(articles.length >= 20 && pages.length - articles.length >= 5, 'sample too small');
    // Not every article has a name the models are sure of (an English sports brief, a Russian page),
    // but most do: a painter that silently painted nothing would fail here.
    const painted = articles.filter((p) => results.get(p.name).ranges > 0).length;
    assert.ok(painted >= 0.8 * articles.length, `only ${painted} of ${articles.length} articles painted`);
  });

  test("the page's DOM is what a plain browser shows", () => {
    assert.deepEqual(pages.filter((p) => !results.get(p.name).sameDom).map((p) => p.name), []);
  });

  test('nothing of ours throws or logs an error on any of them', () => {
    assert.deepEqual(pages.flatMap((p) => results.get(p.name).errors.map((e) => `${p.name}: ${e}`)), []);
  });
});
