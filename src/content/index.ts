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

function begin(): void {
  const session = new PageSession(document);
  session.start().catch(() => session.stop());
}

if (window.top === window) {
  // Chrome loads this file from a loader that runs at document_start, so the file compiles
  // while the page loads (scripts/content-loader.ts); like a document_idle script, the session
  // starts in a task of its own after DOMContentLoaded, once the page's own handlers have run.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => setTimeout(begin, 0), { once: true });
  else begin();
}
