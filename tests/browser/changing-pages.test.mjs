// Pages that change after Kontext painted them, in Chromium with the extension:
//   - "load more": a paragraph appended to the seed article's body gets analysed and painted,
//     while everything painted before stays painted;
//   - a live blog (scripts/hostile live-blog page) that prepends a post every second for half
//     a minute: the newest posts get painted, far past the old limit of ten re-analyses;
//   - a single-page-app navigation (scripts/hostile spa-navigations page): only the new story
//     is painted afterwards;
//   - an article that arrives after the page said "no article" is found and painted.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { ROOT } from './helpers/chromium.mjs';
import { NON_ARTICLE_PATH, SEED_BODY, SEED_PATH, openSession } from './helpers/session.mjs';
import { pollFor, readHighlights, waitForAnalysis, waitForState } from './helpers/page.mjs';

const outDir = mkdtempSync(join(tmpdir(), 'kontext-changing-'));
const generated = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'scripts', 'hostile', 'generate.ts'), outDir], { cwd: ROOT, encoding: 'utf8' });
if (generated.status !== 0) throw new Error(`scripts/hostile/generate.ts failed:\n${generated.stderr}`);

// Written for this test: a speaker, a cue and a quote the engine finds in any article.
const MORE = 'Am Abend meldete sich die Außenministerin Helga Brandt aus Wien. „Wir bleiben mit allen Seiten im Gespräch“, sagte Brandt.';

/** Every painted range, with whether it lies inside the element `selector` matches first. */
async function paintedIn(page, selector) {
  return page.evaluate((sel) => {
    const box = document.querySelector(sel);
    const out = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('kontext-')) continue;
      for (const range of highlight) out.push({ name, text: range.toString(), inside: Boolean(box && box.contains(range.startContainer)) });
    }
    return out;
  }, selector);
}

/** The ranges inside the box, or null when there are none (so pollFor keeps polling). */
function insideOnly(ranges) {
  const inside = ranges.filter((r) => r.inside);
  return inside.length ? inside : null;
}

describe('pages that change', () => {
  let session;
  let hostile;

  before(async () => {
    session = await openSession();
    hostile = await startServer({ root: outDir });
  });

  after(async () => {
    await session?.close();
    await hostile?.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  test('a paragraph appended to the article is analysed and painted; the rest stays painted', async () => {
    const page = await session.open(session.url(SEED_PATH));
    assert.equal(await waitForAnalysis(page), 'ready');
    const before = Object.values(await readHighlights(page)).flat().length;
    assert.ok(before > 0, 'nothing painted on the seed article');
    await page.evaluate(({ body, text }) => {
      const p = document.createElement('p');
      p.id = 'kontext-test-more';
      p.textContent = text;
      document.querySelector(body).append(p);
    }, { body: SEED_BODY, text: MORE });
    const painted = (await pollFor(async () => insideOnly(await paintedIn(page, '#kontext-test-more')), { timeout: 20_000, interval: 200 })) ?? [];
    assert.ok(painted.length > 0, 'the appended paragraph was never painted');
    assert.ok(painted.some((r) => r.name === 'kontext-quote' && r.text.includes('Wir bleiben')), `no quote painted in the new paragraph: ${JSON.stringify(painted)}`);
    const after = Object.values(await readHighlights(page)).flat().length;
    assert.ok(after > before, `painted ${before} ranges before and ${after} after`);
    await page.close();
  });

  test('an article the page builds in its DOMContentLoaded handler is found on the first try', async () => {
    // The session starts at document_idle, after the page's own DOMContentLoaded handlers;
    // whenever it starts, an article the page builds in one must be found, never "no article".
    const seed = readFileSync(join(ROOT, 'fixtures', SEED_PATH.slice(1)), 'utf8');
    const [, head = '', body = ''] = /<head[^>]*>([\s\S]*)<\/head>[\s\S]*?<body[^>]*>([\s\S]*)<\/body>/i.exec(seed) ?? [];
    // A parser-blocking script that takes 1.5 s holds DOMContentLoaded back, so a session that
    // started before the page's handlers ran would meet the empty page first.
    const html = `<!doctype html><html lang="de"><head><script>
window.__states = [];
new MutationObserver(() => window.__states.push(document.documentElement.dataset.kontextState)).observe(document.documentElement, { attributes: true, attributeFilter: ['data-kontext-state'] });
</script>${head}</head><body><template id="later">${body}</template>
<script src="/slow-parser.js"></script>
<script>
document.addEventListener('DOMContentLoaded', () => document.body.append(document.getElementById('later').content.cloneNode(true)));
</script></body></html>`;
    const url = session.url('/built-at-dcl.html');
    const page = await session.context.newPage();
    await page.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await page.route(session.url('/slow-parser.js'), async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.fulfill({ status: 200, contentType: 'text/javascript', body: 'window.__slow = true;' });
    });
    await page.goto(url, { waitUntil: 'load' });
    assert.equal(await waitForAnalysis(page), 'ready');
    const states = await page.evaluate(() => window.__states);
    assert.ok(!states.includes('no-article'), `the session looked before the page built its article: ${states.join(' → ')}`);
    assert.ok(Object.values(await readHighlights(page)).flat().length > 0, 'nothing painted');
    await page.close();
  });

  test('a live blog that prepends a post every second stays painted up to its newest post', { timeout: 120_000 }, async () => {
    const page = await session.open(`${hostile.url}/live-blog.html`);
    assert.equal(await waitForAnalysis(page), 'ready');
    // The page's own timer prepends a post every second; let it run for half a minute.
    await new Promise((r) => setTimeout(r, 30_000));
    await page.evaluate(() => window.__hostile.stop());
    const posts = await page.evaluate(() => window.__hostile.prepended);
    assert.ok(posts >= 25, `only ${posts} posts were prepended`);
    const newest = (await pollFor(async () => insideOnly(await paintedIn(page, '.posts > li:first-child')), { timeout: 20_000, interval: 200 })) ?? [];
    const state = await page.evaluate(() => document.documentElement.dataset.kontextState);
    assert.equal(state, 'ready');
    // Generated posts name people and places; the newest one must carry paint like the first ones did.
    assert.ok(newest.length > 0, 'the newest post was never painted');
    await page.close();
  });

  test('a single-page-app navigation paints the new story only', async () => {
    const page = await session.open(`${hostile.url}/spa-navigations.html`);
    assert.equal(await waitForAnalysis(page), 'ready');
    await page.evaluate(() => window.__hostile.navigate(7));
    const fresh = await pollFor(async () => {
      const ranges = Object.values(await readHighlights(page, { bodySelector: '.article-body' })).flat();
      const body = await page.evaluate(() => document.querySelector('.article-body').textContent);
      return ranges.length > 0 && ranges.every((r) => r.inBody && body.includes(r.text)) ? ranges : null;
    }, { timeout: 20_000, interval: 200 });
    assert.ok(fresh, 'the new story was not painted, or old ranges stayed');
    assert.equal(new URL(page.url()).pathname, '/story/7');
    await page.close();
  });

  test('an article that arrives after "no article" is found and painted', { timeout: 60_000 }, async () => {
    const page = await session.open(session.url(NON_ARTICLE_PATH));
    assert.equal(await waitForAnalysis(page), 'no-article');
    // A late renderer puts a whole story into the page (the seed article's text, as paragraphs).
    const lines = readFileSync(join(ROOT, 'fixtures', 'hanoi-summit-rnd-dpa.txt'), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
    await page.evaluate((paras) => {
      const article = document.createElement('article');
      article.id = 'kontext-test-late';
      const h1 = document.createElement('h1');
      h1.textContent = paras[0];
      article.append(h1);
      for (const text of paras.slice(1)) {
        const p = document.createElement('p');
        p.textContent = text;
        article.append(p);
      }
      document.body.prepend(article);
    }, lines);
    assert.equal(await waitForState(page, ['ready'], { timeout: 30_000 }), 'ready');
    const painted = (await pollFor(async () => insideOnly(await paintedIn(page, '#kontext-test-late')), { timeout: 10_000, interval: 200 })) ?? [];
    assert.ok(painted.some((r) => r.name === 'kontext-quote'), 'no quote painted in the late article');
    assert.ok(painted.some((r) => r.name === 'kontext-per'), 'no person painted in the late article');
    await page.close();
  });
});
