// Which pages the benchmark opens, and one localhost root serving all of them
// (corpora, hostile pages, fixtures) through symlinks. Samples are chosen by a
// fixed stride over sorted names, so every run measures the same pages.
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CORPORA = process.env.KONTEXT_CORPORA ?? '/work/shared/corpora';

export function serveRoot(root) {
  const dir = mkdtempSync(join(tmpdir(), 'kontext-bench-root-'));
  if (existsSync(CORPORA)) symlinkSync(CORPORA, join(dir, 'c'));
  symlinkSync(join(root, 'hostile-pages'), join(dir, 'h'));
  symlinkSync(join(root, 'fixtures'), join(dir, 'f'));
  return dir;
}

/** n items at a fixed stride over `list` (all of it when it is no longer): the same sample every run. */
export function stride(list, n) {
  if (list.length <= n) return list;
  const step = list.length / n;
  return Array.from({ length: n }, (_, i) => list[Math.floor(i * step)]);
}

/** { name, path (URL path under the server), url (original, when known) } */
export function corpusSample({ aeb = 40, fundus = 20 } = {}) {
  const out = [];
  const aebDir = join(CORPORA, 'article-extraction-benchmark/html');
  if (existsSync(aebDir)) {
    let truth = {};
    try { truth = JSON.parse(readFileSync(join(CORPORA, 'article-extraction-benchmark/ground-truth.json'), 'utf8')); } catch { /* urls are optional */ }
    const files = readdirSync(aebDir).filter((f) => f.endsWith('.html.gz')).sort();
    for (const f of stride(files, aeb)) {
      const id = f.replace(/\.html\.gz$/, '');
      out.push({ name: `aeb/${id.slice(0, 8)}`, path: `/c/article-extraction-benchmark/html/${id}.html`, url: truth[id]?.url ?? null });
    }
  }
  const fIndex = join(CORPORA, 'fundus-test-pages/index.json');
  if (existsSync(fIndex)) {
    const entries = JSON.parse(readFileSync(fIndex, 'utf8')).filter((e) => e.html).sort((a, b) => a.html.localeCompare(b.html));
    for (const e of stride(entries, fundus)) {
      out.push({ name: `fundus/${e.publisher}`, path: `/c/fundus-test-pages/${e.html.replace(/\.gz$/, '')}`, url: e.url ?? null });
    }
  }
  return out;
}

export const SEED = { name: 'seed', path: '/f/hanoi-summit-rnd-dpa.html', url: null };

export const STRESS = ['article-1mb', 'quotes-5000', 'entities-20000', 'nodes-100000', 'dom-depth-2000']
  .map((n) => ({ name: `stress/${n}`, path: `/h/${n}.html`, url: null }));
