/**
 * Kontext's content script: the thin layer that runs in every http(s) page.
 * It finds the article (src/dom/article), asks the background to analyse the
 * text (the engine and its models never load into pages), paints the result
 * (src/dom/paint) and shows popups (src/dom/popup). See page-session.ts for
 * the component diagram.
 *
 * Built as one standalone IIFE file (see vite.config.ts): no chunks, nothing
 * web-accessible, so pages cannot load or fingerprint our code.
 */
import { PageSession } from './page-session.ts';

if (window.top === window) {
  const session = new PageSession(document);
  session.start().catch(() => session.stop());
}
