// Switching highlights off and on from the side panel, in Chromium: off empties every
// highlight and leaves the page's DOM exactly as it is without the extension; one kind can be
// switched alone; the choice survives a reload and a browser restart (same profile).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_PATH, openSession } from './helpers/session.mjs';
import { launchPlain } from './helpers/chromium.mjs';
import { countHighlightRanges, countWrapperMarks, pageDomWithoutExtension, pollFor, readHighlights, waitForAnalysis } from './helpers/page.mjs';
import { openSidePanelFor } from './helpers/side-panel.mjs';
import { switchControl } from './helpers/controls.mjs';

async function sizes(page) {
  const highlights = await readHighlights(page);
  return Object.fromEntries(Object.entries(highlights).map(([name, ranges]) => [name, ranges.length]));
}

async function waitForNoMarks(page) {
  return pollFor(async () => (await countHighlightRanges(page)) === 0 && (await countWrapperMarks(page)) === 0, { timeout: 5_000 });
}

describe('toggling highlights', () => {
  let session;
  let page;
  let panel;
  let baselineDom;
  /** Errors from the session before the restart, so the last test still sees them. */
  const earlierErrors = [];

  before(async () => {
    const plain = await launchPlain();
    session = await openSession();
    try {
      const plainPage = await plain.newPage();
      await plainPage.goto(session.url(SEED_PATH), { waitUntil: 'load' });
      baselineDom = await pageDomWithoutExtension(plainPage);
    } finally {
      await plain.close();
    }
    page = await session.open(session.url(SEED_PATH));
    await waitForAnalysis(page);
    ({ panel } = await openSidePanelFor(session.browser, page));
  });

  after(async () => {
    // The restart test relaunches on the first profile; remove it now.
    await session?.close({ keepProfile: false });
  });

  test('the page starts with highlights on', async () => {
    assert.ok((await countHighlightRanges(page)) > 0);
  });

  test('switching one kind off empties only that kind', async () => {
    await switchControl(panel, 'quote', false);
    const quotesGone = await pollFor(async () => ((await sizes(page))['kontext-quote'] ?? 0) === 0, { timeout: 5_000 });
    assert.ok(quotesGone, `quotes still painted: ${JSON.stringify(await sizes(page))}`);
    assert.ok(((await sizes(page))['kontext-per'] ?? 0) > 0, 'people disappeared with the quotes');
    await switchControl(panel, 'quote', true);
    const back = await pollFor(async () => ((await sizes(page))['kontext-quote'] ?? 0) > 0, { timeout: 5_000 });
    assert.ok(back, 'quotes did not come back');
  });

  test('switching all off removes every mark and leaves the DOM as it is without the extension', async () => {
    await switchControl(panel, 'all', false);
    assert.ok(await waitForNoMarks(page), `marks left: ${JSON.stringify(await sizes(page))}`);
    assert.equal(await pageDomWithoutExtension(page), baselineDom);
  });

  test('off survives a reload', async () => {
    await page.reload({ waitUntil: 'load' });
    await waitForAnalysis(page);
    assert.equal(await countHighlightRanges(page), 0);
    assert.equal(await countWrapperMarks(page), 0);
  });

  test('off survives a browser restart, and switching on again paints again', async () => {
    earlierErrors.push(...session.errors());
    await session.browser.close({ keepProfile: true });
    const profileDir = session.browser.profileDir;
    await session.server.close();
    session = await openSession({ profileDir });
    page = await session.open(session.url(SEED_PATH));
    await waitForAnalysis(page);
    assert.equal(await countHighlightRanges(page), 0, 'highlights came back after the restart');
    ({ panel } = await openSidePanelFor(session.browser, page));
    await switchControl(panel, 'all', true);
    const painted = await pollFor(async () => (await countHighlightRanges(page)) > 0, { timeout: 5_000 });
    assert.ok(painted, 'switching on did not paint again');
  });

  test('no console errors or page errors', () => {
    assert.deepEqual([...earlierErrors, ...session.errors()], []);
  });
});
