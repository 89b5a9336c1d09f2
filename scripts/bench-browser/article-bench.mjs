// `npm run bench:article` (issue 3): Kontext's detection + extraction + text map
// against Readability.parse() on a clone, timed in the same page of the same run.
// Page scripts are disabled (javaScriptEnabled: false) and every request off
// localhost is refused, so neither side competes with the page's own code;
// both bundles are evaluated by the DevTools protocol, which that switch does not block.
//
// Besides the synchronous extractArticle (cold first call and warm pairs) it
// times, in a second fresh load of the same page, the product's own path:
// extractArticleAsync, which cuts the work into slices and yields to the page
// between them. Its figure is the longest slice, measured two ways: wall
// clock in the page (what the page feels) and the thread CPU time of the
// longest main-thread task in a Chromium trace of the call (what the slice
// costs even when the shared machine preempts the renderer).
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchPlain } from '../../tests/browser/helpers/chromium.mjs';
import { extractionBundle, readabilityBundle } from './bundles.mjs';
import { corpusSample, SEED, STRESS } from './pages.mjs';
import { fmt, max, median, quantile, table } from './stats.mjs';

const PAIRS = 3;

/**
 * Source of an IIFE that defines globalThis.__kxKontextAsync(url) → { ms, slices, longest, chars }.
 * scheduler.yield (what extractArticleAsync yields with in Chromium) is wrapped for the call, so each
 * slice is timed from the moment the page resumes it to the moment it yields again.
 */
async function asyncBundle(root) {
  const contents = [
    `import { extractArticleAsync } from ${JSON.stringify(join(root, 'src/dom/article/index.ts'))};`,
    'globalThis.__kxKontextAsync = async (url) => {',
    '  const real = globalThis.scheduler;',
    '  const slices = [];',
    '  let resumed = performance.now();',
    '  const t0 = resumed;',
    '  globalThis.scheduler = { yield: () => { slices.push(performance.now() - resumed); return real.yield.call(real).then(() => { resumed = performance.now(); }); } };',
    '  try {',
    '    const r = await extractArticleAsync(document, { url });',
    '    slices.push(performance.now() - resumed);',
    '    return { ms: performance.now() - t0, slices: slices.length, longest: Math.max(...slices), chars: r ? r.article.text.length : 0 };',
    '  } finally { globalThis.scheduler = real; }',
    '};',
  ].join('\n');
  const out = await build({ stdin: { contents, resolveDir: root, loader: 'ts' }, bundle: true, format: 'iife', write: false, target: 'es2022', minify: true, logLevel: 'silent' });
  return out.outputFiles[0].text;
}

/** Runs fn under a 'toplevel' trace; returns its result and the longest renderer main-thread task: { wallMs, cpuMs }. */
async function withTaskTrace(context, page, fn) {
  const cdp = await context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => { for (const ev of e.value) events.push(ev); });
  await cdp.send('Tracing.start', { categories: 'toplevel,__metadata', transferMode: 'ReportEvents' });
  let result;
  try {
    result = await fn();
  } finally {
    const done = new Promise((ok) => cdp.once('Tracing.tracingComplete', ok));
    await cdp.send('Tracing.end');
    await done;
    await cdp.detach().catch(() => {});
  }
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  let longest = { wallMs: NaN, cpuMs: NaN };
  for (const e of events) {
    if (e.ph !== 'X' || !mains.has(`${e.pid}:${e.tid}`) || !(e.name === 'RunTask' || e.cat === 'toplevel') || !(e.dur > 0)) continue;
    const cpu = (e.tdur ?? e.dur) / 1000;
    if (!(cpu <= longest.cpuMs)) longest = { wallMs: e.dur / 1000, cpuMs: cpu };
  }
  return { result, longest };
}

export async function articleBench({ root, baseUrl, limitMs = 240_000, log }) {
  const [kontextSrc, asyncSrc, readabilitySrc] = [await extractionBundle(root), await asyncBundle(root), readabilityBundle()];
  const browser = await launchPlain();
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  await context.route('**/*', (route) => {
    const u = route.request().url();
    return u.startsWith(baseUrl) ? route.continue() : route.abort();
  });
  const stress = existsSync(join(root, 'hostile-pages')) ? STRESS.map((p) => ({ ...p, stress: true })) : [];
  if (stress.length === 0) log('hostile-pages/ missing (npx tsx scripts/hostile/generate.ts): stress pages skipped');
  const pages = [SEED, ...corpusSample(), ...stress];
  const rows = [];
  const t0 = Date.now();
  try {
    for (const p of pages) {
      if (Date.now() - t0 > limitMs) { log(`time limit reached after ${rows.length} pages`); break; }
      const url = p.url ?? baseUrl + p.path;
      let row = null;
      const page = await context.newPage();
      try {
        await page.goto(baseUrl + p.path, { waitUntil: 'load', timeout: 20_000 });
        await page.evaluate(kontextSrc);
        await page.evaluate(readabilitySrc);
        // First calls are cold (no JIT, no style data), as in a real page load: that is the longest task.
        const coldK = await page.evaluate((u) => globalThis.__kxKontext(u), url);
        const coldR = await page.evaluate(() => globalThis.__kxReadability());
        const ks = [], rs = [];
        for (let i = 0; i < PAIRS; i++) {
          // Alternate the order so neither side always runs on a warmer page.
          const order = i % 2 ? ['r', 'k'] : ['k', 'r'];
          for (const side of order) {
            if (side === 'k') ks.push((await page.evaluate((u) => globalThis.__kxKontext(u), url)).ms);
            else rs.push((await page.evaluate(() => globalThis.__kxReadability())).ms);
          }
        }
        const k = median(ks), r = median(rs);
        // A page re-extracted after idle time meets the extractor after a full garbage collection
        // (which can throw optimised code away): each call here follows a forced one.
        const cdp = await context.newCDPSession(page);
        const gks = [], grs = [];
        for (let i = 0; i < PAIRS; i++) {
          const order = i % 2 ? ['r', 'k'] : ['k', 'r'];
          for (const side of order) {
            await cdp.send('HeapProfiler.collectGarbage');
            if (side === 'k') gks.push((await page.evaluate((u) => globalThis.__kxKontext(u), url)).ms);
            else grs.push((await page.evaluate(() => globalThis.__kxReadability())).ms);
          }
        }
        await cdp.detach().catch(() => {});
        row = { name: p.name, stress: !!p.stress, k, r, ratio: k / r, coldK: coldK.ms, coldR: coldR.ms, chars: coldK.chars, rChars: coldR.chars,
          gcK: median(gks), gcR: median(grs) };
      } catch (e) {
        log(`${p.name}: ${String(e.message ?? e).split('\n')[0]}`);
      } finally {
        await page.close();
      }
      if (!row) continue;
      rows.push(row);
      // The product's path, cold too: a fresh load, the sliced extraction only.
      const apage = await context.newPage();
      try {
        await apage.goto(baseUrl + p.path, { waitUntil: 'load', timeout: 20_000 });
        await apage.evaluate(asyncSrc);
        const { result, longest } = await withTaskTrace(context, apage, () => apage.evaluate((u) => globalThis.__kxKontextAsync(u), url));
        Object.assign(row, { asyncMs: result.ms, slices: result.slices, sliceMs: result.longest, taskCpuMs: longest.cpuMs, taskWallMs: longest.wallMs });
        if (result.chars !== row.chars) log(`${p.name}: extractArticleAsync gave ${result.chars} chars, extractArticle ${row.chars}`);
      } catch (e) {
        log(`${p.name} (async): ${String(e.message ?? e).split('\n')[0]}`);
      } finally {
        await apage.close();
      }
    }
  } finally {
    await browser.close();
  }
  return rows;
}

function longestBy(rows, key) {
  return rows.reduce((a, b) => (b[key] > (a?.[key] ?? -1) ? b : a), null);
}

export function articleTable(rows) {
  const corpus = rows.filter((r) => !r.stress);
  const stress = rows.filter((r) => r.stress);
  const ratios = corpus.map((r) => r.ratio);
  const worst = longestBy(corpus, 'ratio');
  const longest = longestBy(corpus, 'coldK');
  const slice = longestBy(rows, 'sliceMs');
  const cpuSlice = longestBy(rows, 'taskCpuMs');
  const seed = corpus.find((r) => r.name === 'seed');
  const summary = table(['figure', 'value', 'target'], [
    ['pages measured (corpus + stress)', `${corpus.length} + ${stress.length}`, ''],
    ['Kontext / Readability, median ratio (corpus, warm)', fmt(median(ratios), 2) + '×', '≤ 0.30×'],
    ['  p90 ratio', fmt(quantile(ratios, 0.9), 2) + '×', ''],
    ['  worst page ratio', worst ? `${fmt(worst.ratio, 2)}× (${worst.name}: ${fmt(worst.k)} vs ${fmt(worst.r)} ms)` : '–', ''],
    ['Kontext ms, median / p95 / max (warm)', `${fmt(median(corpus.map((r) => r.k)))} / ${fmt(quantile(corpus.map((r) => r.k), 0.95))} / ${fmt(max(corpus.map((r) => r.k)))}`, ''],
    ['after a full GC (a page re-extracted after idle time): median Kontext / Readability ms', `${fmt(median(corpus.map((r) => r.gcK)))} / ${fmt(median(corpus.map((r) => r.gcR)))} (ratio median ${fmt(median(corpus.map((r) => r.gcK / r.gcR)), 2)}×)`, ''],
    ['Readability ms, median / p95 / max (warm)', `${fmt(median(corpus.map((r) => r.r)))} / ${fmt(quantile(corpus.map((r) => r.r), 0.95))} / ${fmt(max(corpus.map((r) => r.r)))}`, ''],
    ['cold first call: median Kontext / Readability ms', `${fmt(median(corpus.map((r) => r.coldK)))} / ${fmt(median(corpus.map((r) => r.coldR)))} (ratio median ${fmt(median(corpus.map((r) => r.coldK / r.coldR)), 2)}×)`, ''],
    ['extractArticle, longest sync task (cold first call)', longest ? `${fmt(longest.coldK)} ms (${longest.name})` : '–', ''],
    ['  corpus pages with a cold sync call > 50 ms', corpus.filter((r) => r.coldK > 50).length, ''],
    ['extractArticleAsync (product path), longest slice, median page / max', `${fmt(median(corpus.map((r) => r.sliceMs)))} / ${slice ? `${fmt(slice.sliceMs)} ms (${slice.name})` : '–'}`, '≤ 50 ms'],
    ['  same, thread CPU of the longest task (trace), median / max', `${fmt(median(corpus.map((r) => r.taskCpuMs)))} / ${cpuSlice ? `${fmt(cpuSlice.taskCpuMs)} ms (${cpuSlice.name})` : '–'}`, ''],
    ['  pages with an async slice > 50 ms (wall)', rows.filter((r) => r.sliceMs > 50).length, '0'],
    ['seed page: Kontext / Readability', seed ? `${fmt(seed.k, 2)} / ${fmt(seed.r, 2)} ms = ${fmt(seed.ratio, 2)}×` : '–', ''],
  ]);
  const pageRows = (list) => list.map((r) => [r.name, fmt(r.k, 2), fmt(r.r, 2), fmt(r.ratio, 2) + '×', fmt(r.coldK, 1), fmt(r.coldR, 1),
    fmt(r.asyncMs, 1), r.slices ?? '–', fmt(r.sliceMs, 1), fmt(r.taskCpuMs, 1), r.chars]);
  const header = ['page', 'Kontext warm ms', 'Readability warm ms', 'ratio', 'sync cold ms', 'Readability cold ms', 'async total ms', 'slices', 'longest slice ms', 'longest task CPU ms', 'chars'];
  const byRatio = [...corpus].sort((a, b) => b.ratio - a.ratio);
  return summary + '\n\nPer page (corpus, highest ratio first):\n' + table(header, pageRows(byRatio)) +
    (stress.length ? '\n\nStress pages (not in the ratio; slices: issue 8):\n' + table(header, pageRows(stress)) : '');
}
