// Every generated hostile or extreme page (scripts/hostile/generate.ts) in Chromium with the
// extension, against the same page in a plain Chromium as the baseline:
//   - no console error or uncaught error that the page does not also produce without Kontext;
//   - no markup from page text ever executed (the page's XSS flag stays unset, popups and the
//     side panel contain no elements made from page text);
//   - the page keeps working: its own hooks still run, its redefined built-ins stay redefined,
//     and on static pages the DOM (minus our hosts) is exactly the plain browser's.
// Per page it also reports (as test diagnostics) the settle time, the number of ranges, the
// longest main-thread task and the JS heap compared with the plain browser.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { ROOT, collectErrors, launchPlain, launchWithExtension } from './helpers/chromium.mjs';
import { countHighlightRanges, inspectShadowHost, pageDomWithoutExtension, pollFor, waitForAnalysis } from './helpers/page.mjs';
import { openSidePanelFor } from './helpers/side-panel.mjs';

const SETTLE_TIMEOUT_MS = 45_000;
/** How long to let the extension work on a page that strips its state attribute. */
const STRIPPED_SETTLE_MS = 4_000;
/** A page that hangs or crashes must fail its own test, not stall the file. */
const PAGE_TEST_TIMEOUT_MS = 90_000;
/** Pages to leave out, by name, e.g. KONTEXT_HOSTILE_SKIP=nodes-100000,article-1mb when a machine is slow. */
const SKIP = new Set((process.env.KONTEXT_HOSTILE_SKIP ?? '').split(',').filter(Boolean));

const outDir = mkdtempSync(join(tmpdir(), 'kontext-hostile-'));
const generated = spawnSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'scripts', 'hostile', 'generate.ts'), outDir], { cwd: ROOT, encoding: 'utf8' });
if (generated.status !== 0) throw new Error(`scripts/hostile/generate.ts failed:\n${generated.stderr}`);
const { pages } = JSON.parse(readFileSync(join(outDir, 'index.json'), 'utf8'));

// Recorded before any page script: long tasks, so the diagnostics can show the longest one.
function recordLongTasks() {
  const store = { longest: 0 };
  Object.defineProperty(window, '__kontextTestLongTasks', { value: store });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) store.longest = Math.max(store.longest, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing in this browser: the diagnostic stays at 0.
  }
}

/** Drives the page's own hooks the way its scripts expect, and says whether they still work. */
async function exercisePage(page, meta) {
  return page.evaluate(async (hooks) => {
    const hostile = window.__hostile;
    const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    const report = {};
    if (!hostile) return report;
    if (hooks.includes('navigate')) {
      for (let i = 1; i <= 50; i += 1) {
        hostile.navigate(i);
        await sleep(20);
      }
      report.navigations = hostile.navigations;
      report.path = location.pathname;
    }
    if (hooks.includes('more')) {
      for (let i = 0; i < 5; i += 1) {
        hostile.more();
        await sleep(50);
      }
      report.appended = hostile.appended;
    }
    if (hooks.includes('prepend')) {
      for (let i = 0; i < 5; i += 1) {
        hostile.prepend();
        await sleep(50);
      }
    }
    if (hooks.includes('stop')) {
      const ticks = hostile.ticks;
      await sleep(300);
      report.ticking = ticks === undefined || hostile.ticks > ticks;
      hostile.stop();
    }
    if (hooks.includes('intact')) report.intact = hostile.intact();
    return report;
  }, meta.hooks);
}

/** Error text without the random server port, so plain and extension runs compare. */
function normalizeError(text) {
  return text.replace(/localhost:\d+/g, 'localhost').replace(/:\d+:\d+/g, '');
}

describe('hostile and extreme pages', () => {
  let server;
  let plain;
  let browser;
  let errors;

  before(async () => {
    server = await startServer({ root: outDir });
    plain = await launchPlain();
    browser = await launchWithExtension();
    errors = collectErrors(browser.context);
    await browser.context.addInitScript(recordLongTasks);
  });

  after(async () => {
    await browser?.close();
    await plain?.close();
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  for (const meta of pages) {
    const skip = SKIP.has(meta.name) ? 'skipped by KONTEXT_HOSTILE_SKIP' : false;
    test(`${meta.category}: ${meta.name}`, { skip, timeout: PAGE_TEST_TIMEOUT_MS }, async (t) => {
      const url = `${server.url}/${meta.entry}`;

      // Baseline: the page in a plain browser.
      const plainContext = await plain.newContext();
      const plainErrors = [];
      plainContext.on('console', (message) => message.type() === 'error' && plainErrors.push(normalizeError(message.text())));
      plainContext.on('weberror', (error) => plainErrors.push(normalizeError(error.error().message)));
      await plainContext.addInitScript(recordLongTasks);
      const plainPage = await plainContext.newPage();
      await plainPage.goto(url, { waitUntil: 'load' });
      const plainReport = await exercisePage(plainPage, meta);
      const plainDom = meta.scripted ? null : await pageDomWithoutExtension(plainPage);
      const plainHeap = await plainPage.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
      await plainContext.close();

      // With Kontext.
      errors.splice(0, errors.length);
      const page = await browser.context.newPage();
      let crashed = false;
      page.on('crash', () => {
        crashed = true;
      });
      try {
        const started = Date.now();
        await page.goto(url, { waitUntil: 'load' });
        let state;
        try {
          if (meta.expect.stripsInjections) {
            // The page removes our state attribute as soon as it appears: give the extension time to
            // run (and to back off), then check that the page still behaves as without it.
            await page.waitForTimeout(STRIPPED_SETTLE_MS);
            state = 'unobservable';
          } else state = await waitForAnalysis(page, { timeout: SETTLE_TIMEOUT_MS });
        } catch (error) {
          if (crashed) assert.fail('the page crashed with the extension (it does not without)');
          const last = await withTimeout(page.evaluate(() => document.documentElement.dataset.kontextState ?? 'none'), 2_000, 'unreadable: the page does not respond');
          assert.fail(`the extension did not settle within ${SETTLE_TIMEOUT_MS / 1000} s (state ${last}): ${error.message.split('\n')[0]}`);
        }
        const settleMs = Date.now() - started;
        const report = await exercisePage(page, meta);
        const ranges = await countHighlightRanges(page);

        if (meta.expect.xssFlag) {
          // Hover every kind of entity once so popups render page text too.
          await hoverFirstEntities(page);
          const popup = await inspectShadowHost(page, 'kontext-popup');
          assert.equal(popup?.imgCount ?? 0, 0, 'the popup contains elements made from page text');
          const { panel } = await openSidePanelFor(browser, page);
          await panel.waitForLoadState('load');
          await pollFor(async () => (await panel.locator('body').innerText()).length > 50, { timeout: 5_000 });
          const panelInjected = await panel.evaluate((flag) => ({ flag: window[flag] ?? null, injected: document.querySelectorAll('img[src="x"], [onerror], [onload], script:not([src]), iframe').length }), meta.expect.xssFlag);
          assert.deepEqual(panelInjected, { flag: null, injected: 0 }, 'the side panel rendered page text as HTML');
          await panel.close();
          const flag = await page.evaluate((name) => window[name] ?? null, meta.expect.xssFlag);
          assert.equal(flag, null, `a payload from the page text executed (window.${meta.expect.xssFlag} = ${flag})`);
        }

        assert.notEqual(state, 'error', 'the extension reported an error state');
        assert.deepEqual(report, plainReport, 'the page behaves differently with the extension');
        if (plainDom !== null) assert.equal(await pageDomWithoutExtension(page), plainDom, 'the page DOM differs from the plain browser');

        const plainSet = new Set(plainErrors);
        const ours = errors.map(normalizeError).filter((text) => !plainSet.has(text.replace(/^(console\.error|page error) [^:]*(:\/\/[^ ]*)?: /, '')) || text.includes('chrome-extension://'));
        assert.deepEqual(ours, [], 'errors that the page does not produce without the extension');

        const longest = await page.evaluate(() => window.__kontextTestLongTasks?.longest ?? 0);
        const heap = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
        t.diagnostic(`state ${state}, settled in ${settleMs} ms, ${ranges} ranges, longest task ${Math.round(longest)} ms, heap ${((heap - plainHeap) / 1e6).toFixed(1)} MB over plain`);
      } finally {
        // A crashed or spinning renderer may never confirm the close; do not wait for it forever.
        await Promise.race([page.close().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 5_000))]);
      }
    });
  }
});

/** The promise's value, or `fallback` when it neither resolves nor rejects in time (a frozen page). */
function withTimeout(promise, ms, fallback) {
  return Promise.race([promise.catch(() => fallback), new Promise((resolve) => setTimeout(() => resolve(fallback), ms))]);
}

/** Moves the mouse over the first range of each entity highlight, waiting out the hover intent. */
async function hoverFirstEntities(page) {
  for (const name of ['kontext-per', 'kontext-loc', 'kontext-org']) {
    const point = await page.evaluate((highlightName) => {
      const range = [...(CSS.highlights.get(highlightName) ?? [])][0];
      if (!range) return null;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0];
      return rect ? { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 } : null;
    }, name);
    if (!point) continue;
    await page.mouse.move(point.x, point.y);
    await page.waitForTimeout(800);
  }
}
