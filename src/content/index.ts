/**
 * Kontext's content script: the thin layer that runs in every http(s) page.
 * It finds the article (src/dom/article), asks the background to analyse the
 * text (the engine and its models never load into pages), paints the result
 * (src/dom/paint) and shows popups (src/dom/popup). See page-session.ts for
 * the component diagram.
 *
 * Built as one standalone IIFE file (see vite.config.ts): no chunks. Chrome
 * imports it as a module from a one-line loader, reachable only through the
 * per-session dynamic id, so pages cannot load or fingerprint our code
 * (scripts/content-loader.ts); Firefox runs it as the listed content script.
 */
import { PageSession } from './page-session.ts';

if (window.top === window) {
  const session = new PageSession(document);
  session.start().catch(() => session.stop());
}
