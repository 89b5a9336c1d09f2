// The Firefox build on a page that is not a news article (a software project's home page from
// the trafilatura sample set): the content script must settle on "no-article" after its
// retries and leave the page untouched: no highlights, no style sheet, no marks, no popup,
// and no errors.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { HIGHLIGHT_SIZES, NON_ARTICLE_PATH, PAINT_TRACES, openSession, settledState, skipReason } from './harness.mjs';

describe('Firefox: page without an article', { skip: skipReason() ?? false }, () => {
  let session;
  let firefox;

  before(async () => {
    session = await openSession();
    firefox = session.firefox;
    await firefox.navigate(session.server.url + NON_ARTICLE_PATH);
  });

  after(async () => {
    await session?.close();
  });

  test('the content script settles on "no-article"', async () => {
    // The documented retries end about 4 s after load; allow for a slow machine.
    const state = await settledState(firefox, 20_000);
    assert.equal(state, 'no-article', `data-kontext-state is ${JSON.stringify(state)}`);
  });

  test('nothing is painted or added to the page', async () => {
    assert.deepEqual(await firefox.evaluate(HIGHLIGHT_SIZES), {});
    assert.deepEqual(await firefox.evaluate(PAINT_TRACES), { style: false, marks: 0, popups: 0 });
  });

  test('no errors from the page or the extension', async () => {
    assert.deepEqual(await session.errors(), []);
  });
});
