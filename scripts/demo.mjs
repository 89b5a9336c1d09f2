#!/usr/bin/env node
// The product on its embedded default: serves the seed article (fixtures/) from localhost and
// opens it in Chromium with the built extension (dist/) loaded.
//   - With a display ($DISPLAY set): a normal browser window that stays open until you close
//     it or press Ctrl+C. Click the Kontext toolbar button to open the side panel.
//   - Without a display: headless; waits for the analysis, writes screenshots of the page
//     (highlights, then an open entity popup) and of the side panel to demo-output/, and exits.
//
// Usage: node scripts/demo.mjs [--headless|--headed] [--out DIR] [--page /path-under-fixtures.html]
// (`npm start` builds the Chrome extension first, then runs this.)

import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer } from './serve.mjs';
import { DIST, FIXTURES, ROOT, collectErrors, launchWithExtension } from '../tests/browser/helpers/chromium.mjs';
import { readHighlights, waitForAnalysis } from '../tests/browser/helpers/page.mjs';
import { openSidePanelFor } from '../tests/browser/helpers/side-panel.mjs';
import { SEED_PATH } from '../tests/browser/helpers/session.mjs';

const HOVER_INTENT_MS = 1_000;

const { values: options } = parseArgs({
  options: {
    headless: { type: 'boolean' },
    headed: { type: 'boolean' },
    out: { type: 'string', default: join(ROOT, 'demo-output') },
    page: { type: 'string', default: SEED_PATH },
  },
});
const headless = options.headless ?? (options.headed ? false : !process.env.DISPLAY);
const outDir = resolve(options.out);

const server = await startServer({ root: FIXTURES });
const pageUrl = server.url + options.page;
console.log(`Serving ${FIXTURES} at ${server.url}/`);
console.log(`Starting Chromium (${headless ? 'headless' : 'headed'}) with the extension from ${DIST}`);

let browser;
try {
  browser = await launchWithExtension({ headless, viewport: headless ? undefined : null });
} catch (error) {
  console.error(`Could not start Chromium: ${error.message}`);
  await server.close();
  process.exit(1);
}
const errors = collectErrors(browser.context);
const page = browser.context.pages()[0] ?? (await browser.context.newPage());
await page.goto(pageUrl);

let state = 'unknown';
try {
  state = await waitForAnalysis(page, { timeout: 30_000 });
} catch {
  console.warn('The extension did not report a finished analysis within 30 s; continuing anyway.');
}
const highlights = await readHighlights(page);
const counts = Object.entries(highlights).map(([name, ranges]) => `${name.replace('kontext-', '')} ${ranges.length}`);
console.log(`Page ${pageUrl}: state ${state}; highlights: ${counts.join(', ') || 'none'}`);

if (!headless) {
  console.log('\nThe browser stays open. Click the Kontext toolbar button for the side panel; hover a name for its popup.');
  console.log('Press Ctrl+C (or close the browser) to stop.');
  const stop = async () => {
    await browser.close();
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  browser.context.on('close', async () => {
    await server.close();
    process.exit(0);
  });
} else {
  mkdirSync(outDir, { recursive: true });
  const written = [];
  const shot = async (target, name, screenshotOptions = {}) => {
    const path = join(outDir, name);
    await target.screenshot({ path, ...screenshotOptions });
    written.push(path);
  };

  await shot(page, 'page-highlights.png', { fullPage: true });

  // Hover the first person (or any entity) that is on screen, wait out the hover intent, shoot.
  const candidate = [...(highlights['kontext-per'] ?? []), ...(highlights['kontext-loc'] ?? []), ...(highlights['kontext-org'] ?? [])].find(
    (range) => range.rect && range.rect.width > 0 && range.rect.y > 0,
  );
  if (candidate) {
    await page.evaluate((y) => window.scrollTo(0, Math.max(0, y - 200)), candidate.rect.y);
    const fresh = await readHighlights(page);
    const target = [...(fresh['kontext-per'] ?? []), ...(fresh['kontext-loc'] ?? []), ...(fresh['kontext-org'] ?? [])].find((range) => range.text === candidate.text && range.rect && range.rect.y > 0);
    if (target?.rect) {
      await page.mouse.move(target.rect.x + target.rect.width / 2, target.rect.y + target.rect.height / 2, { steps: 4 });
      await page.waitForTimeout(HOVER_INTENT_MS);
    }
    await shot(page, 'page-popup.png');
    await page.mouse.move(5, 5);
  } else {
    console.warn('No entity highlight to hover: skipping the popup screenshot.');
  }

  try {
    const { panel } = await openSidePanelFor(browser, page);
    await panel.setViewportSize({ width: 420, height: 1000 });
    // The panel renders once the background has sent the tab's analysis.
    await panel.locator('section').first().waitFor({ timeout: 10_000 }).catch(() => {});
    await shot(panel, 'side-panel.png');
    await shot(panel, 'side-panel-full.png', { fullPage: true });
  } catch (error) {
    console.warn(`Side panel screenshot skipped: ${error.message}`);
  }

  console.log('\nScreenshots written:');
  for (const path of written) console.log(`  ${path}`);
  if (errors.length > 0) {
    console.log('\nErrors seen in the browser:');
    for (const error of errors) console.log(`  ${error}`);
  }
  await browser.close();
  await server.close();
}
