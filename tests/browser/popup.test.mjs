// The entity popup in Chromium: opens after the hover intent delay (not at once), lives in a
// shadow root on a `kontext-popup` host, names the entity, is readable by screen readers,
// closes on Escape, and opens at once when the next-highlight command moves the focus.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_PATH, openSession } from './helpers/session.mjs';
import { inspectShadowHost, pollFor, waitForAnalysis } from './helpers/page.mjs';
import { tabIdOf } from './helpers/side-panel.mjs';

const POPUP_HOST = 'kontext-popup';
/** Issue 7 asks for about 300–500 ms; anything over 1.5 s would feel broken. */
const MAX_HOVER_WAIT_MS = 1_500;

/** Scrolls the n-th range of a highlight to the middle of the viewport and returns its centre. */
async function centreOfRange(page, name, index = 0) {
  return page.evaluate(
    ({ name, index }) => {
      const range = [...(CSS.highlights.get(name) ?? [])][index];
      if (!range) return null;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = [...range.getClientRects()][0] ?? range.getBoundingClientRect();
      return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2, text: range.toString() };
    },
    { name, index },
  );
}

async function popupVisible(page) {
  const popup = await inspectShadowHost(page, POPUP_HOST);
  return popup?.visible ? popup : null;
}

describe('entity popup', () => {
  let session;
  let page;

  before(async () => {
    session = await openSession();
    page = await session.open(session.url(SEED_PATH));
    await waitForAnalysis(page);
  });

  after(async () => {
    await session?.close();
  });

  test('hovering a person opens the popup after the intent delay, in a shadow root, naming the person', async () => {
    const target = await centreOfRange(page, 'kontext-per');
    assert.ok(target, 'no kontext-per range to hover');
    await page.mouse.move(5, 5);
    const movedAt = Date.now();
    await page.mouse.move(target.x, target.y);
    await page.mouse.move(target.x + 1, target.y);
    assert.equal(await popupVisible(page), null, 'the popup opened at once, without a hover intent delay');
    const popup = await pollFor(() => popupVisible(page), { timeout: MAX_HOVER_WAIT_MS + 1_000 });
    const waited = Date.now() - movedAt;
    assert.ok(popup, `no visible popup ${MAX_HOVER_WAIT_MS + 1_000} ms after hovering "${target.text}"`);
    assert.ok(waited >= 150, `the popup opened after ${waited} ms: too early for a hover intent`);
    assert.ok(popup.shadowMode === 'open' || popup.shadowMode === 'closed', 'the popup host has no shadow root');
    assert.equal(popup.hosts, 1, 'more than one popup host');
    assert.equal(popup.ariaHidden, false, 'the popup is hidden from screen readers');
    const surname = target.text.trim().split(/\s+/).pop().replace(/s$/, '');
    assert.ok(popup.visibleText.includes(surname), `popup text "${popup.visibleText}" does not name "${target.text}"`);
    assert.ok(popup.rect && popup.rect.x >= 0 && popup.rect.y >= 0 && popup.rect.x + popup.rect.width <= 1280 + 1, 'popup is off screen');
  });

  test('Escape closes the popup', async () => {
    assert.ok(await popupVisible(page), 'precondition: the popup from the previous test is open');
    await page.keyboard.press('Escape');
    const closed = await pollFor(async () => (await popupVisible(page)) === null, { timeout: 2_000 });
    assert.ok(closed, 'the popup is still visible after Escape');
  });

  test('moving the focus to the next highlight (the next-highlight command) opens the popup at once', async () => {
    await page.mouse.move(5, 5);
    const tabId = await tabIdOf(session.browser, page);
    // The command handler sends this message to the content script; commands cannot be pressed from a test.
    for (let step = 0; step < 3; step += 1) {
      await session.browser.serviceWorker.evaluate(
        ([tab]) => chrome.tabs.sendMessage(tab, { type: 'bg/step-focus', direction: 1 }),
        [tabId],
      );
      const popup = await pollFor(() => popupVisible(page), { timeout: 1_000 });
      if (popup) {
        assert.equal(popup.ariaHidden, false);
        await page.keyboard.press('Escape');
        const closed = await pollFor(async () => (await popupVisible(page)) === null, { timeout: 2_000 });
        assert.ok(closed, 'the keyboard-opened popup did not close on Escape');
        return;
      }
    }
    // Stepping onto quotes may show no popup; three steps must reach an entity on the seed page.
    assert.fail('no popup after moving the focus through three highlights');
  });

  test('no console errors or page errors', () => {
    assert.deepEqual(session.errors(), []);
  });
});
