/**
 * `npm run eval:article`: article detection and body extraction measured on
 * the shared corpora (../shared/corpora), one token-level P/R/F1 definition
 * for all (see eval-article-lib.ts), plus metadata accuracy on fundus and
 * extraction time per page. Skips with a message when the corpora are absent.
 *
 * Options: --corpus NAME (substring filter), --only A,B (pages whose id or
 * file name contains one of these), --worst N (pages listed per
 * corpus, default 5), --json FILE (per-page results), --repeat N (time each
 * page N times and keep the fastest run).
 */
import { writeFileSync } from 'node:fs';
import { extractArticle } from '../src/dom/article/index.ts';
import { parseHtmlFile, parseHtmlString } from '../src/node/parse-html.ts';
import {
  aebCases, corporaPresent, fundusCases, gunzipText, median, nonArticleCases, percentile, politicsCases, prf,
  readabilityCases, type Case, type Prf,
} from './eval-article-lib.ts';

interface PageResult {
  c: Case;
  accepted: boolean;
  score: Prf | null;
  ms: number;
  snippetsOk?: number;
  snippetsTotal?: number;
  meta?: { title: boolean | null; published: boolean | null; byline: boolean | null };
}

function arg(name: string): string | null {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] ?? null : null;
}

function textOfHtml(html: string): string {
  const doc = parseHtmlString(`<!doctype html><html><body>${html}</body></html>`);
  return doc.body?.textContent ?? '';
}

/** Readability keeps figure captions and credits, which Kontext leaves out by design: a second view without them. */
function textWithoutCaptions(html: string): string {
  const doc = parseHtmlString(`<!doctype html><html><body>${html}</body></html>`);
  const out: string[] = [];
  const walk = (n: Node): void => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) out.push((c as Text).data);
      else if (c.nodeType === 1 && !['figure', 'figcaption'].includes((c as Element).localName)) walk(c);
    }
  };
  if (doc.body) walk(doc.body);
  return out.join(' ');
}

const REPEAT = Math.max(1, Number(arg('--repeat') ?? 1));

// Invisible characters (soft hyphen, zero-width space, word joiner, BOM) do not make two titles differ:
// a reader cannot see them, and the extractor drops them from all text by design.
const norm = (s: string): string => s.toLowerCase().replace(/[\u00ad\u200b\u2060\ufeff]/g, '').replace(/[\s"'“”„«»‘’]+/g, ' ').trim();

function metaCheck(c: Case, a: { title: string | null; byline: string | null; published: string | null }): PageResult['meta'] {
  const m = c.meta;
  if (!m) return undefined;
  const title = m.title ? norm(a.title ?? '') === norm(m.title) : null;
  const published = m.published ? (a.published ?? '').slice(0, 10) === m.published.slice(0, 10) : null;
  const authors = (m.authors ?? []).filter((x) => x.trim().length > 0);
  const byline = authors.length > 0 ? authors.every((x) => norm(a.byline ?? '').includes(norm(x))) : null;
  return { title, published, byline };
}

async function run(c: Case): Promise<PageResult> {
  const doc = await parseHtmlFile(c.file);
  let ex = null;
  let ms = Infinity;
  // The fastest of REPEAT runs: the machine is shared, the minimum is the least disturbed measurement.
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now();
    ex = extractArticle(doc, { url: c.url });
    ms = Math.min(ms, performance.now() - t0);
  }
  const text = ex?.article.text ?? '';
  const r: PageResult = { c, accepted: ex !== null, score: null, ms };
  if (c.gold != null && c.gold.length > 0) r.score = prf(text, c.gold);
  if (c.mustHave || c.mustNotHave) {
    const flat = text.replace(/\s+/g, ' ');
    const has = (c.mustHave ?? []).filter((s) => flat.includes(s.replace(/\s+/g, ' '))).length;
    const hasNot = (c.mustNotHave ?? []).filter((s) => !flat.includes(s.replace(/\s+/g, ' '))).length;
    r.snippetsOk = has + hasNot;
    r.snippetsTotal = (c.mustHave ?? []).length + (c.mustNotHave ?? []).length;
  }
  if (ex) r.meta = metaCheck(c, ex.article);
  return r;
}

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

const f = (x: number): string => x.toFixed(3);

async function main(): Promise<void> {
  if (!corporaPresent()) {
    console.log('eval:article skipped: ../shared/corpora is absent (the corpus evaluation needs it).');
    return;
  }
  const filter = arg('--corpus');
  const only = arg('--only')?.split(',').filter((x) => x.length > 0) ?? null;
  const worstN = Number(arg('--worst') ?? 5);
  const cases = [
    ...aebCases(), ...fundusCases(), ...readabilityCases((p) => textOfHtml(gunzipText(p))),
    ...readabilityCases((p) => textWithoutCaptions(gunzipText(p)))
      .filter((c) => c.gold != null).map((c) => ({ ...c, group: `${c.group} (no captions)` })),
    ...nonArticleCases(),
    ...politicsCases(textOfHtml),
  ].filter((c) => (!filter || c.corpus.includes(filter)) && (!only || only.some((o) => c.id.includes(o) || c.file.includes(o))));
  const results: PageResult[] = [];
  for (const c of cases) {
    try {
      results.push(await run(c));
    } catch (e) {
      console.error(`error on ${c.corpus}/${c.id}: ${(e as Error).message}`);
    }
  }

  const groups = new Map<string, PageResult[]>();
  for (const r of results) {
    const key = `${r.c.corpus} ${r.c.group}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  console.log('\ncorpus / group                                       pages  accepted  rejected    P      R      F1   snippets  ms med  ms p95');
  for (const [key, rs] of groups) {
    const scored = rs.filter((r) => r.score);
    const ms = rs.map((r) => r.ms);
    const snip = rs.filter((r) => r.snippetsTotal);
    const snipStr = snip.length ? `${snip.reduce((n, r) => n + (r.snippetsOk ?? 0), 0)}/${snip.reduce((n, r) => n + (r.snippetsTotal ?? 0), 0)}` : '-';
    console.log(
      `${key.padEnd(52)} ${String(rs.length).padStart(5)} ${String(rs.filter((r) => r.accepted).length).padStart(9)} ${String(rs.filter((r) => !r.accepted).length).padStart(9)}  ` +
      (scored.length ? `${f(mean(scored.map((r) => r.score!.p)))}  ${f(mean(scored.map((r) => r.score!.r)))}  ${f(mean(scored.map((r) => r.score!.f1)))}` : '  -      -      -  ') +
      `  ${snipStr.padStart(8)}  ${median(ms).toFixed(1).padStart(6)}  ${percentile(ms, 0.95).toFixed(1).padStart(6)}`,
    );
  }

  const all = results.map((r) => r.ms);
  console.log(`\nextraction time, all ${all.length} pages: median ${median(all).toFixed(2)} ms, p95 ${percentile(all, 0.95).toFixed(2)} ms, max ${Math.max(...all).toFixed(1)} ms (linkedom, Node; parse time excluded)`);

  const fundus = results.filter((r) => r.c.corpus === 'fundus-test-pages');
  if (fundus.length) {
    for (const k of ['title', 'published', 'byline'] as const) {
      const have = fundus.filter((r) => r.c.meta && (k === 'title' ? r.c.meta.title : k === 'published' ? r.c.meta.published : (r.c.meta.authors ?? []).length > 0));
      const ok = have.filter((r) => r.meta?.[k] === true).length;
      console.log(`fundus metadata ${k.padEnd(9)}: ${ok}/${have.length} = ${f(have.length ? ok / have.length : 0)}`);
    }
    const byPub = new Map<string, number[]>();
    for (const r of fundus) if (r.score) byPub.set(`${r.c.group}:${r.c.id}`, [...(byPub.get(`${r.c.group}:${r.c.id}`) ?? []), r.score.f1]);
    const worst = [...byPub].map(([k, v]) => [k, mean(v)] as const).sort((a, b) => a[1] - b[1]).slice(0, worstN * 2);
    console.log(`fundus worst publishers: ${worst.map(([k, v]) => `${k} ${f(v)}`).join(', ')}`);
  }

  for (const [key, rs] of groups) {
    const wrong = rs.filter((r) => (r.c.gold == null) === r.accepted);
    const low = rs.filter((r) => r.score && r.c.gold != null).sort((a, b) => a.score!.f1 - b.score!.f1).slice(0, worstN);
    if (wrong.length === 0 && low.length === 0) continue;
    const parts: string[] = [];
    if (wrong.length) parts.push(`wrong decision: ${wrong.map((r) => r.c.id).join(', ')}`);
    if (low.length) parts.push(`lowest F1: ${low.map((r) => `${r.c.id.slice(0, 28)} ${f(r.score!.f1)} (P ${f(r.score!.p)} R ${f(r.score!.r)})`).join('; ')}`);
    console.log(`\n[${key}] ${parts.join('\n  ')}`);
  }

  const out = arg('--json');
  if (out) {
    writeFileSync(out, JSON.stringify(results.map((r) => ({ corpus: r.c.corpus, group: r.c.group, id: r.c.id, accepted: r.accepted, score: r.score, ms: r.ms, meta: r.meta })), null, 1));
  }
}

await main();
