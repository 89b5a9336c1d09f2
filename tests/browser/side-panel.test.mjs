// The side panel page (opened as a tab, bound to the article's tab) in Chromium: title,
// quotes grouped under the right speaker, entities, the Background section for the Korea
// talks, click-to-scroll; and on a page with no article, no highlights and a panel that says so.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NON_ARTICLE_PATH, SEED_PATH, displayNames, openSession, readGold } from './helpers/session.mjs';
import { DIST } from './helpers/chromium.mjs';
import { countHighlightRanges, countWrapperMarks, pollFor, waitForAnalysis } from './helpers/page.mjs';
import { openSidePanelFor } from './helpers/side-panel.mjs';

/** The English "no article" message from the built locales, so the test follows the wording. */
function noArticleMessages() {
  const messages = JSON.parse(readFileSync(join(DIST, '_locales', 'en', 'messages.json'), 'utf8'));
  return Object.entries(messages)
    .filter(([key]) => /no.?article/i.test(key))
    .map(([, value]) => value.message.replace(/\$[A-Z_]+\$/g, '').trim())
    .filter((message) => message.length > 0);
}

/**
 * For a quote shown in the panel, the speaker of the nearest enclosing group: walk up from the
 * element showing the quote to the first ancestor that also shows one of the speakers' names.
 * `speakers` maps each speaker to the names the panel may show for them.
 */
function speakerGroupOf(panel, quoteText, speakers) {
  return panel.evaluate(
    ({ quoteText, speakers }) => {
      const squeeze = (text) => text.replace(/\s+/g, ' ');
      const candidates = [...document.querySelectorAll('body *')].filter((element) => squeeze(element.textContent ?? '').includes(quoteText));
      const smallest = candidates.filter((element) => !candidates.some((other) => other !== element && element.contains(other)));
      const results = [];
      for (const start of smallest) {
        for (let node = start.parentElement; node; node = node.parentElement) {
          const text = squeeze(node.textContent ?? '').replace(quoteText, '');
          const named = Object.entries(speakers)
            .filter(([, names]) => names.some((name) => text.includes(name)))
            .map(([speaker]) => speaker);
          if (named.length > 0) {
            results.push(named.length === 1 ? named[0] : `ambiguous: ${named.join(' + ')}`);
            break;
          }
        }
      }
      return results;
    },
    { quoteText, speakers },
  );
}

describe('side panel', () => {
  let session;
  let page;
  let panel;
  const gold = readGold();

  before(async () => {
    session = await openSession();
    page = await session.open(session.url(SEED_PATH));
    await waitForAnalysis(page);
    ({ panel } = await openSidePanelFor(session.browser, page));
    await panel.getByText(gold.quotes[0].text).first().waitFor({ timeout: 10_000 });
  });

  after(async () => {
    await session?.close();
  });

  test('shows the article title', async () => {
    await panel.getByText('Gipfel in Hanoi: Trump und Kim ohne Einigung').first().waitFor({ timeout: 5_000 });
  });

  test('groups every gold quote under its speaker', async () => {
    const speakers = Object.fromEntries([...new Set(gold.quotes.map((quote) => quote.speaker))].map((speaker) => [speaker, displayNames(speaker)]));
    const wrong = [];
    for (const quote of gold.quotes) {
      const groups = await speakerGroupOf(panel, quote.text, speakers);
      if (!groups.includes(quote.speaker)) wrong.push(`"${quote.text}" → ${JSON.stringify(groups)} (want ${quote.speaker})`);
    }
    assert.deepEqual(wrong, []);
  });

  test('lists the people and places of the gold file', async () => {
    const text = (await panel.locator('body').innerText()).replace(/\s+/g, ' ');
    const ids = [...new Set(gold.entities.filter((entity) => entity.id && (entity.type === 'PER' || entity.type === 'LOC')).map((entity) => entity.id))];
    const missing = ids.filter((id) => !displayNames(id).some((name) => text.includes(name)));
    assert.deepEqual(missing, []);
  });

  test('shows a Background section with a dated timeline', async () => {
    const heading = panel.getByRole('heading', { name: /background/i }).first();
    await heading.waitFor({ timeout: 5_000 });
    const sectionText = await heading.evaluate((element) => {
      const section = element.closest('section, [role="region"], details') ?? element.parentElement;
      return section?.textContent ?? '';
    });
    const years = sectionText.match(/\b(19|20)\d\d\b/g) ?? [];
    assert.ok(sectionText.length > 200, `background section is nearly empty: "${sectionText.slice(0, 120)}"`);
    assert.ok(new Set(years).size >= 2, `background timeline shows fewer than two years: ${JSON.stringify(years)}`);
  });

  test('clicking a quote scrolls the page to it', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const last = gold.quotes[gold.quotes.length - 1].text;
    await panel.getByText(last).first().click();
    const scrolled = await pollFor(() => page.evaluate(() => window.scrollY > 200), { timeout: 5_000 });
    assert.ok(scrolled, 'the page did not scroll');
  });

  test('a page without an article gets no highlights, and the panel says so', async () => {
    const other = await session.context.newPage();
    await other.goto(session.url(NON_ARTICLE_PATH), { waitUntil: 'load' });
    const state = await waitForAnalysis(other);
    assert.equal(state, 'no-article');
    assert.equal(await countHighlightRanges(other), 0);
    assert.equal(await countWrapperMarks(other), 0);
    const { panel: otherPanel } = await openSidePanelFor(session.browser, other);
    const messages = noArticleMessages();
    assert.ok(messages.length > 0, 'no "no article" message in _locales/en/messages.json');
    const shown = await pollFor(async () => {
      const text = (await otherPanel.locator('body').innerText()).replace(/\s+/g, ' ');
      return messages.some((message) => text.includes(message.replace(/\s+/g, ' ')));
    }, { timeout: 5_000 });
    assert.ok(shown, `the panel does not show any of ${JSON.stringify(messages)}`);
  });

  test('no console errors or page errors', () => {
    assert.deepEqual(session.errors(), []);
  });
});
