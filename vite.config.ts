/**
 * Two builds from one source: `vite build` → dist/ (Chrome MV3, side panel,
 * service worker) and `vite build --mode firefox` → dist-firefox/ (sidebar,
 * background scripts, gecko settings). The per-browser manifest differences
 * live in scripts/manifest-for-browser.ts.
 *
 * The content script is built as one standalone IIFE file: it runs on every
 * page, so it must stay small, load without extra requests and expose no
 * web-accessible chunks to pages.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { manifestForBrowser, type SourceManifest } from './scripts/manifest-for-browser.ts';

const root = import.meta.dirname;
const source = JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8')) as SourceManifest;

export default defineConfig(({ mode }) => {
  const browser = mode === 'firefox' ? 'firefox' : 'chrome';
  const manifest = manifestForBrowser(source, browser) as unknown as ManifestV3Export;
  return {
    plugins: [
      preact(),
      crx({
        manifest,
        browser,
        liveReload: false,
        contentScripts: { standaloneFiles: ['src/content/index.ts'] },
      }),
    ],
    build: {
      outDir: browser === 'firefox' ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      target: browser === 'firefox' ? 'firefox140' : 'chrome116',
      sourcemap: false,
      minify: true,
      rollupOptions: {
        // crxjs does not pick up sidebar_action's page by itself; the side panel is
        // listed for both browsers so the page path is the same in dist/ and dist-firefox/.
        input: { sidepanel: resolve(root, 'src/sidepanel/index.html') },
      },
    },
  };
});
