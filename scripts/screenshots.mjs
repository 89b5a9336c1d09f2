#!/usr/bin/env node
// README screenshots, made the same way every time so they can be regenerated after any UI
// change: the seed article with highlights, with an entity popup open, the side panel and the
// options page, each in a light and a dark variant, written to docs/screenshots/.
//
// The extension picks its colours from the page's own background (not only from
// prefers-color-scheme), so the dark page variant is the seed page with a dark stylesheet
// injected into its HTML before it reaches the browser; the extension pages follow
// prefers-color-scheme, which is emulated.
//
// Usage: node scripts/screenshots.mjs [--out DIR]   (npm run screenshots)
//   CHROME_PATH=path   another Chromium or Chrome binary; KONTEXT_DIST=path another build.

import { existsSync, mkdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from './serve.mjs';
import { DIST, FIXTURES, ROOT, collectErrors, extensionPages, launchWithExtension, readManifest } from '../tests/browser/helpers/chromium.mjs';
import { waitForAnalysis } from '../tests/browser/helpers/page.mjs';
import { tabIdOf } from '../tests/browser/helpers/side-panel.mjs';
import { SEED_PATH } from '../tests/browser/helpers/session.mjs';

const PAGE_VIEWPORT = { width: 1280, height: 900 };
const PANEL_VIEWPORT = { width: 420, height: 900 };
const OPTIONS_VIEWPORT = { width: 900, height: 900 };
const SCHEMES = ['light', 'dark'];
/** Longer than the popup's hover intent delay (350 ms) plus a frame or two for positioning. */
const POPUP_TIMEOUT_MS = 5_000;

// A plausible "dark news site": background and text colours only, so the layout is unchanged.
const DARK_PAGE_CSS = `
body{background:#15171c;color:#e3e3e3}
.ad{background:#22252c;color:#a9a9a9}
.teaser-box,.ad{border-color:#3a3d45}
figure .img{background:#39414b}
figcaption,.byline{color:#a9a9a9}
main a,aside a{color:#8ab4f8}
`;

const { values: options } = parseArgs({ options: { out: { type: 'string', default: join(ROOT, 'docs', 'screenshots') } } });
const outDir = resolve(options.out);

ensureBuild();
mkdirSync(outDir, { recursive: true });

const server = await startServer({ root: FIXTURES });
const browser = await launchWithExtension({ viewport: PAGE_VIEWPORT });
const errors = collectErrors(browser.context);
const pages = extensionPages(readManifest());
const written = [];
const problems = [];

try {
  for (const scheme of SCHEMES) {
    const article = await shootArticle(scheme);
    await shootSidePanel(scheme, article);
    await shootOptions(scheme);
    await article.close();
  }
} finally {
  await browser.close();
  await server.close();
}

console.log(`Screenshots written to ${relative(ROOT, outDir) || '.'}:`);
for (const path of written) console.log(`  ${relative(ROOT, path)}  ${(statSync(path).size / 1024).toFixed(0)} KB`);
for (const problem of problems) console.warn(`warning: ${problem}`);
if (errors.length > 0) {
  console.warn('Errors seen in the browser:');
  for (const error of errors) console.warn(`  ${error}`);
}
process.exitCode = problems.length > 0 ? 1 : 0;

/** The screenshots need only the Chrome build; make it when there is none. */
function ensureBuild() {
  if (existsSync(join(DIST, 'manifest.json'))) return;
  if (DIST !== join(ROOT, 'dist')) {
    console.error(`No extension build in ${DIST} (KONTEXT_DIST); build it first.`);
    process.exit(1);
  }
  console.log(`No extension build in ${DIST}; running \`npm run build:chrome\` first.`);
  const build = spawnSync('npm', ['run', 'build:chrome'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

async function shot(target, name, { fullPage = false } = {}) {
  const path = join(outDir, name);
  await target.screenshot({ path, animations: 'disabled', fullPage });
  written.push(path);
}

/** Lets the extension's colour and layout work settle: two animation frames. */
function settle(page) {
  return page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
}

/** Seed page with highlights, then with an entity popup open. Returns the page (left open for the side panel). */
async function shootArticle(scheme) {
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme: scheme });
  const url = server.url + SEED_PATH;
  if (scheme === 'dark') {
    // Rewrite the response, so the dark background is there before the content script looks.
    await page.route(url, async (route) => {
      const response = await route.fetch();
      const html = (await response.text()).replace('</head>', `<style id="screenshot-dark-page">${DARK_PAGE_CSS}</style></head>`);
      await route.fulfill({ response, body: html });
    });
  }
  await page.goto(url, { waitUntil: 'load' });
  const state = await waitForAnalysis(page, { timeout: 30_000 });
  if (state !== 'ready') problems.push(`seed page (${scheme}) ended in state ${state}`);
  await settle(page);
  await shot(page, `seed-page-${scheme}.png`);

  const target = await entityTarget(page);
  if (!target) {
    problems.push(`seed page (${scheme}): no visible kontext-per range to hover`);
    return page;
  }
  // Two moves, so a pointermove lands on the name (docs/testing-hooks.md).
  await page.mouse.move(target.x, target.y);
  await page.mouse.move(target.x + 1, target.y);
  try {
    await page.waitForSelector('kontext-popup', { state: 'attached', timeout: POPUP_TIMEOUT_MS });
    await page.waitForTimeout(150);
    await shot(page, `seed-popup-${scheme}.png`);
  } catch {
    problems.push(`seed page (${scheme}): no kontext-popup after hovering "${target.text}"`);
  }
  await page.mouse.move(2, 2);
  await page.keyboard.press('Escape');
  return page;
}

/**
 * The centre of the first person highlight that has a popup worth showing: scrolls it to the
 * upper third of the viewport first, so the popup has room below it.
 */
async function entityTarget(page) {
  const found = await page.evaluate(() => {
    const ranges = [...(CSS.highlights.get('kontext-per') ?? [])];
    const range = ranges.find((candidate) => candidate.toString().trim().includes(' ')) ?? ranges[0];
    if (!range) return null;
    const box = range.getBoundingClientRect();
    window.scrollBy(0, box.top - innerHeight / 3);
    return true;
  });
  if (!found) return null;
  await settle(page);
  return page.evaluate(() => {
    const ranges = [...(CSS.highlights.get('kontext-per') ?? [])];
    const range = ranges.find((candidate) => candidate.toString().trim().includes(' ')) ?? ranges[0];
    if (!range) return null;
    // The first line box, in case the name wraps.
    const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, text: range.toString() };
  });
}

async function shootSidePanel(scheme, article) {
  if (!pages.sidePanel) {
    problems.push('the manifest has no side panel page');
    return;
  }
  const tabId = await tabIdOf(browser, article);
  const panel = await browser.context.newPage();
  await panel.setViewportSize(PANEL_VIEWPORT);
  await panel.emulateMedia({ colorScheme: scheme });
  await panel.goto(`${browser.extensionUrl(pages.sidePanel)}?tabId=${tabId}`, { waitUntil: 'load' });
  try {
    await panel.locator('#kontext-article-title').waitFor({ timeout: 10_000 });
    // The background section is filled after the quotes; give it the same chance.
    await panel.locator('section.background').waitFor({ timeout: 3_000 }).catch(() => {});
  } catch {
    const state = await panel.locator('.state[data-state]').first().getAttribute('data-state').catch(() => null);
    problems.push(`side panel (${scheme}) did not show the article (state ${state ?? 'unknown'})`);
  }
  await settle(panel);
  await shot(panel, `side-panel-${scheme}.png`);
  // The lower half: names by kind and the topic background.
  const below = panel.locator('section.entities').first();
  if (await below.count()) {
    await below.evaluate((element) => element.scrollIntoView({ block: 'start' }));
    await settle(panel);
    await shot(panel, `side-panel-background-${scheme}.png`);
  } else {
    problems.push(`side panel (${scheme}) has no section.entities`);
  }
  await panel.close();
}

async function shootOptions(scheme) {
  if (!pages.options) {
    problems.push('the manifest has no options page');
    return;
  }
  const page = await browser.context.newPage();
  await page.setViewportSize(OPTIONS_VIEWPORT);
  await page.emulateMedia({ colorScheme: scheme });
  await page.goto(browser.extensionUrl(pages.options), { waitUntil: 'load' });
  await page.locator('input').first().waitFor({ timeout: 10_000 }).catch(() => problems.push(`options page (${scheme}) rendered no controls`));
  await settle(page);
  // The whole page (about 1.3 viewports): the online lookup switch sits at the bottom.
  await shot(page, `options-${scheme}.png`, { fullPage: true });
  await page.close();
}
