// Issue 4 ("How fast"): quote detection + attribution (findQuotes) per 10,000
// characters in Chromium and in Node, measured in one run, on the seed article
// repeated to 10 kB, 100 kB and 1 MB (the texts of scripts/bench.ts section 5).
// Both sides run the same esbuild IIFE (Node evaluates it with vm), so the only
// difference is the JavaScript engine's host. Entities come from the real tagger,
// computed once in Node (the model is large and not what is measured) and passed
// to the page as JSON; tokens and sentences are rebuilt on each side, outside the
// timed region. Timed: findQuotes(input) alone, fastest of a few warm samples, by
// performance.now() on both sides (the same clock method, so the columns compare).
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInThisContext } from 'node:vm';
import { launchPlain } from '../../tests/browser/helpers/chromium.mjs';
import { fmt, median, table } from './stats.mjs';

const SIZES = [10_000, 100_000, 1_000_000];
const TARGET_MS_PER_10K = 2;

/** Timed samples per size, after ≥ 300 ms of warm-up calls (a sample is ≥ 200 kB of text: 20 calls at 10 kB). */
const rounds = (size) => (size >= 1_000_000 ? 5 : 9);

/** The seed article repeated, cut at a paragraph end near `chars` (as bench.ts section 5 does). */
function seedTextOfSize(seed, chars) {
  let text = seed;
  while (text.length < chars) text += `\n\n${seed}`;
  const cut = text.lastIndexOf('\n\n', chars);
  return cut > chars / 2 ? text.slice(0, cut) : text.slice(0, chars);
}

// Runs wherever the bundle was evaluated (page or Node): prepares the input
// untimed, then times findQuotes alone. `kx` is the bundle's global.
const TIMER = `globalThis.__kxTimeQuotes = (text, entities, rounds) => {
  const kx = globalThis.__kxQuotes;
  const tokens = kx.tokenize(text);
  const sentences = kx.splitSentences(text, tokens, 'de');
  const input = { text, tokens, sentences, lang: 'de', entities };
  const found = kx.findQuotes(input).filter((q) => q.kind === 'direct' && q.confidence >= 0.5).length;
  // Warm up by time, not by count, so the optimising compiler has had its chance at every size.
  const w0 = performance.now();
  for (let i = 0; i < 3 || performance.now() - w0 < 300; i++) kx.findQuotes(input);
  // Small texts are timed in batches: Chromium coarsens performance.now() to 0.1 ms.
  const batch = Math.max(1, Math.round(200000 / text.length));
  const ms = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    for (let b = 0; b < batch; b++) kx.findQuotes(input);
    ms.push((performance.now() - t0) / batch);
  }
  return { found, ms };
};`;

async function bundle(root, dir, name, source, format) {
  const entry = join(dir, `${name}.ts`);
  writeFileSync(entry, source);
  const out = await build({
    entryPoints: [entry], bundle: true, format, platform: format === 'esm' ? 'node' : 'neutral',
    write: false, target: 'es2022', logLevel: 'silent', absWorkingDir: root,
  });
  return out.outputFiles[0].text;
}

/** { quotesSrc: IIFE defining __kxQuotes + __kxTimeQuotes, prepare(text) → EntityDetail[] (Node only) }. */
async function buildBundles(root) {
  const dir = mkdtempSync(join(tmpdir(), 'kontext-quotes-bench-'));
  try {
    const src = (p) => JSON.stringify(join(root, p));
    const quotesSrc = await bundle(root, dir, 'quotes', [
      `import { findQuotes } from ${src('src/core/quotes/index.ts')};`,
      `import { splitSentences, tokenize } from ${src('src/core/tokenize.ts')};`,
      'globalThis.__kxQuotes = { findQuotes, splitSentences, tokenize };',
    ].join('\n'), 'iife') + '\n' + TIMER;
    const prepSrc = await bundle(root, dir, 'prepare', [
      `import { loadNerModel, recognizeEntities } from ${src('src/core/ner/index.ts')};`,
      `import { KnowledgeBase } from ${src('src/core/knowledge/index.ts')};`,
      `import { splitSentences, tokenize } from ${src('src/core/tokenize.ts')};`,
      'export async function prepare(texts) {',
      "  const model = await loadNerModel('de');",
      '  const knowledge = KnowledgeBase.default();',
      '  return texts.map((text) => {',
      '    const tokens = tokenize(text);',
      "    const sentences = splitSentences(text, tokens, 'de');",
      "    return recognizeEntities({ text, tokens, sentences, lang: 'de', knowledge, model });",
      '  });',
      '}',
    ].join('\n'), 'esm');
    const prepFile = join(dir, 'prepare.mjs');
    writeFileSync(prepFile, prepSrc);
    const { prepare } = await import(pathToFileURL(prepFile).href);
    return { quotesSrc, prepare };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs measure(sizeIndex) over all sizes twice and pools each size's samples: the first
 * size measured right after loading shares the cores with background compilation and GC.
 */
async function passes(measure) {
  const out = SIZES.map(() => ({ found: 0, ms: [] }));
  for (let pass = 0; pass < 2; pass++) {
    for (let i = 0; i < SIZES.length; i++) {
      const r = await measure(i);
      out[i].found = r.found;
      out[i].ms.push(...r.ms);
    }
  }
  return out;
}

/** Measures every size in Node and in a blank Chromium page; returns one row per size. */
export async function quotesBench({ root, log }) {
  const seed = readFileSync(join(root, 'fixtures/hanoi-summit-rnd-dpa.txt'), 'utf8').trim();
  const texts = SIZES.map((s) => seedTextOfSize(seed, s));
  const { quotesSrc, prepare } = await buildBundles(root);
  const entities = await prepare(texts);
  log(`quotes: entities prepared (${entities.map((e) => e.length).join(' / ')})`);

  runInThisContext(quotesSrc);
  const node = await passes((i) => globalThis.__kxTimeQuotes(texts[i], entities[i], rounds(texts[i].length)));

  const browser = await launchPlain();
  const chromium = [];
  let chromiumVersion;
  try {
    const page = await browser.newPage();
    await page.goto('about:blank');
    await page.evaluate(quotesSrc);
    chromium.push(...await passes((i) => page.evaluate(([t, e, r]) => globalThis.__kxTimeQuotes(t, e, r), [texts[i], entities[i], rounds(texts[i].length)])));
    chromiumVersion = browser.version();
  } finally {
    await browser.close();
  }
  return {
    chromiumVersion,
    rows: texts.map((t, i) => ({ chars: t.length, node: node[i], chromium: chromium[i] })),
  };
}

export function quotesTable({ rows, chromiumVersion }) {
  const per10k = (ms, chars) => ms / (chars / 10_000);
  const best = (r) => Math.min(...r.ms);
  const base = rows[0];
  const cells = rows.map((r) => {
    const n = per10k(best(r.node), r.chars), c = per10k(best(r.chromium), r.chars);
    const n0 = per10k(best(base.node), base.chars), c0 = per10k(best(base.chromium), base.chars);
    return [
      `${Math.round(r.chars / 1000)} kB`, r.chars, r.node.found === r.chromium.found ? r.node.found : `${r.node.found} / ${r.chromium.found}`,
      fmt(best(r.node), 2), fmt(n, 2), fmt(n / n0, 2), fmt(median(r.node.ms), 2),
      fmt(best(r.chromium), 2), fmt(c, 2), fmt(c / c0, 2), fmt(median(r.chromium.ms), 2),
      Math.max(n, c) < TARGET_MS_PER_10K ? 'yes' : 'NO',
    ];
  });
  const head = ['text', 'chars', 'quotes', 'Node ms', 'Node ms/10k', 'Node ratio to 10 kB', 'Node median ms',
    'Chromium ms', 'Chromium ms/10k', 'Chromium ratio to 10 kB', 'Chromium median ms', `both < ${TARGET_MS_PER_10K} ms/10k`];
  return `Quote detection + attribution (findQuotes, German, tagger entities prepared; Node ${process.version}, Chromium ${chromiumVersion}; ms per call, fastest of 2 × ${rows.map((r) => rounds(r.chars)).join('/')} warm samples)\n`
    + table(head, cells);
}
