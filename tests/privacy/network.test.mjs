// Privacy, checked in a real browser: with the extension loaded and its default settings
// (online lookup off), reading the seed article, hovering a name, and opening the side panel
// and the options page must not make a single network request from any extension context,
// nor any request from the article's tab beyond the page's own server.
//
// Requests are recorded by a separate DevTools connection attached to every target,
// including the extension's service worker (tests/privacy/cdp-network-log.mjs); the worker is
// restarted under observation so its start-up is watched too. As a second witness, each
// extension context's Resource Timing entries are read.
//
// Run: node --test tests/privacy/network.test.mjs   (about 10 s; needs a build in dist/)

import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';
import { CHROMIUM_FLAGS, DIST, FIXTURES, dynamicResourceMatcher, extensionPages, findChromium, readManifest } from '../browser/helpers/chromium.mjs';
import { devToolsUrl, watchNetwork } from './cdp-network-log.mjs';

const SEED_PATH = '/hanoi-summit-rnd-dpa.html';
const TEST_TIMEOUT_MS = 120_000;
/** Long enough for a delayed request (a lookup after hover, a retry) to show up. */
const QUIET_WAIT_MS = 1_500;
/** DevTools target types that run web content (other types are the browser's own UI). */
const WEB_TARGET_TYPES = new Set(['page', 'iframe', 'worker', 'shared_worker', 'service_worker']);

const executablePath = findChromium();
const built = existsSync(join(DIST, 'manifest.json'));
const skip = !executablePath ? 'no Chromium (set CHROME_PATH)' : !built ? `no build in ${DIST} (run \`npm run build\`)` : false;

/** URLs that are not network: the extension's own files, inline data, blank pages. */
function isLocalToBrowser(url, extensionOrigin) {
  return url.startsWith(`${extensionOrigin}/`) || /^(data|blob|about):/.test(url);
}

describe('privacy: the extension makes no network requests', { skip, timeout: TEST_TIMEOUT_MS }, () => {
  let server;
  let context;
  let profileDir;
  let watcher;
  let extensionOrigin;
  let stoppedAt;
  const timingEntries = [];

  before(async () => {
    server = await startServer({ root: FIXTURES });
    profileDir = mkdtempSync(join(tmpdir(), 'kontext-privacy-'));
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless: true,
      locale: 'en-US',
      viewport: { width: 1280, height: 900 },
      args: [
        `--disable-extensions-except=${DIST}`,
        `--load-extension=${DIST}`,
        '--remote-debugging-port=0',
        ...CHROMIUM_FLAGS,
      ],
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    // (URL#origin is "null" for chrome-extension: URLs, so build it from the host.)
    extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
    watcher = await watchNetwork(await devToolsUrl(profileDir));
    // Stop the worker so it starts again under observation (the article's content script wakes it).
    ({ stoppedAt } = await watcher.stopServiceWorkers());
  });

  after(async () => {
    watcher?.close();
    await context?.close().catch(() => {});
    await server?.close();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  });

  /** The live extension worker (it may have been restarted since launch). */
  async function currentWorker() {
    const live = context.serviceWorkers().filter((w) => w.url().startsWith(extensionOrigin));
    return live.at(-1) ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  }

  async function collectTiming(label, target) {
    const names = await target.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name)).catch(() => []);
    for (const name of names) timingEntries.push({ label, url: name });
  }

  it('reads the article, opens a popup, the side panel and the options page', async () => {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url + SEED_PATH, { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.dataset.kontextState === 'ready', null, { timeout: 45_000 }).catch(async (error) => {
      // Say what the worker did after the restart, so a failure here can be told apart from a privacy failure.
      const state = await page.evaluate(() => document.documentElement.dataset.kontextState ?? null).catch(() => null);
      const workers = watcher.targets.filter((target) => target.type === 'service_worker');
      throw new Error(`seed page not ready (state ${state}); workers ${JSON.stringify(watcher.workerStatus())}, attached ${JSON.stringify(workers)}, stopped at ${stoppedAt}: ${error.message}`);
    });

    // Hover the first person name: the popup asks the background for its context.
    const point = await page.evaluate(() => {
      const range = [...(CSS.highlights.get('kontext-per') ?? [])][0];
      if (!range) return null;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0];
      return rect ? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 } : null;
    });
    assert.ok(point, 'the seed page has a person highlight to hover');
    await page.mouse.move(point.x, point.y);
    await page.mouse.move(point.x + 1, point.y);
    await page.waitForSelector('kontext-popup', { state: 'attached', timeout: 10_000 });

    const worker = await currentWorker();
    await page.bringToFront();
    const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? null);
    assert.notEqual(tabId, null);

    const pages = extensionPages(readManifest());
    const panel = await context.newPage();
    await panel.goto(`${extensionOrigin}/${pages.sidePanel}?tabId=${tabId}`, { waitUntil: 'load' });
    await panel.locator('#kontext-article-title').waitFor({ timeout: 10_000 });
    const options = await context.newPage();
    await options.goto(`${extensionOrigin}/${pages.options}`, { waitUntil: 'load' });
    await options.locator('input').first().waitFor({ timeout: 10_000 });

    await new Promise((resolve) => setTimeout(resolve, QUIET_WAIT_MS));
    await collectTiming('service worker', await currentWorker());
    await collectTiming('side panel', panel);
    await collectTiming('options', options);
  });

  it('watched every extension context, the restarted service worker included', () => {
    const watched = watcher.targets.filter((target) => target.url.startsWith(extensionOrigin));
    const restarted = watched.filter((target) => target.type === 'service_worker' && target.attachedAt >= stoppedAt);
    assert.ok(restarted.length > 0, `the restarted service worker was not observed; saw ${JSON.stringify(watcher.targets)}`);
    const pagesSeen = new Set(watched.filter((target) => target.type === 'page').map((target) => new URL(target.url).pathname));
    assert.equal(pagesSeen.size, 2, `side panel and options pages observed; saw ${[...pagesSeen]}`);
    // The witness works: it saw the article being loaded from the fixture server.
    assert.ok(watcher.requests.some((request) => request.url === server.url + SEED_PATH), 'the seed page request was recorded');
  });

  it('no extension context requested anything outside the extension', () => {
    const fromExtension = watcher.requests.filter((request) => request.targetUrl.startsWith(extensionOrigin));
    const foreign = fromExtension.filter((request) => !isLocalToBrowser(request.url, extensionOrigin));
    assert.deepEqual(foreign, []);
    const foreignTiming = timingEntries.filter((entry) => !isLocalToBrowser(entry.url, extensionOrigin));
    assert.deepEqual(foreignTiming, []);
  });

  it('the article tab requested nothing but its own server', () => {
    // The browser's own UI (chrome:// pages such as the omnibox popup) is not a web page.
    const fromPages = watcher.requests.filter(
      (request) => WEB_TARGET_TYPES.has(request.targetType) && !request.targetUrl.startsWith(extensionOrigin) && !/^(chrome|devtools):/.test(request.targetUrl),
    );
    // Besides the page's own server, the tab may load the one script the extension makes
    // web-accessible through Chrome's per-session dynamic id (the content script module,
    // scripts/content-loader.ts): asked for by the extension id, served under the random one.
    const ownModule = dynamicResourceMatcher(readManifest(), extensionOrigin.slice('chrome-extension://'.length));
    const foreign = fromPages.filter((request) => !request.url.startsWith(`${server.url}/`) && !ownModule(request.url) && !/^(data|blob|about):/.test(request.url));
    assert.deepEqual(foreign, []);
  });
});
