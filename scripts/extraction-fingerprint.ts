/**
 * Fingerprints of what the extractor returns on every corpus and fixture page
 * (article fields, the mapped Text nodes with their offsets, the chosen root),
 * for refactors that must not change any answer: run it before and after a
 * change and compare.
 *
 *   npx tsx scripts/extraction-fingerprint.ts > /tmp/before.txt
 *   … change …
 *   npx tsx scripts/extraction-fingerprint.ts > /tmp/after.txt && diff /tmp/before.txt /tmp/after.txt
 *
 * One line per page: "<corpus>/<id> <sha1 of the fingerprint>".
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticleTraced } from '../src/dom/article/index.ts';
import { parseHtmlFile } from '../src/node/parse-html.ts';
import { aebCases, fundusCases, nonArticleCases, politicsCases, readabilityCases, gunzipText, type Case } from './eval-article-lib.ts';
import { parseHtmlString } from '../src/node/parse-html.ts';

const text = (html: string): string => parseHtmlString(`<!doctype html><html><body>${html}</body></html>`).body?.textContent ?? '';
const cases: Case[] = [
  ...aebCases(), ...fundusCases(), ...readabilityCases((gz) => text(gunzipText(gz))), ...nonArticleCases(), ...politicsCases(text),
];
const root = join(import.meta.dirname, '..');
for (const dir of ['fixtures', 'hostile-pages']) {
  const d = join(root, dir);
  if (!existsSync(d)) continue;
  for (const f of readdirSync(d).filter((n) => n.endsWith('.html')).sort()) {
    cases.push({ corpus: dir, group: 'all', id: f, file: join(d, f), url: null, gold: null });
  }
}

for (const c of cases) {
  const doc = await parseHtmlFile(c.file);
  const { result, trace } = extractArticleTraced(doc, { url: c.url });
  const parts: unknown[] = [trace.relaxed, trace.evidence?.verdict ?? null];
  if (result) {
    const map = result.map;
    parts.push(result.article, result.root.localName, result.root.getAttribute('class'),
      (map.nodes ?? []).map((n) => [map.toOffset(n, 0), n.data.length]));
    // Where offsets land in the DOM, at a stride over the text (segments inside nodes, not only node starts).
    const nodeIndex = new Map((map.nodes ?? []).map((n, i) => [n as Node, i]));
    const points: unknown[] = [];
    for (let o = 0; o < result.article.text.length; o += 37) {
      const b = map.toBoundaries?.(o, Math.min(o + 11, result.article.text.length)) ?? null;
      points.push(b ? [nodeIndex.get(b.startNode), b.startOffset, nodeIndex.get(b.endNode), b.endOffset] : null);
    }
    parts.push(points);
  }
  const sha = createHash('sha1').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
  console.log(`${c.corpus}/${c.id} ${sha}`);
}
