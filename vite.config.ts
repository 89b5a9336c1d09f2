/**
 * Two builds from one source: `vite build` → dist/ (Chrome MV3, side panel,
 * service worker) and `vite build --mode firefox` → dist-firefox/ (sidebar,
 * background scripts, gecko settings). The per-browser manifest differences
 * live in scripts/manifest-for-browser.ts.
 *
 * The content script is built as one standalone IIFE file: it runs on every
 * page, so it must stay small and split into no chunks. In the Chrome build a
 * one-line loader imports that file as a module (compiled off the page's main
 * thread), web-accessible only through Chrome's per-session dynamic id
 * (scripts/content-loader.ts).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { manifestForBrowser, type SourceManifest } from './scripts/manifest-for-browser.ts';
import { installContentLoader } from './scripts/content-loader.ts';

const root = import.meta.dirname;
const source = JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8')) as SourceManifest;

/** Runs scripts/content-loader.ts on the finished Chrome build, wherever it was written. */
function contentLoader(): Plugin {
  let outDir = '';
  return {
    name: 'kontext-content-loader',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      installContentLoader(outDir);
    },
  };
}

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
      // Chrome: the manifest's content script becomes a loader that imports the IIFE as a
      // module, so Chromium compiles it off the page's main thread (scripts/content-loader.ts).
      browser === 'chrome' && contentLoader(),
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
