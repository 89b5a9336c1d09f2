// The extension's own UI follows the browser's language: in a German Chromium the options
// page, the side panel and the popup speak German (strings from public/_locales/de).
// Needs Chromium's German UI resources (Debian package chromium-l10n, installed by
// scripts/setup.sh); without them Chromium runs in English whatever --lang says.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DIST, findChromium } from './helpers/chromium.mjs';
import { SEED_PATH, openSession } from './helpers/session.mjs';
import { pollFor, waitForAnalysis } from './helpers/page.mjs';
import { openSidePanelFor } from './helpers/side-panel.mjs';

const messages = (lang) => JSON.parse(readFileSync(join(DIST, '_locales', lang, 'messages.json'), 'utf8'));
const chromium = findChromium();
const germanPak = chromium ? join(dirname(chromium), 'locales', 'de.pak') : '';
const skip = existsSync(germanPak) ? false : 'Chromium has no German UI resources (apt-get install chromium-l10n)';

describe('German browser language', { skip }, () => {
  let session;
  const de = messages('de');
  const en = messages('en');

  before(async () => {
    session = await openSession({ locale: 'de-DE' });
  });
  after(async () => {
    await session?.browser.close();
    await session?.server.close();
  });

  test('the options page is in German', async () => {
    const page = await session.context.newPage();
    await page.goto(session.optionsUrl());
    const title = (await page.locator('h1').first().innerText()).trim();
    assert.equal(title, de.optionsTitle.message);
    assert.notEqual(title, en.optionsTitle.message);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
    await page.close();
  });

  test('the side panel and the popup are in German', async () => {
    const article = await session.open(session.url(SEED_PATH));
    assert.equal(await waitForAnalysis(article), 'ready');
    const { panel } = await openSidePanelFor(session.browser, article);
    await pollFor(async () => (await panel.locator('body').innerText()).includes(de.panelQuotes.message), { timeout: 10_000 });
    const text = await panel.locator('body').innerText();
    assert.ok(text.includes(de.panelHighlights.message), 'German label for the highlight switches');
    assert.ok(!text.includes(en.panelQuotes.message), 'no English heading left');
    await panel.close();
  });

  test('no errors', () => {
    assert.deepEqual(session.errors(), []);
  });
});
