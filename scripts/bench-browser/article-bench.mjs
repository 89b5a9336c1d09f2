// `npm run bench:article` (issue 3): Kontext's detection + extraction + text map
// against Readability.parse() on a clone, timed in the same page of the same run.
// Page scripts are disabled (javaScriptEnabled: false) and every request off
// localhost is refused, so neither side competes with the page's own code;
// both bundles are evaluated by the DevTools protocol, which that switch does not block.
import { launchPlain } from '../../tests/browser/helpers/chromium.mjs';
import { extractionBundle, readabilityBundle } from './bundles.mjs';
import { corpusSample, SEED } from './pages.mjs';
import { fmt, max, median, quantile, table } from './stats.mjs';

const PAIRS = 3;

export async function articleBench({ root, baseUrl, limitMs = 240_000, log }) {
  const [kontextSrc, readabilitySrc] = [await extractionBundle(root), readabilityBundle()];
  const browser = await launchPlain();
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  await context.route('**/*', (route) => {
    const u = route.request().url();
    return u.startsWith(baseUrl) ? route.continue() : route.abort();
  });
  const pages = [SEED, ...corpusSample()];
  const rows = [];
  const t0 = Date.now();
  try {
    for (const p of pages) {
      if (Date.now() - t0 > limitMs) { log(`time limit reached after ${rows.length} pages`); break; }
      const page = await context.newPage();
      try {
        await page.goto(baseUrl + p.path, { waitUntil: 'load', timeout: 20_000 });
        await page.evaluate(kontextSrc);
        await page.evaluate(readabilitySrc);
        const url = p.url ?? baseUrl + p.path;
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
        rows.push({ name: p.name, k, r, ratio: k / r, coldK: coldK.ms, coldR: coldR.ms, chars: coldK.chars, rChars: coldR.chars });
      } catch (e) {
        log(`${p.name}: ${String(e.message ?? e).split('\n')[0]}`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
  return rows;
}

export function articleTable(rows) {
  const ratios = rows.map((r) => r.ratio);
  const worst = rows.reduce((a, b) => (b.ratio > (a?.ratio ?? -1) ? b : a), null);
  const longest = rows.reduce((a, b) => (b.coldK > (a?.coldK ?? -1) ? b : a), null);
  const seed = rows.find((r) => r.name === 'seed');
  const summary = table(['figure', 'value', 'target'], [
    ['pages measured', rows.length, ''],
    ['Kontext / Readability, median ratio', fmt(median(ratios), 2) + '×', '≤ 0.30×'],
    ['  p90 ratio', fmt(quantile(ratios, 0.9), 2) + '×', ''],
    ['  worst page ratio', worst ? `${fmt(worst.ratio, 2)}× (${worst.name}: ${fmt(worst.k)} vs ${fmt(worst.r)} ms)` : '–', ''],
    ['Kontext ms, median / p95 / max (warm)', `${fmt(median(rows.map((r) => r.k)))} / ${fmt(quantile(rows.map((r) => r.k), 0.95))} / ${fmt(max(rows.map((r) => r.k)))}`, ''],
    ['Readability ms, median / p95 / max (warm)', `${fmt(median(rows.map((r) => r.r)))} / ${fmt(quantile(rows.map((r) => r.r), 0.95))} / ${fmt(max(rows.map((r) => r.r)))}`, ''],
    ['cold first call: median Kontext / Readability ms', `${fmt(median(rows.map((r) => r.coldK)))} / ${fmt(median(rows.map((r) => r.coldR)))} (ratio median ${fmt(median(rows.map((r) => r.coldK / r.coldR)), 2)}×)`, ''],
    ['Kontext longest sync task (cold first call)', longest ? `${fmt(longest.coldK)} ms (${longest.name})` : '–', '≤ 50 ms'],
    ['pages with a Kontext task > 50 ms (cold)', rows.filter((r) => r.coldK > 50).length, '0'],
    ['seed page: Kontext / Readability', seed ? `${fmt(seed.k, 2)} / ${fmt(seed.r, 2)} ms = ${fmt(seed.ratio, 2)}×` : '–', ''],
  ]);
  const slowest = [...rows].sort((a, b) => b.ratio - a.ratio).slice(0, 5)
    .map((r) => [r.name, fmt(r.k, 2), fmt(r.r, 2), fmt(r.ratio, 2) + '×', fmt(r.coldK, 1), r.chars]);
  return summary + '\n\nHighest ratios:\n' + table(['page', 'Kontext ms', 'Readability ms', 'ratio', 'cold Kontext ms', 'chars'], slowest);
}
