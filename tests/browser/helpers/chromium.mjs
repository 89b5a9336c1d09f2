// Launching Debian Chromium with the built extension loaded, for the browser tests and the demo.
// Each launch gets a fresh temporary profile unless a profile folder is passed in (the
// persistence test relaunches on the same profile to play a browser restart).

import { chromium } from 'playwright-core';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const DIST = resolve(process.env.KONTEXT_DIST ?? join(ROOT, 'dist'));
export const FIXTURES = join(ROOT, 'fixtures');

/** Flags for a quiet Chromium on a closed network (see ../shared/TOOLCHAIN.md). */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const CANDIDATE_PATHS = [
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** The browser binary: $CHROME_PATH wins, then the usual Linux locations. Null when none exists. */
export function findChromium() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATE_PATHS.find((path) => existsSync(path)) ?? null;
}

/** The built manifest; the tests read page paths from it instead of guessing file names. */
export function readManifest(dist = DIST) {
  return JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
}

/**
 * A predicate for requests of the extension's own web-accessible files that Chrome serves only
 * under its per-session dynamic id (`use_dynamic_url`; the content script module, see
 * scripts/content-loader.ts): asked for by the extension id, served under a random UUID.
 * Any other file, or any other extension, does not match.
 */
export function dynamicResourceMatcher(manifest, extensionId) {
  const paths = new Set((manifest.web_accessible_resources ?? []).filter((w) => w.use_dynamic_url).flatMap((w) => w.resources ?? []));
  return (url) => {
    const m = /^chrome-extension:\/\/([a-p]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\/([^?#]*)$/.exec(url);
    return m !== null && (m[1].includes('-') || m[1] === extensionId) && paths.has(m[2]);
  };
}

/** Path inside the extension of the side panel page and the options page (null when absent). */
export function extensionPages(manifest) {
  return {
    sidePanel: manifest.side_panel?.default_path ?? null,
    options: manifest.options_ui?.page ?? manifest.options_page ?? null,
  };
}

/**
 * Starts Chromium with the extension from `dist`. Returns the persistent context, the
 * extension id (derived by Chromium from the folder path, so stable per dist path), and a
 * close() that also removes a profile it created.
 */
export async function launchWithExtension({ dist = DIST, headless = true, profileDir, locale = 'en-US', viewport, env } = {}) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found: run `bash scripts/setup.sh` or set CHROME_PATH');
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`No built extension in ${dist}: run \`npm run build\``);
  const ownProfile = profileDir === undefined;
  const userDataDir = profileDir ?? mkdtempSync(join(tmpdir(), 'kontext-profile-'));
  // Chromium on Linux takes its UI language (and so the extension's _locales choice) from the
  // environment; --lang alone changes only navigator.language.
  const uiEnv = env ?? (locale.startsWith('en') ? undefined : { ...process.env, LANGUAGE: locale.split('-')[0], LANG: `${locale.replace('-', '_')}.UTF-8` });
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless,
    locale,
    ...(uiEnv ? { env: uiEnv } : {}),
    viewport: viewport === undefined ? { width: 1280, height: 900 } : viewport,
    args: [
      `--disable-extensions-except=${dist}`,
      `--load-extension=${dist}`,
      `--lang=${locale}`,
      ...CHROMIUM_FLAGS,
      // Exact performance.memory numbers (otherwise bucketed), for the heap diagnostics.
      '--enable-precise-memory-info',
    ],
  });
  const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    profileDir: userDataDir,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    async close({ keepProfile = !ownProfile } = {}) {
      await context.close().catch(() => {});
      if (!keepProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A headless Chromium without the extension, for baselines ("the page as it is without Kontext"). */
export async function launchPlain() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium not found');
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--enable-precise-memory-info'],
  });
}

/**
 * Collects console errors and uncaught page errors from every page and worker of a context
 * (the service worker's console arrives through the context too). `filter` drops known noise.
 */
export function collectErrors(context) {
  const errors = [];
  context.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location()?.url ?? '';
    errors.push(`console.error ${where}: ${message.text()}`);
  });
  context.on('weberror', (webError) => {
    errors.push(`page error ${webError.page()?.url() ?? ''}: ${webError.error().message}`);
  });
  return errors;
}

/**
 * Exceptions and console errors or warnings from our own scripts in any world of `page` (the
 * content script's isolated world included, which Playwright's page events do not cover), via
 * CDP; the page's own noise is left out. Returns the live list.
 */
export async function watchExtensionErrors(context, page) {
  const found = [];
  const ours = (url, text) => /^chrome-extension:\/\//.test(url ?? '') || /kontext/i.test(text ?? '');
  const cdp = await context.newCDPSession(page);
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails: d }) => {
    const url = d.url ?? d.stackTrace?.callFrames?.[0]?.url;
    const text = d.exception?.description ?? d.text;
    if (ours(url, text)) found.push(`exception ${url}: ${text}`.slice(0, 300));
  });
  cdp.on('Runtime.consoleAPICalled', ({ type, args, stackTrace }) => {
    const url = stackTrace?.callFrames?.[0]?.url;
    const text = args.map((a) => a.value ?? a.description).join(' ');
    if ((type === 'error' || type === 'warning') && ours(url, text)) found.push(`console.${type} ${url}: ${text}`.slice(0, 300));
  });
  await cdp.send('Runtime.enable');
  return found;
}

