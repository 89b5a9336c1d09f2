// The Firefox build (dist-firefox/) in firefox-esr over WebDriver BiDi: installs as a
// temporary add-on, paints the seed article's highlights (CSS Custom Highlight API, Firefox
// 140+) only inside the article body, and shows the entity popup on hover.
// Skipped with a message when firefox-esr is not installed (never in CI, where setup installs it).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { FIXTURES, ROOT } from './helpers/chromium.mjs';
import { findFirefox, launchFirefox } from './helpers/firefox-bidi.mjs';
import { SEED_BODY, SEED_NOT_ARTICLE, SEED_PATH } from './helpers/session.mjs';

const DIST_FIREFOX = process.env.KONTEXT_DIST_FIREFOX ?? join(ROOT, 'dist-firefox');
const missing = !findFirefox() ? 'firefox-esr is not installed (run scripts/setup.sh)' : !existsSync(join(DIST_FIREFOX, 'manifest.json')) ? `no Firefox build in ${DIST_FIREFOX}` : null;
if (missing && process.env.CI) throw new Error(`Firefox test cannot run in CI: ${missing}`);
const BUSY = ['analysing', 'loading', 'starting', 'pending'];

async function until(check, { timeout = 15_000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

describe('Firefox (WebDriver BiDi)', { skip: missing ?? false }, () => {
  let server;
  let firefox;
  const logErrors = [];

  before(async () => {
    server = await startServer({ root: FIXTURES });
    firefox = await launchFirefox();
    await firefox.send('session.subscribe', { events: ['log.entryAdded'] });
    firefox.onEvent((event) => {
      if (event.method === 'log.entryAdded' && event.params.level === 'error') logErrors.push(`${event.params.source?.realm ?? ''} ${event.params.text}`);
    });
    await firefox.installExtension(DIST_FIREFOX);
    await firefox.navigate(server.url + SEED_PATH);
  });

  after(async () => {
    await firefox?.close();
    await server?.close();
  });

  test('the content script finishes on the seed page', async () => {
    const state = await until(() => firefox.evaluate(`(() => { const s = document.documentElement.dataset.kontextState; return s && !${JSON.stringify(BUSY)}.includes(s) ? s : null; })()`));
    assert.equal(state, 'ready');
  });

  test('quotes, people and places are painted, only inside the article body', async () => {
    const summary = await firefox.evaluate(`(() => {
      const body = document.querySelector(${JSON.stringify(SEED_BODY)});
      const excluded = [...document.querySelectorAll(${JSON.stringify(SEED_NOT_ARTICLE.join(','))})];
      const out = { sizes: {}, outside: [] };
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('kontext-')) continue;
        out.sizes[name] = highlight.size;
        for (const range of highlight) {
          const inside = body.contains(range.startContainer) && body.contains(range.endContainer);
          if (!inside || excluded.some((element) => range.intersectsNode(element))) out.outside.push(name + ': ' + range.toString());
        }
      }
      return out;
    })()`);
    for (const name of ['kontext-quote', 'kontext-per', 'kontext-loc']) {
      assert.ok((summary.sizes[name] ?? 0) > 0, `${name} is empty: ${JSON.stringify(summary.sizes)}`);
    }
    assert.deepEqual(summary.outside, []);
  });

  test('hovering a person shows the popup; Escape closes it', async () => {
    const point = await firefox.evaluate(`(() => {
      const range = [...(CSS.highlights.get('kontext-per') ?? [])][0];
      if (!range) return null;
      range.startContainer.parentElement.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0];
      return { x: Math.round(rect.x + rect.width / 2), y: Math.round(rect.y + rect.height / 2) };
    })()`);
    assert.ok(point, 'no person highlight to hover');
    await firefox.send('input.performActions', {
      context: firefox.context,
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [{ type: 'pointerMove', x: 2, y: 2 }, { type: 'pointerMove', x: point.x, y: point.y, duration: 50 }] }],
    });
    const popupShown = `(() => { const host = document.querySelector('kontext-popup'); if (!host) return false; const root = host.shadowRoot; const box = (root ? [...root.querySelectorAll('*')].find((e) => e.localName !== 'style' && e.getBoundingClientRect().width > 0) : host)?.getBoundingClientRect(); return Boolean(box && box.width > 0 && box.height > 0) || (!root && host.isConnected); })()`;
    assert.ok(await until(() => firefox.evaluate(popupShown), { timeout: 3_000 }), 'no popup after hovering');
    await firefox.send('input.performActions', {
      context: firefox.context,
      actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value: '\uE00C' }, { type: 'keyUp', value: '\uE00C' }] }],
    });
    const popupGone = `(() => { const host = document.querySelector('kontext-popup'); if (!host || !host.isConnected) return true; const root = host.shadowRoot; if (!root) return host.getBoundingClientRect().width === 0; return ![...root.querySelectorAll('*')].some((e) => e.localName !== 'style' && e.getBoundingClientRect().width > 0); })()`;
    assert.ok(await until(() => firefox.evaluate(popupGone), { timeout: 3_000 }), 'popup still shown after Escape');
  });

  test('no errors in the browser log', () => {
    assert.deepEqual(logErrors, []);
  });
});
