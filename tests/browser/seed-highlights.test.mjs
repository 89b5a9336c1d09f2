// The seed article in Chromium with the built extension: every kind of highlight is painted,
// only inside the article body, every gold quote and gold name is covered, and nothing errors.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_BODY, SEED_NOT_ARTICLE, SEED_PATH, openSession, readGold } from './helpers/session.mjs';
import { normalizeQuoteText, readHighlights, waitForAnalysis } from './helpers/page.mjs';

const GOLD_KIND_TO_HIGHLIGHT = { PER: 'kontext-per', LOC: 'kontext-loc', ORG: 'kontext-org', MISC: 'kontext-misc' };

describe('seed article highlights', () => {
  let session;
  let page;
  let highlights;

  before(async () => {
    session = await openSession();
    page = await session.open(session.url(SEED_PATH));
    await waitForAnalysis(page);
    highlights = await readHighlights(page, { bodySelector: SEED_BODY, excludedSelectors: SEED_NOT_ARTICLE });
  });

  after(async () => {
    await session?.close();
  });

  test('quotes, people, places and organisations each have a named highlight with ranges', () => {
    const counts = Object.fromEntries(Object.entries(highlights).map(([name, ranges]) => [name, ranges.length]));
    for (const name of ['kontext-quote', 'kontext-per', 'kontext-loc', 'kontext-org']) {
      assert.ok((counts[name] ?? 0) > 0, `${name} has no ranges (registered: ${JSON.stringify(counts)})`);
    }
  });

  test('every range lies inside the article body and none in the ad, teaser box, comments or sidebar', () => {
    const outside = [];
    for (const [name, ranges] of Object.entries(highlights)) {
      for (const range of ranges) {
        if (range.inBody !== true || range.excludedBy.length > 0) outside.push(`${name} "${range.text}" ${range.excludedBy.join(',') || 'outside body'}`);
      }
    }
    assert.deepEqual(outside, []);
  });

  test('every range is non-empty and painted on screen', () => {
    const bad = [];
    for (const [name, ranges] of Object.entries(highlights)) {
      for (const range of ranges) {
        if (range.text.trim() === '' || !range.rect || range.rect.width === 0 || range.rect.height === 0) bad.push(`${name} "${range.text}"`);
      }
    }
    assert.deepEqual(bad, []);
  });

  test('all 14 gold quotes have a quote highlight with the same text', () => {
    const gold = readGold();
    assert.equal(gold.quotes.length, 14);
    const painted = new Set((highlights['kontext-quote'] ?? []).map((range) => normalizeQuoteText(range.text)));
    const missing = gold.quotes.map((quote) => normalizeQuoteText(quote.text)).filter((text) => !painted.has(text));
    assert.deepEqual(missing, [], `painted quotes: ${JSON.stringify([...painted])}`);
  });

  test('every person, place and organisation name of the gold file is highlighted by its kind', () => {
    const gold = readGold();
    const missing = [];
    const seen = new Set();
    for (const entity of gold.entities) {
      const key = `${entity.type}:${entity.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const name = GOLD_KIND_TO_HIGHLIGHT[entity.type];
      const texts = (highlights[name] ?? []).map((range) => range.text.replace(/\s+/g, ' ').trim());
      if (!texts.includes(entity.text)) missing.push(key);
    }
    assert.deepEqual(missing, []);
  });

  test('no request leaves for anywhere but the page server and the extension itself', () => {
    assert.deepEqual(session.foreignRequests(), []);
  });

  test('no console errors or page errors', () => {
    assert.deepEqual(session.errors(), []);
  });

  // Runs last: Chromium logs each refused load in the page's console.
  test('the page cannot load any of our scripts by the extension id, so it cannot detect Kontext that way', async () => {
    const paths = [
      ...(session.manifest.content_scripts ?? []).flatMap((entry) => entry.js ?? []),
      ...(session.manifest.web_accessible_resources ?? []).flatMap((entry) => entry.resources ?? []),
    ];
    assert.ok(paths.length > 0);
    const outcomes = await page.evaluate(async (urls) => {
      const out = {};
      for (const url of urls) {
        try {
          out[url] = `loaded (${(await fetch(url)).status})`;
        } catch {
          out[url] = 'refused';
        }
      }
      return out;
    }, paths.map((path) => `chrome-extension://${session.extensionId}/${path}`));
    for (const [url, outcome] of Object.entries(outcomes)) assert.equal(outcome, 'refused', url);
    session.clearErrors();
  });
});
