// One browser session per test file: the fixture server, Chromium with the extension, and the
// error log, opened in before() and closed in after(), so each file starts from a fresh profile.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../../../scripts/serve.mjs';
import { FIXTURES, ROOT, collectErrors, dynamicResourceMatcher, extensionPages, launchWithExtension, readManifest } from './chromium.mjs';

export const SEED_PATH = '/hanoi-summit-rnd-dpa.html';
export const NON_ARTICLE_PATH = '/non-article/trafilatura__apache.html';
/** Where the seed page keeps its article body, and the regions inside or beside it that are not article text. */
export const SEED_BODY = '.article-body';
export const SEED_NOT_ARTICLE = ['.ad', '.teaser-box', '.comments', '.sidebar', 'header', 'footer', 'nav'];

export function readGold() {
  return JSON.parse(readFileSync(join(FIXTURES, 'hanoi-summit-rnd-dpa.gold.json'), 'utf8'));
}

/**
 * The display names a UI may use for a person or place the gold file names: the gold text
 * itself plus the knowledge pack's German and English names and multi-word aliases (the side
 * panel shows canonical names, e.g. "Sarah Huckabee Sanders" for „Sarah Sanders“). Short
 * aliases ("Kim") are left out: they also occur inside quotes.
 */
export function displayNames(goldName) {
  const pack = JSON.parse(readFileSync(join(ROOT, 'src', 'knowledge', 'korea-talks.json'), 'utf8'));
  const entity = pack.entities.find((candidate) => candidate.id === goldName || [...Object.values(candidate.name ?? {}), ...Object.values(candidate.names ?? {}).flat()].includes(goldName));
  if (!entity) return [goldName];
  const aliases = Object.values(entity.names ?? {}).flat().filter((name) => name.includes(' '));
  return [...new Set([goldName, ...Object.values(entity.name ?? {}), ...aliases])];
}

/**
 * Opens a session. Console noise that is not ours (Chromium's own network chatter) is kept out
 * of `errors()` by `ignore`.
 */
export async function openSession({ root = FIXTURES, serverHeaders = {}, profileDir, locale } = {}) {
  const server = await startServer({ root, headers: serverHeaders });
  let browser;
  try {
    browser = await launchWithExtension({ profileDir, locale });
  } catch (error) {
    await server.close();
    throw error;
  }
  const errorLog = collectErrors(browser.context);
  // Every request any page of the profile makes, extension pages included, to show that
  // Kontext talks to nothing but the page's own server.
  const requestLog = [];
  browser.context.on('request', (request) => requestLog.push(request.url()));
  const manifest = readManifest();
  const pages = extensionPages(manifest);
  const ownDynamic = dynamicResourceMatcher(manifest, browser.extensionId);
  return {
    server,
    browser,
    manifest,
    context: browser.context,
    extensionId: browser.extensionId,
    url: (path) => server.url + path,
    sidePanelUrl: (query = '') => (pages.sidePanel ? browser.extensionUrl(pages.sidePanel) + query : null),
    optionsUrl: () => (pages.options ? browser.extensionUrl(pages.options) : null),
    errors: () => [...errorLog],
    clearErrors: () => errorLog.splice(0, errorLog.length),
    /** Requested URLs that are neither the fixture server nor the extension's own files. */
    foreignRequests: () =>
      requestLog.filter((url) => !url.startsWith(server.url + '/') && !url.startsWith(`chrome-extension://${browser.extensionId}/`) && !ownDynamic(url) && !/^(data|blob|about):/.test(url)),
    /** Opens a page in a new tab (reusing the blank first tab once). */
    async open(url) {
      const blank = browser.context.pages().find((page) => page.url() === 'about:blank');
      const page = blank ?? (await browser.context.newPage());
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },
    async close(options) {
      await browser.close(options);
      await server.close();
    },
  };
}
