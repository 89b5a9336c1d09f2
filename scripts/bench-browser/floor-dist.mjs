#!/usr/bin/env node
// Builds the "floor" variant of the Chrome build for `bench:browser` (docs/performance.md, "The
// floor"): dist/ copied to OUT with the module the loader imports replaced by the least any
// content script with Kontext's job does. Same loader, same manifest, same service worker.
//
// Usage: npm run build && npx tsx scripts/bench-browser/floor-dist.mjs /tmp/dist-floor
//        KONTEXT_DIST=/tmp/dist-floor node scripts/bench-browser.mjs --no-interactions
import { cpSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from '../../tests/browser/helpers/chromium.mjs';
import { COMPILE_HINT, MODULE_PATH } from '../content-loader.ts';

const FLOOR_SCRIPT = `(async () => {
  // Read the settings, walk the whole page once (every element's attribute names, every text
  // node's text), send the text to the service worker and wait for its answer, paint one
  // highlight, and set the state hook the benchmark waits for. No extraction, no engine.
  try {
    await chrome.storage.local.get('settings');
    const root = document.documentElement;
    root.setAttribute('data-kontext-state', 'analysing');
    const parts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === 3) parts.push(n.data);
      else n.getAttributeNames();
    }
    const text = parts.join(' ');
    await chrome.runtime.sendMessage({ type: 'cs/status', status: 'analysing', url: location.href, host: location.hostname, text }).catch(() => {});
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('p') ?? document.body);
    CSS.highlights.set('kontext-floor', new Highlight(range));
    root.setAttribute('data-kontext-state', 'ready');
  } catch {}
})();
`;

const out = process.argv[2];
if (!out) {
  console.error('usage: npx tsx scripts/bench-browser/floor-dist.mjs OUT_DIR');
  process.exit(2);
}
if (!existsSync(join(DIST, MODULE_PATH))) {
  console.error(`no Chrome build with the content-script loader in ${DIST}: run npm run build first`);
  process.exit(1);
}
rmSync(out, { recursive: true, force: true });
cpSync(DIST, out, { recursive: true });
writeFileSync(join(out, MODULE_PATH), COMPILE_HINT + FLOOR_SCRIPT);
console.log(`floor build in ${out}`);
