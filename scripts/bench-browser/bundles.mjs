// Builds what the benchmark injects into pages: Kontext's extraction
// (src/dom/article + text map) as one IIFE, and Readability.js wrapped so it
// defines a global instead of a CommonJS export. Both are evaluated in the
// page's main world, so both sides are timed by the same clock in the same page.
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** Source of an IIFE that defines globalThis.__kxKontext(url) → { ms, chars }. */
export async function extractionBundle(root) {
  const dir = mkdtempSync(join(tmpdir(), 'kontext-bench-'));
  try {
    const entry = join(dir, 'entry.ts');
    writeFileSync(entry, [
      `import { extractArticle } from ${JSON.stringify(join(root, 'src/dom/article/index.ts'))};`,
      'globalThis.__kxKontext = (url) => {',
      '  const t0 = performance.now();',
      '  const r = extractArticle(document, { url });',
      '  const ms = performance.now() - t0;',
      '  return { ms, chars: r ? r.article.text.length : 0 };',
      '};',
    ].join('\n'));
    const out = await build({ entryPoints: [entry], bundle: true, format: 'iife', write: false, target: 'es2022', minify: true, logLevel: 'silent' });
    return out.outputFiles[0].text;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Source that defines globalThis.__kxReadability() → { ms, chars } (parse on a clone, as the issue asks). */
export function readabilityBundle() {
  const src = readFileSync(require.resolve('@mozilla/readability/Readability.js'), 'utf8');
  return [
    '(() => { const module = { exports: {} };',
    src,
    'const R = module.exports;',
    'globalThis.__kxReadability = () => {',
    '  const t0 = performance.now();',
    '  const a = new R(document.cloneNode(true)).parse();',
    '  const ms = performance.now() - t0;',
    '  return { ms, chars: a && a.textContent ? a.textContent.length : 0 };',
    '}; })();',
  ].join('\n');
}
