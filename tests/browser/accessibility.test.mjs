// axe-core in Chromium on the side panel (showing the seed article) and the options page:
// zero serious or critical violations. axe's source is evaluated in the page over the
// DevTools protocol, which extension pages' CSP does not block.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { SEED_PATH, openSession, readGold } from './helpers/session.mjs';
import { waitForAnalysis } from './helpers/page.mjs';
import { openSidePanelFor } from './helpers/side-panel.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe on the document (or only inside the elements matching `include`) and returns the
 * serious and critical violations, readable.
 */
async function seriousViolations(page, include = null) {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (include) => {
    const context = include ? { include: [[include]] } : document;
    const results = await globalThis.axe.run(context, { resultTypes: ['violations'] });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
  }, include);
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

describe('accessibility (axe-core)', () => {
  let session;

  before(async () => {
    session = await openSession();
  });

  after(async () => {
    await session?.close();
  });

  test('side panel with the seed article: no serious or critical violations', async () => {
    const page = await session.open(session.url(SEED_PATH));
    await waitForAnalysis(page);
    const { panel } = await openSidePanelFor(session.browser, page);
    await panel.getByText(readGold().quotes[0].text).first().waitFor({ timeout: 10_000 });
    assert.deepEqual(await seriousViolations(panel), []);
  });

  test('open entity popup: no serious or critical violations', async () => {
    const page = await session.open(session.url(SEED_PATH));
    await waitForAnalysis(page);
    const point = await page.evaluate(() => {
      const range = [...(CSS.highlights.get('kontext-per') ?? [])][0];
      if (!range) return null;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0];
      return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    });
    assert.ok(point, 'no person highlight to hover');
    await page.mouse.move(point.x, point.y);
    await page.mouse.move(point.x + 1, point.y);
    await page.waitForFunction(() => document.querySelector('kontext-popup')?.shadowRoot?.querySelector('[role="dialog"]'), null, { timeout: 5_000 });
    assert.deepEqual(await seriousViolations(page, 'kontext-popup'), []);
  });

  test('options page: no serious or critical violations', async () => {
    const url = session.optionsUrl();
    assert.ok(url, 'the manifest has no options page');
    const options = await session.context.newPage();
    await options.goto(url, { waitUntil: 'load' });
    await options.locator('input, button, select').first().waitFor({ timeout: 10_000 });
    assert.deepEqual(await seriousViolations(options), []);
  });

  test('no console errors or page errors', () => {
    assert.deepEqual(session.errors(), []);
  });
});
