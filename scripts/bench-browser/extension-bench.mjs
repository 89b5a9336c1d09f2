// `npm run bench:browser` (issue 8): the built extension on the seed page, a few
// corpus pages and the stress pages, side by side with the same pages in a
// Chromium without the extension, alternating, in one run. Per page: navigation →
// data-kontext-state=ready, page main-thread script time added by Kontext (CDP
// ScriptDuration with minus without), the longest task after DOMContentLoaded
// (with vs without), JS heap after GC (with minus without), Readability.parse()
// on a clone in the same page, and the first painted highlight after load.
// Then the interaction budget (toggles, popup) and the content script's size.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchPlain, launchWithExtension, DIST } from '../../tests/browser/helpers/chromium.mjs';
import { readabilityBundle } from './bundles.mjs';
import { corpusSample, SEED, STRESS } from './pages.mjs';
import { PROBE, readProbe } from './page-probe.mjs';
import { measureInteractions } from './interactions.mjs';
import { startTrace } from './task-trace.mjs';
import { fmt, max, median, quantile, table } from './stats.mjs';

const REPS = 2;
const DONE = ['ready', 'no-article', 'error', 'never', 'paused'];

async function metrics(cdp) {
  await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
  const { metrics: m } = await cdp.send('Performance.getMetrics');
  const get = (n) => m.find((x) => x.name === n)?.value ?? NaN;
  return { heap: get('JSHeapUsedSize') / 1048576, script: get('ScriptDuration') * 1000, task: get('TaskDuration') * 1000 };
}

async function openMeasured(context, url, withExt, log) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const trace = withExt ? await startTrace(cdp) : null;
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  let state = null;
  if (withExt) {
    state = await page.waitForFunction((done) => {
      const s = document.documentElement.getAttribute('data-kontext-state');
      return done.includes(s) ? s : null;
    }, DONE, { timeout: 90_000, polling: 100 }).then((h) => h.jsonValue()).catch(() => 'timeout');
  }
  // Let trailing work (range slices, style) finish and the long-task observer report.
  await page.waitForTimeout(withExt ? 500 : 800);
  const prof = trace ? await trace.stop() : null;
  const probe = await page.evaluate(readProbe);
  const m = await metrics(cdp);
  if (withExt && state !== 'ready') log(`${url}: state ${state}`);
  return { page, cdp, probe, m, state, prof };
}

function longestAfter(probe, from, to) {
  return max(probe.longtasks.filter(([s, d]) => s + d >= from && s <= to).map(([, d]) => d)) || 0;
}

export async function extensionBench({ baseUrl, log, only = null, interact = true }) {
  const ext = await launchWithExtension();
  const plainBrowser = await launchPlain();
  const plain = await plainBrowser.newContext({ viewport: { width: 1280, height: 900 } });
  const rows = [];
  let interactions = null;
  try {
    for (const ctx of [ext.context, plain]) {
      await ctx.addInitScript(PROBE);
      // The extension's own files (the content script module, scripts/content-loader.ts) are not network.
      await ctx.route('**/*', (route) => (route.request().url().startsWith(baseUrl) || route.request().url().startsWith('chrome-extension://') ? route.continue() : route.abort()));
    }
    const corpus = corpusSample({ aeb: 4, fundus: 4 });
    const pages = [SEED, ...corpus, ...STRESS].filter((p) => !only || only.some((o) => p.name.includes(o)));
    const readability = readabilityBundle();
    for (const p of pages) {
      const per = [];
      for (let rep = 0; rep < REPS; rep++) {
        const url = baseUrl + p.path;
        const a = await openMeasured(ext.context, url, true, log);
        const b = await openMeasured(plain, url, false, log);
        const ready = a.probe.state.find(([, s]) => DONE.includes(s))?.[0] ?? NaN;
        // Readability on a clone, in the page without the extension, after the metrics were read.
        await b.page.evaluate(readability);
        const rd = (await b.page.evaluate(() => globalThis.__kxReadability())).ms;
        per.push({
          state: a.state,
          ready,
          cpu: a.prof.cpu,
          compile: a.prof.compileMs,
          ktask: a.prof.taskMs,
          ktaskK: a.prof.kontextMs,
          over50: a.prof.over50,
          xcpu: a.prof.extractCpu,
          rest: a.prof.restTaskMs,
          restCpu: a.prof.restTaskCpuMs,
          taskCpu: a.prof.taskCpuMs,
          heap: a.m.heap - b.m.heap,
          longExt: longestAfter(a.probe, a.probe.dcl ?? 0, ready + 500),
          longPlain: longestAfter(b.probe, b.probe.dcl ?? 0, ready + 500),
          firstPaint: a.probe.firstPaint !== null && a.probe.load ? a.probe.firstPaint - a.probe.load : NaN,
          readability: rd,
        });
        await a.page.close();
        await b.page.close();
      }
      const pick = (k) => median(per.map((x) => x[k]));
      rows.push({
        name: p.name, state: per.map((x) => x.state).join('/'),
        ready: pick('ready'), cpu: pick('cpu'), compile: pick('compile'), over50: max(per.map((x) => x.over50)), xcpu: pick('xcpu'), rest: max(per.map((x) => x.rest)), restCpu: max(per.map((x) => x.restCpu)), taskCpu: max(per.map((x) => x.taskCpu)),
        ktask: max(per.map((x) => x.ktask)), ktaskK: per.reduce((a, x) => (x.ktask >= a.t ? { t: x.ktask, k: x.ktaskK } : a), { t: -1, k: NaN }).k, heap: pick('heap'), firstPaint: pick('firstPaint'), readability: pick('readability'),
        longExt: max(per.map((x) => x.longExt)), longPlain: max(per.map((x) => x.longPlain)),
      });
      log(`${p.name}: ready ${fmt(pick('ready'))} ms, cpu ${fmt(pick('cpu'))} ms, readability ${fmt(pick('readability'))} ms`);
    }
    if (interact) interactions = await measureInteractions(ext, baseUrl, [SEED, STRESS[0]], log);
  } finally {
    await ext.close();
    await plainBrowser.close();
  }
  // Everything a page loads of ours: the listed content script and the module it imports (Chrome).
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8'));
  const files = [...(manifest.content_scripts ?? []).flatMap((c) => c.js ?? []), ...(manifest.web_accessible_resources ?? []).flatMap((w) => w.resources ?? []).filter((r) => r.endsWith('.js'))];
  const blobs = files.map((f) => readFileSync(join(DIST, f)));
  const sum = (sizes) => sizes.reduce((a, b) => a + b, 0);
  return { rows, interactions, size: { raw: sum(blobs.map((b) => b.length)), gzip: sum(blobs.map((b) => gzipSync(b, { level: 9 }).length)) } };
}

export function extensionTable({ rows, interactions, size }) {
  const perPage = table(
    ['page', 'state', 'nav→ready ms', 'Kontext CPU ms (extraction; compile)', 'Readability ms', 'CPU/Readability', 'longest task with Kontext ms (Kontext in it)', 'longest task outside extraction ms (thread CPU)', 'longest task after DCL ext / without', 'heap Δ MB', 'first paint after load ms'],
    rows.map((r) => [r.name, r.state, fmt(r.ready), `${fmt(r.cpu)} (${fmt(r.xcpu)}; ${fmt(r.compile)})`, fmt(r.readability), fmt(r.cpu / r.readability, 2) + '×', `${fmt(r.ktask)} (${fmt(r.ktaskK)})`, `${fmt(r.rest)} (${fmt(r.restCpu)})`,
      `${fmt(r.longExt, 0)} / ${fmt(r.longPlain, 0)}`, fmt(r.heap, 2), fmt(r.firstPaint)]));
  const col = (k) => rows.map((r) => r[k]);
  const ratios = rows.map((r) => r.cpu / r.readability);
  const worstK = rows.reduce((a, b) => (b.ktask > (a?.ktask ?? -1) ? b : a), null);
  const summary = table(['figure', 'median', 'p95', 'max', 'target'], [
    ['nav → ready (ms)', fmt(median(col('ready'))), fmt(quantile(col('ready'), 0.95)), fmt(max(col('ready'))), ''],
    ['Kontext CPU in page, profiled (ms)', fmt(median(col('cpu'))), fmt(quantile(col('cpu'), 0.95)), fmt(max(col('cpu'))), 'p95 ≤ 50'],
    ['Kontext CPU / Readability', fmt(median(ratios), 2) + '×', fmt(quantile(ratios, 0.95), 2) + '×', fmt(max(ratios), 2) + '×', 'median ≤ 0.5×'],
    ['longest task with Kontext code (ms)', fmt(median(col('ktask'))), fmt(quantile(col('ktask'), 0.95)), `${fmt(worstK?.ktask)} (${worstK?.name}; Kontext ${fmt(worstK?.ktaskK)} of it)`, 'none > 50'],
    ['  longest Kontext task outside extraction (ms)', fmt(median(col('rest'))), fmt(quantile(col('rest'), 0.95)), fmt(max(col('rest'))), 'none > 50'],
    ['  the same, by thread CPU time (ms)', fmt(median(col('restCpu'))), fmt(quantile(col('restCpu'), 0.95)), fmt(max(col('restCpu'))), ''],
    ['longest task with Kontext code, thread CPU (ms)', fmt(median(col('taskCpu'))), fmt(quantile(col('taskCpu'), 0.95)), fmt(max(col('taskCpu'))), ''],
    ['  of which compiling the content script on the main thread (ms)', fmt(median(col('compile')), 2), fmt(quantile(col('compile'), 0.95), 2), fmt(max(col('compile')), 2), ''],
    ['Kontext CPU in extraction (ms)', fmt(median(col('xcpu'))), fmt(quantile(col('xcpu'), 0.95)), fmt(max(col('xcpu'))), ''],
    ['JS heap Δ per tab (MB)', fmt(median(col('heap')), 2), fmt(quantile(col('heap'), 0.95), 2), fmt(max(col('heap')), 2), '≤ 10'],
    ['first highlight painted after load (ms)', fmt(median(col('firstPaint'))), fmt(quantile(col('firstPaint'), 0.95)), fmt(max(col('firstPaint'))), ''],
    ['content script raw / gzip (KB, loader + module)', `${fmt(size.raw / 1024)} / ${fmt(size.gzip / 1024)}`, '', '', 'gzip ≤ 60'],
  ]);
  const inter = interactions ? table(['interaction (main-thread task time in page)', 'ms', 'target'], interactions.map((i) => [i.name, fmt(i.ms, 2), i.target])) : '';
  return `${summary}\n\nPer page (median of ${REPS} loads each side):\n${perPage}\n\n${inter}`;
}
