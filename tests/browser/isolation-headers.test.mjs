// The seed article served the way strict sites serve pages: cross-origin isolated (COOP + COEP
// require-corp) and with Trusted Types enforced. In Chrome the content script is a module that
// the loader fetches from the extension (scripts/content-loader.ts); neither header may keep it
// from loading, and nothing may log an error.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_PATH, openSession } from './helpers/session.mjs';
import { readHighlights, waitForAnalysis } from './helpers/page.mjs';

const STRICT_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Content-Security-Policy': "script-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'",
};

describe('a cross-origin isolated page with Trusted Types enforced', () => {
  let session;
  let page;

  before(async () => {
    session = await openSession({ serverHeaders: { [SEED_PATH]: STRICT_HEADERS } });
    page = await session.open(session.url(SEED_PATH));
  });

  after(async () => {
    await session?.close();
  });

  test('the headers are in force, and Kontext still analyses and paints the article', async () => {
    assert.equal(await page.evaluate(() => crossOriginIsolated), true);
    assert.equal(await waitForAnalysis(page), 'ready');
    const painted = Object.values(await readHighlights(page)).flat().length;
    assert.ok(painted > 0, 'nothing painted');
  });

  test('no console errors or page errors', () => {
    assert.deepEqual(session.errors(), []);
  });
});
