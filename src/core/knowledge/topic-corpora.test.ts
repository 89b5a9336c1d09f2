/**
 * Topic matching over real pages (../shared/corpora): the fundus test
 * pages (ground-truth title and body) and the politics fixtures (page
 * text without scripts, navigation and footers). Prints the table of
 * scores; the Korea stories must match and nothing else. Skips, saying
 * so, where ../shared is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { KnowledgeBase } from './index.ts';
import type { Lang } from '../types.ts';

const CORPORA = fileURLToPath(new URL('../../../../shared/corpora/', import.meta.url));
const present = existsSync(`${CORPORA}fundus-test-pages/index.json`) && existsSync(`${CORPORA}news-politics-fixtures/index.json`);
if (!present) console.warn(`topic-corpora: skipped, ${CORPORA} not found (../shared absent)`);

/** Pages that are about the US–North Korea talks (by reading them): Kim's reappearance with Trump's reaction; Pyongyang condemning a US–South Korea drill. */
const KOREA_STORIES = new Set(['de-traf-fr-de-nordkorea', 'en-n4k-yna_co_kr']);

interface Row {
  id: string;
  lang: Lang;
  score: number;
  matched: boolean;
  evidence: string;
}

function pageText(file: string): { title: string | null; text: string } {
  const bytes = gunzipSync(readFileSync(file));
  const head = bytes.subarray(0, 4000).toString('latin1');
  const charset = /charset=["']?([\w-]+)/i.exec(head)?.[1] ?? 'utf-8';
  let html: string;
  try {
    html = new TextDecoder(charset).decode(bytes);
  } catch {
    html = new TextDecoder('utf-8').decode(bytes);
  }
  const { document } = parseHTML(html);
  for (const el of document.querySelectorAll('script, style, noscript, nav, header, footer, aside, form')) el.remove();
  const root = document.querySelector('article') ?? document.querySelector('main') ?? document.body;
  return { title: document.querySelector('title')?.textContent?.trim() ?? null, text: (root?.textContent ?? '').replace(/\s+/g, ' ') };
}

describe.skipIf(!present)('topic matching on real pages', () => {
  const kb = KnowledgeBase.default();
  const rows: Row[] = [];
  const score = (id: string, lang: Lang, title: string | null, text: string): void => {
    const m = kb.matchTopics({ text, title, lang, entities: [], concepts: [] }).find((t) => t.id === 'korea-talks')!;
    rows.push({ id, lang, score: m.score, matched: m.matched, evidence: m.evidence.join(', ') });
  };

  it('scores every page', () => {
    const fundus = JSON.parse(readFileSync(`${CORPORA}fundus-test-pages/index.json`, 'utf8')) as {
      html: string;
      gt_json: string;
      gt_version: string;
      lang_expected: string;
    }[];
    for (const p of fundus) {
      const gt = JSON.parse(readFileSync(`${CORPORA}fundus-test-pages/${p.gt_json}`, 'utf8')) as Record<
        string,
        { title?: string; body?: { summary?: string[]; sections?: { headline?: string[]; paragraphs?: string[] }[] } }
      >;
      const a = gt[p.gt_version];
      if (a === undefined) continue;
      const body = [...(a.body?.summary ?? []), ...(a.body?.sections ?? []).flatMap((s) => [...(s.headline ?? []), ...(s.paragraphs ?? [])])].join('\n\n');
      score(`fundus/${p.html}`, p.lang_expected === 'de' ? 'de' : 'en', a.title ?? null, body);
    }
    const politics = JSON.parse(readFileSync(`${CORPORA}news-politics-fixtures/index.json`, 'utf8')) as { id: string; lang: string }[];
    for (const p of politics) {
      const { title, text } = pageText(`${CORPORA}news-politics-fixtures/pages/${p.id}.html.gz`);
      score(p.id, p.lang === 'de' ? 'de' : 'en', title, text);
    }
    rows.sort((a, b) => b.score - a.score);
    console.log(
      `korea-talks topic scores (${rows.length} pages, threshold 0.5):\n` +
        rows
          .slice(0, 25)
          .map((r) => `${r.matched ? 'MATCH' : '     '} ${r.score.toFixed(3)}  ${r.id}  [${r.evidence}]`)
          .join('\n'),
    );
    expect(rows.length).toBeGreaterThan(150);
    for (const id of KOREA_STORIES) expect(rows.find((r) => r.id === id)?.matched, id).toBe(true);
    expect(rows.filter((r) => r.matched && !KOREA_STORIES.has(r.id)).map((r) => r.id)).toEqual([]);
  });
});
