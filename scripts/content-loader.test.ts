import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  COMPILE_HINT,
  LOADER_PATH,
  LOADER_SOURCE,
  MINIMUM_CHROME_VERSION,
  MODULE_PATH,
  installContentLoader,
  manifestWithLoader,
} from './content-loader.ts';

const manifest = {
  manifest_version: 3,
  content_scripts: [{ js: [LOADER_PATH], matches: ['http://*/*', 'https://*/*'], run_at: 'document_idle' }],
};

describe('manifestWithLoader', () => {
  it('makes the module web-accessible to the content script pages, through the dynamic id only', () => {
    expect(manifestWithLoader(manifest)?.['web_accessible_resources']).toEqual([
      { resources: [MODULE_PATH], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true },
    ]);
  });

  it('keeps other entries, adds the module once, and leaves the content script entry alone', () => {
    const other = { resources: ['icons/a.png'], matches: ['https://x.example/*'], use_dynamic_url: true };
    const once = manifestWithLoader({ ...manifest, web_accessible_resources: [other] });
    const twice = manifestWithLoader(once ?? {});
    expect(twice?.['web_accessible_resources']).toHaveLength(2);
    expect(twice?.['content_scripts']).toEqual(manifest.content_scripts);
  });

  it('declares the oldest Chrome whose content scripts can import a dynamic-id resource, keeping a later one', () => {
    expect(manifestWithLoader(manifest)?.['minimum_chrome_version']).toBe(MINIMUM_CHROME_VERSION);
    expect(Number(MINIMUM_CHROME_VERSION)).toBeGreaterThanOrEqual(132);
    expect(manifestWithLoader({ ...manifest, minimum_chrome_version: '120' })?.['minimum_chrome_version']).toBe(MINIMUM_CHROME_VERSION);
    expect(manifestWithLoader({ ...manifest, minimum_chrome_version: '140.0.1' })?.['minimum_chrome_version']).toBe('140.0.1');
  });

  it('declines a manifest without that content script', () => {
    expect(manifestWithLoader({ manifest_version: 3 })).toBeNull();
    expect(manifestWithLoader({ content_scripts: [{ js: ['other.js'], matches: ['<all_urls>'] }] })).toBeNull();
  });
});

describe('installContentLoader', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('moves the built script to the module path, behind the compile hint, and leaves the loader in its place, once', () => {
    dir = mkdtempSync(join(tmpdir(), 'kontext-loader-'));
    mkdirSync(join(dir, 'src/content'), { recursive: true });
    writeFileSync(join(dir, LOADER_PATH), '(function(){window.x=1})();');
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
    installContentLoader(dir);
    installContentLoader(dir);
    expect(readFileSync(join(dir, MODULE_PATH), 'utf8')).toBe(`${COMPILE_HINT}(function(){window.x=1})();`);
    expect(COMPILE_HINT).toBe('//# allFunctionsCalledOnLoad\n');
    expect(readFileSync(join(dir, LOADER_PATH), 'utf8')).toBe(LOADER_SOURCE);
    const written = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(written['web_accessible_resources']).toHaveLength(1);
  });

  it('refuses a folder whose content script is missing from the manifest', () => {
    dir = mkdtempSync(join(tmpdir(), 'kontext-loader-'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3 }));
    expect(() => installContentLoader(dir)).toThrow(/no content script/);
  });
});

describe('the loader', () => {
  it('imports the module by the runtime URL and swallows a failure', () => {
    expect(LOADER_SOURCE).toContain(`chrome.runtime.getURL("${MODULE_PATH}")`);
    const calls: string[] = [];
    const run = new Function('chrome', 'importer', LOADER_SOURCE.replace('import(', 'importer('));
    run({ runtime: { getURL: (p: string) => `chrome-extension://id/${p}` } }, (url: string) => {
      calls.push(url);
      return Promise.reject(new Error('blocked'));
    });
    expect(calls).toEqual([`chrome-extension://id/${MODULE_PATH}`]);
    expect(() => run(undefined, () => Promise.resolve())).not.toThrow();
  });
});
