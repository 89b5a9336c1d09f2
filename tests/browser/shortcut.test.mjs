// The real keyboard shortcut (manifest `commands`, Alt+Shift+K) toggling all highlights, in a
// headed Chromium on a private Xvfb display, keys sent with xdotool: Chromium fires extension
// commands only for real key events to a focused browser window, never for page.keyboard.
// Skipped with a message when Xvfb or xdotool is missing (never in CI, where setup installs them).

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { startServer } from '../../scripts/serve.mjs';
import { FIXTURES, collectErrors, launchWithExtension, readManifest } from './helpers/chromium.mjs';
import { countHighlightRanges, pollFor, waitForAnalysis } from './helpers/page.mjs';
import { SEED_PATH } from './helpers/session.mjs';

const XVFB = '/usr/bin/Xvfb';
const XDOTOOL = '/usr/bin/xdotool';
const missing = !existsSync(XVFB) ? 'Xvfb is not installed' : !existsSync(XDOTOOL) ? 'xdotool is not installed' : null;
if (missing && process.env.CI) throw new Error(`shortcut test cannot run in CI: ${missing}`);

/** The toggle command's key as xdotool spells it ("Alt+Shift+K" → "alt+shift+k"). */
function toggleKeys() {
  const key = readManifest().commands?.['toggle-highlights']?.suggested_key?.default;
  if (!key) throw new Error('the manifest has no toggle-highlights command with a suggested key');
  return key
    .split('+')
    .map((part) => ({ Ctrl: 'ctrl', Alt: 'alt', Shift: 'shift', Command: 'super', MacCtrl: 'ctrl', Period: 'period', Comma: 'comma' })[part] ?? part.toLowerCase())
    .join('+');
}

/** Starts Xvfb on the first free display from :90 and resolves once it accepts clients. */
async function startXvfb() {
  for (let display = 90; display < 110; display += 1) {
    if (existsSync(`/tmp/.X11-unix/X${display}`) || existsSync(`/tmp/.X${display}-lock`)) continue;
    const server = spawn(XVFB, [`:${display}`, '-screen', '0', '1280x1000x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    const ready = await pollFor(() => existsSync(`/tmp/.X11-unix/X${display}`) || server.exitCode !== null, { timeout: 5_000 });
    if (ready && server.exitCode === null) return { display: `:${display}`, process: server };
    server.kill();
  }
  throw new Error('no free X display for Xvfb');
}

describe('keyboard shortcut (headed, Xvfb)', { skip: missing ?? false }, () => {
  let xvfb;
  let server;
  let browser;
  let page;
  let errors;

  const xdotool = (...args) => execFileSync(XDOTOOL, args, { env: { ...process.env, DISPLAY: xvfb.display }, encoding: 'utf8', timeout: 10_000 }).trim();

  /** Focuses the browser window that shows the article and sends the toggle keys. */
  function pressToggle() {
    const windows = xdotool('search', '--onlyvisible', '--name', 'Gipfel in Hanoi').split('\n').filter(Boolean);
    assert.ok(windows.length > 0, 'no visible browser window with the article');
    xdotool('windowfocus', '--sync', windows[0]);
    xdotool('key', '--clearmodifiers', toggleKeys());
  }

  before(async () => {
    xvfb = await startXvfb();
    server = await startServer({ root: FIXTURES });
    browser = await launchWithExtension({ headless: false, viewport: null, env: { ...process.env, DISPLAY: xvfb.display } });
    errors = collectErrors(browser.context);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(server.url + SEED_PATH, { waitUntil: 'load' });
    await waitForAnalysis(page);
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    xvfb?.process.kill();
  });

  test('the toggle shortcut switches every highlight off, and on again', async () => {
    assert.ok((await countHighlightRanges(page)) > 0, 'no highlights before the shortcut');
    pressToggle();
    const off = await pollFor(async () => (await countHighlightRanges(page)) === 0, { timeout: 5_000 });
    assert.ok(off, `highlights still painted after ${toggleKeys()}`);
    pressToggle();
    const on = await pollFor(async () => (await countHighlightRanges(page)) > 0, { timeout: 5_000 });
    assert.ok(on, `highlights did not come back after a second ${toggleKeys()}`);
  });

  test('no console errors or page errors', () => {
    assert.deepEqual(errors, []);
  });
});
