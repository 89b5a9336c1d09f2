#!/usr/bin/env node
// The performance budget, measured in Chromium in one run.
//   node scripts/bench-browser.mjs            issue 8: the built extension on seed, corpus and stress pages
//   node scripts/bench-browser.mjs --article  issue 3: extraction vs Readability, same page, same run
//   node scripts/bench-browser.mjs --quotes   issue 4: findQuotes per 10,000 chars, Node and Chromium, same run (~10 s;
//                                             also appended to the default run)
// Options: --limit-s N (article mode wall-clock cap, default 240); --only a,b (pages whose name contains a or b)
// and --no-interactions (default mode, for quick checks; the published table is a full run).
// KONTEXT_BENCH_DEBUG=1 prints each page's longest Kontext tasks with the functions sampled in them.
// Needs `npm run build` for the default mode and `npx tsx scripts/hostile/generate.ts` for the stress pages. Method and last figures: docs/performance.md.
import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.mjs';
import { serveRoot } from './bench-browser/pages.mjs';
import { articleBench, articleTable } from './bench-browser/article-bench.mjs';
import { quotesBench, quotesTable } from './bench-browser/quotes.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const log = (m) => process.stderr.write(m + '\n');

const dir = serveRoot(ROOT);
const server = await startServer({ root: dir });
const started = Date.now();
try {
  if (args.includes('--article')) {
    const rows = await articleBench({ root: ROOT, baseUrl: server.url, limitMs: Number(opt('--limit-s', 240)) * 1000, log });
    console.log(`Kontext extraction vs Readability (Chromium, page scripts off, ${new Date().toISOString()}, ${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
    console.log(articleTable(rows));
  } else if (args.includes('--quotes')) {
    console.log(quotesTable(await quotesBench({ root: ROOT, log })));
  } else {
    const { extensionBench, extensionTable } = await import('./bench-browser/extension-bench.mjs');
    const only = opt('--only', null)?.split(',') ?? null;
    const result = await extensionBench({ baseUrl: server.url, log, only, interact: !args.includes('--no-interactions') });
    console.log(`Kontext extension budget (Chromium, ${new Date().toISOString()}, ${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
    console.log(extensionTable(result));
    if (!only) console.log('\n' + quotesTable(await quotesBench({ root: ROOT, log })));
  }
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
