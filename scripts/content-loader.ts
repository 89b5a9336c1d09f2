/**
 * Chrome build only: the content script listed in the manifest becomes a one-line
 * loader that imports the real script (the standalone IIFE crxjs builds) as a module.
 *
 * Why: Chromium compiles a manifest content script on the page's main thread every
 * time a page loads (about 6 ms for our 110 KB on the benchmark machine, before any
 * of our code runs), and then each function the first time it is called, while a module
 * script is compiled on a background thread while it streams in, with every function
 * when the file asks for it (COMPILE_HINT). Measured side by side in docs/performance.md.
 *
 * What it costs: the module must be a web-accessible resource. It is declared with
 * `use_dynamic_url`, so pages can only reach it through a per-session random id that
 * they never see; the static `chrome-extension://<id>/…` address, which would let any
 * page detect the extension, stays closed (checked in scripts/permissions.test.ts and
 * tests/privacy/). Firefox keeps the plain content script: it caches compiled content
 * scripts itself and its linter rejects a computed import().
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The content script path in the built manifest (crxjs writes the IIFE here). */
export const LOADER_PATH = 'src/content/index.js';
/** Where the real content script moves to. */
export const MODULE_PATH = 'src/content/kontext.js';

/**
 * V8's explicit compile hint (Chrome 136+): compile every function of this file eagerly. A
 * streamed script is compiled on a background thread, so the functions the page load then calls
 * arrive as bytecode instead of being compiled lazily on the page's main thread one by one (about
 * 14 ms per page load on the benchmark machine, docs/performance.md). Other engines read a comment.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/**
 * The loader. A failed import (extension reloaded, resource blocked) leaves the page as
 * it was and logs nothing, like a content script that finds no article.
 */
export const LOADER_SOURCE =
  `(()=>{try{import(chrome.runtime.getURL(${JSON.stringify(MODULE_PATH)})).catch(()=>{})}catch{}})();\n`;

/**
 * The oldest Chrome the loader is declared for. Chrome 130 started honouring `use_dynamic_url`
 * with a bug that refused a content script's import() of such a resource (a CSP error, no
 * content script at all: reported by extension authors in October 2024 and fixed soon after;
 * reported working in 132); before 130 the key was ignored and the module sat under the static,
 * detectable address. 136 is also the first version with the compile hint. Only Chromium 156 is
 * tested here; versions below 136 were over 18 months old when this was written.
 */
export const MINIMUM_CHROME_VERSION = '136';

type Json = Record<string, unknown>;

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Json)[key] : undefined;
}

interface WebAccessibleEntry {
  resources: string[];
  matches: string[];
  use_dynamic_url: boolean;
}

/**
 * The manifest with the loader in place: the content script entry keeps its path (now the
 * loader's) and the module is web-accessible to the same pages, through the dynamic id only;
 * Chrome versions where that import fails are excluded (MINIMUM_CHROME_VERSION).
 * Returns null when the manifest has no content script at LOADER_PATH.
 */
export function manifestWithLoader(manifest: Json): Json | null {
  const entry = list(manifest['content_scripts']).find((s) => list(field(s, 'js')).includes(LOADER_PATH));
  if (!entry) return null;
  const matches = list(field(entry, 'matches')).filter((m): m is string => typeof m === 'string');
  const existing = list(manifest['web_accessible_resources']);
  const already = existing.some((w) => list(field(w, 'resources')).includes(MODULE_PATH));
  const added: WebAccessibleEntry = { resources: [MODULE_PATH], matches, use_dynamic_url: true };
  const declared = Number.parseInt(String(manifest['minimum_chrome_version'] ?? '0'), 10);
  const minimum = declared >= Number(MINIMUM_CHROME_VERSION) ? manifest['minimum_chrome_version'] : MINIMUM_CHROME_VERSION;
  return {
    ...manifest,
    minimum_chrome_version: minimum,
    web_accessible_resources: already ? existing : [...existing, added],
  };
}

/** Rewrites a built Chrome extension folder in place: module moved, loader written, manifest updated. */
export function installContentLoader(dist: string): void {
  const manifestFile = join(dist, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Json;
  const updated = manifestWithLoader(manifest);
  if (!updated) throw new Error(`content-loader: no content script at ${LOADER_PATH} in ${manifestFile}`);
  const script = join(dist, LOADER_PATH);
  const current = readFileSync(script, 'utf8');
  if (current !== LOADER_SOURCE) {
    if (existsSync(join(dist, MODULE_PATH))) throw new Error(`content-loader: ${MODULE_PATH} exists but ${LOADER_PATH} is not the loader`);
    writeFileSync(join(dist, MODULE_PATH), COMPILE_HINT + current);
    rmSync(script);
    writeFileSync(script, LOADER_SOURCE);
  }
  writeFileSync(manifestFile, `${JSON.stringify(updated, null, 2)}\n`);
}
