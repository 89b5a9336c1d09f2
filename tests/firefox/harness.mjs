// One Firefox session per test file: the fixture server, firefox-esr with the Firefox build
// (dist-firefox/) installed as a temporary add-on, and an error collector fed from two places:
//  - BiDi `log.entryAdded` (errors and console.error in the page's realms);
//  - the browser console's script errors, read from the privileged (chrome) scope: uncaught
//    errors and unhandled rejections from the extension's background, content script and
//    pages, some of which BiDi's log does not report.
// The chrome scope (`--remote-allow-system-access`) is also how the toolbar shortcut is pressed:
// BiDi's input actions only reach web content, and extension shortcuts live in the browser window.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFirefox, launchFirefox, until } from './bidi-client.mjs';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = join(ROOT, 'fixtures');
export const DIST_FIREFOX = process.env.KONTEXT_DIST_FIREFOX ?? join(ROOT, 'dist-firefox');
export const SEED_PATH = '/hanoi-summit-rnd-dpa.html';
export const NON_ARTICLE_PATH = '/non-article/trafilatura__apache.html';
export const KINDS = ['quote', 'per', 'loc', 'org', 'misc'];
/** States the content script passes through before it settles (docs/testing-hooks.md). */
const BUSY_STATES = ['analysing'];

/** Why this suite cannot run here, or null. A missing build is a failure, not a skip. */
export function skipReason() {
  return findFirefox() ? null : 'firefox-esr not installed';
}

/**
 * Opens the session. `errors()` returns every error seen so far from the page and from the
 * extension (each as "where: text").
 */
export async function openSession() {
  if (!existsSync(join(DIST_FIREFOX, 'manifest.json'))) {
    throw new Error(`no Firefox build in ${DIST_FIREFOX}: run \`npm run build:firefox\` first`);
  }
  const server = await startServer({ root: FIXTURES });
  let firefox;
  try {
    firefox = await launchFirefox({ systemAccess: true });
  } catch (error) {
    await server.close();
    throw error;
  }
  const pageErrors = [];
  const close = async () => {
    await firefox.close();
    await server.close();
  };
  try {
    await firefox.send('session.subscribe', { events: ['log.entryAdded'] });
    firefox.onEvent((event) => {
      if (event.method !== 'log.entryAdded' || event.params.level !== 'error') return;
      const where = event.params.source?.context ? 'page' : 'browser';
      pageErrors.push(`${where} (${event.params.type}${event.params.method ? '.' + event.params.method : ''}): ${event.params.text}`);
    });
    const chromeTree = await firefox.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 });
    const chromeContext = chromeTree.contexts[0]?.context;
    if (!chromeContext) throw new Error('no browser window in the chrome scope');
    const extensionId = await firefox.installExtension(DIST_FIREFOX);
    const extensionHost = await firefox.evaluate(`WebExtensionPolicy.getByID(${JSON.stringify(extensionId)})?.mozExtensionHostname ?? null`, { context: chromeContext });
    if (!extensionHost) throw new Error(`extension ${extensionId} is not active after install`);

    return {
      firefox,
      server,
      extensionId,
      extensionHost,
      close,
      /** Evaluates in the browser window's privileged scope. */
      evaluateChrome: (expression) => firefox.evaluate(expression, { context: chromeContext }),
      async errors() {
        const consoleErrors = await firefox.evaluate(browserConsoleErrors(extensionHost, server.url), { context: chromeContext });
        return [...pageErrors, ...consoleErrors];
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Privileged-scope expression listing uncaught script errors and unhandled rejections (not
 * warnings or info) whose source is the extension (moz-extension://<host>/…: background,
 * content script, extension pages) or the fixture server. Firefox's own chrome noise is left
 * out. console.error calls are not here: the extension's run in the extension process, whose
 * console API storage the parent cannot read; the content script's reach BiDi's log.
 */
export function browserConsoleErrors(extensionHost, pageOrigin) {
  return `(() => {
    const ours = (text) => typeof text === 'string' && (text.includes(${JSON.stringify(extensionHost)}) || text.startsWith(${JSON.stringify(pageOrigin)}));
    const out = [];
    for (const message of Services.console.getMessageArray() ?? []) {
      if (!(message instanceof Ci.nsIScriptError)) continue;
      const isError = (message.flags & (Ci.nsIScriptError.warningFlag | Ci.nsIScriptError.infoFlag)) === 0;
      if (isError && ours(message.sourceName)) out.push('script error ' + message.sourceName + ':' + message.lineNumber + ': ' + message.errorMessage);
    }
    return out;
  })()`;
}

/** Waits until the content script has settled on the current page; returns its state. */
export function settledState(firefox, timeout = 30_000) {
  return until(
    () =>
      firefox.evaluate(`(() => {
        const state = document.documentElement.dataset.kontextState;
        return state && !${JSON.stringify(BUSY_STATES)}.includes(state) ? state : null;
      })()`),
    { timeout, interval: 150 },
  );
}

/** Page expression: size of every kontext-* highlight in the registry, by name. */
export const HIGHLIGHT_SIZES = `(() => {
  const sizes = {};
  if (typeof CSS === 'undefined' || !CSS.highlights) return sizes;
  for (const [name, highlight] of CSS.highlights) if (name.startsWith('kontext-')) sizes[name] = highlight.size;
  return sizes;
})()`;

/** Page expression: whether anything the painter adds (style sheet, fallback marks) is in the DOM. */
export const PAINT_TRACES = `(() => ({
  style: Boolean(document.getElementById('kontext-highlight-style')),
  marks: document.querySelectorAll('kontext-mark').length,
  popups: document.querySelectorAll('kontext-popup').length,
}))()`;
