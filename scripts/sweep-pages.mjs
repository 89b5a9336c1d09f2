#!/usr/bin/env node
// Every page of the shared corpora (about 500: Readability's test pages, the non-article pages,
// the politics fixtures, fundus and the article-extraction benchmark) loaded once in Chromium with
// the built extension, page scripts on, nothing but localhost reachable. Prints how each ended
// ("ready", "no-article", or no state because the page navigated away or replaced itself) and
// every exception or console error that came from our scripts, in any world. Exits 1 if there
// was any. About 6 minutes; not part of `npm test` (tests/browser/real-pages.test.mjs runs a
// sample there, with page scripts off).
//
// Usage: npm run build && node scripts/sweep-pages.mjs [--only substring] [--out file.json]
//   KONTEXT_DIST=path   another build folder; KONTEXT_CORPORA=path   another corpora folder

import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchWithExtension, watchExtensionErrors } from '../tests/browser/helpers/chromium.mjs';
import { startServer } from './serve.mjs';
import { CORPORA } from './bench-browser/pages.mjs';

const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : null;
};

function corpusPages() {
  const pages = [];
  const add = (name, path) => pages.push({ name, path });
  const rtp = join(CORPORA, 'readability-test-pages/pages');
  if (existsSync(rtp)) for (const id of readdirSync(rtp).sort()) add(`readability/${id}`, `/readability-test-pages/pages/${id}/source.html`);
  const lists = [
    ['non-article-pages', (e) => e.file],
    ['fundus-test-pages', (e) => e.html],
  ];
  for (const [dir, file] of lists) {
    const index = join(CORPORA, dir, 'index.json');
    if (!existsSync(index)) continue;
    for (const e of JSON.parse(readFileSync(index, 'utf8'))) if (file(e)) add(`${dir}/${file(e)}`, `/${dir}/${file(e).replace(/\.gz$/, '')}`);
  }
  for (const dir of ['news-politics-fixtures/pages', 'article-extraction-benchmark/html']) {
    const full = join(CORPORA, dir);
    if (!existsSync(full)) continue;
    for (const f of readdirSync(full).filter((f) => f.endsWith('.html.gz')).sort()) add(`${dir.split('/')[0]}/${f.slice(0, 24)}`, `/${dir}/${f.replace(/\.gz$/, '')}`);
  }
  return pages;
}

const only = arg('--only');
const pages = corpusPages().filter((p) => !only || p.name.includes(only));
if (pages.length === 0) {
  console.log(`sweep: no corpus pages at ${CORPORA}`);
  process.exit(0);
}
const server = await startServer({ root: CORPORA });
const ext = await launchWithExtension();
const rows = [];
const t0 = Date.now();
for (const p of pages) {
  const page = await ext.context.newPage();
  await page.route(/^(?!http:\/\/localhost:|chrome-extension:)/, (route) => route.abort());
  const errors = await watchExtensionErrors(ext.context, page);
  const start = Date.now();
  await page.goto(server.url + p.path, { waitUntil: 'load', timeout: 30_000 }).catch(() => {});
  const state = await page
    .waitForFunction(() => {
      const s = document.documentElement.dataset.kontextState;
      return ['ready', 'no-article', 'error'].includes(s) && s;
    }, null, { timeout: 15_000, polling: 50 })
    .then((h) => h.jsonValue())
    .catch(() => page.evaluate(() => document.documentElement.dataset.kontextState ?? 'no state').catch(() => 'page gone'));
  const ms = Date.now() - start;
  const at = page.url();
  await page.waitForTimeout(150);
  rows.push({ name: p.name, state, ms, navigatedAway: !at.startsWith(server.url), errors });
  if (errors.length || !['ready', 'no-article'].includes(state)) console.log(`${p.name}: ${state} after ${ms} ms${at.startsWith(server.url) ? '' : ` (now at ${at})`}${errors.map((e) => `\n  ${e}`).join('')}`);
  await page.close();
}
await ext.close();
await server.close();

const count = {};
for (const r of rows) count[r.state] = (count[r.state] ?? 0) + 1;
const withErrors = rows.filter((r) => r.errors.length);
console.log(`\n${rows.length} pages in ${Math.round((Date.now() - t0) / 1000)} s: ${Object.entries(count).map(([k, v]) => `${v} ${k}`).join(', ')}; ${rows.filter((r) => r.navigatedAway).length} navigated away by their own scripts`);
console.log(`pages with an exception or console error from Kontext: ${withErrors.length}`);
console.log(`slowest to settle: ${[...rows].sort((a, b) => b.ms - a.ms).slice(0, 5).map((r) => `${r.name} ${r.ms} ms`).join(', ')}`);
const out = arg('--out');
if (out) writeFileSync(out, JSON.stringify(rows, null, 1));
process.exitCode = withErrors.length ? 1 : 0;
