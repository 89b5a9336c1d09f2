/**
 * Corpus loaders and the scoring definition for `npm run eval:article`.
 * One token-level definition for every corpus: tokens are maximal runs of
 * letters/digits, lower-cased; precision and recall are the multiset overlap
 * of extracted vs gold tokens over each side's count; a corpus score is the
 * mean over its pages (a page the extractor rejects scores 0 for P, R, F1).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface Prf {
  p: number;
  r: number;
  f1: number;
}

export function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function prf(extracted: string, gold: string): Prf {
  const e = tokens(extracted);
  const g = tokens(gold);
  if (e.length === 0 || g.length === 0) return { p: 0, r: 0, f1: 0 };
  const counts = new Map<string, number>();
  for (const t of g) counts.set(t, (counts.get(t) ?? 0) + 1);
  let hit = 0;
  for (const t of e) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      hit++;
      counts.set(t, c - 1);
    }
  }
  const p = hit / e.length;
  const r = hit / g.length;
  return { p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

export interface GoldMeta {
  title?: string | null;
  authors?: string[];
  published?: string | null;
}

export interface Case {
  corpus: string;
  group: string;
  id: string;
  /** HTML bytes (gzip as stored). */
  file: string;
  url: string | null;
  /** Gold body text; null = the page is not an article. */
  gold: string | null;
  /** Snippets that must / must not appear (trafilatura-style ground truth). */
  mustHave?: string[];
  mustNotHave?: string[];
  meta?: GoldMeta;
}

export const CORPORA = join(import.meta.dirname, '..', '..', 'shared', 'corpora');

function json<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

export function corporaPresent(): boolean {
  return existsSync(CORPORA);
}

export function aebCases(): Case[] {
  const dir = join(CORPORA, 'article-extraction-benchmark');
  if (!existsSync(dir)) return [];
  const gt = json<Record<string, { url: string; articleBody: string }>>(join(dir, 'ground-truth.json'));
  return Object.entries(gt).map(([id, v]) => ({
    corpus: 'article-extraction-benchmark', group: 'all', id, file: join(dir, 'html', `${id}.html.gz`), url: v.url, gold: v.articleBody,
  }));
}

interface FundusBody {
  summary?: string[];
  sections?: { headline?: string[]; paragraphs?: string[] }[];
}
interface FundusEntry {
  title?: string | null;
  authors?: string[];
  publishing_date?: string | null;
  body?: FundusBody;
}

export function fundusBodyText(body: FundusBody | undefined): string {
  return (body?.sections ?? []).flatMap((s) => [...(s.headline ?? []), ...(s.paragraphs ?? [])]).join('\n\n');
}

export function fundusCases(): Case[] {
  const dir = join(CORPORA, 'fundus-test-pages');
  if (!existsSync(dir)) return [];
  const index = json<{ country: string; lang_expected: string; publisher: string; html: string; url: string; gt_json: string; gt_version: string }[]>(join(dir, 'index.json'));
  return index.map((e) => {
    const entry = json<Record<string, FundusEntry>>(join(dir, e.gt_json))[e.gt_version] ?? {};
    return {
      corpus: 'fundus-test-pages', group: e.lang_expected === 'de' ? 'German' : 'English', id: e.publisher,
      file: join(dir, e.html), url: e.url, gold: fundusBodyText(entry.body),
      meta: { title: entry.title ?? null, authors: entry.authors ?? [], published: entry.publishing_date ?? null },
    };
  });
}

export function readabilityCases(htmlText: (gz: string) => string): Case[] {
  const dir = join(CORPORA, 'readability-test-pages');
  if (!existsSync(dir)) return [];
  const index = json<{ id: string; category: string }[]>(join(dir, 'index.json'));
  return index
    .filter((e) => e.category === 'news-article' || e.category === 'other-article' || e.category === 'non-article')
    .map((e) => ({
      corpus: 'readability-test-pages', group: e.category, id: e.id, file: join(dir, 'pages', e.id, 'source.html.gz'), url: null,
      gold: e.category === 'non-article' ? null : htmlText(join(dir, 'pages', e.id, 'expected.html.gz')),
    }));
}

export function nonArticleCases(): Case[] {
  const dir = join(CORPORA, 'non-article-pages');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.html.gz')).map((f) => ({
    corpus: 'non-article-pages', group: 'all', id: f.replace(/\.html\.gz$/, ''), file: join(dir, f), url: null, gold: null,
  }));
}

interface PoliticsGt {
  id: string;
  url?: string;
  lang: string;
  html: string;
  body?: FundusBody;
  expected_text?: string;
  expected_html?: string;
  with_snippets?: string[];
  without_snippets?: string[];
  comment_snippets?: string[];
}

export function politicsCases(htmlStringText: (html: string) => string): Case[] {
  const dir = join(CORPORA, 'news-politics-fixtures');
  if (!existsSync(dir)) return [];
  const index = json<{ id: string }[]>(join(dir, 'index.json'));
  return index.map((e) => {
    const gt = json<PoliticsGt>(join(dir, 'pages', `${e.id}.gt.json`));
    const gold = gt.body ? fundusBodyText(gt.body) : gt.expected_text ?? (gt.expected_html ? htmlStringText(gt.expected_html) : null);
    const c: Case = {
      corpus: 'news-politics-fixtures', group: gt.lang, id: e.id, file: join(dir, gt.html), url: gt.url ?? null, gold: gold ?? '',
    };
    if (gt.with_snippets) c.mustHave = gt.with_snippets;
    if (gt.without_snippets || gt.comment_snippets) c.mustNotHave = [...(gt.without_snippets ?? []), ...(gt.comment_snippets ?? [])];
    return c;
  });
}

export function gunzipText(path: string): string {
  return gunzipSync(readFileSync(path)).toString('utf8');
}

export function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export function percentile(xs: number[], q: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
}
