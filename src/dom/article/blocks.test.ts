/**
 * The scanner reads each element's attributes once and asks patterns.ts
 * (isJunkElement, isHiddenElement) only when an attribute those checks read
 * is present, reusing the junk verdict for a class string it has seen. These
 * tests hold that shortcut to the patterns' own answers: every block must be
 * junk exactly when isJunkElement says so and present exactly when
 * isHiddenElement says it is visible, whatever attributes come in whatever
 * order, repeated or not.
 */
import { describe, expect, it } from 'vitest';
import { parseHtmlString } from '../../node/parse-html.ts';
import { scanBlocks } from './blocks.ts';
import { forgetJunkVerdicts, isHiddenElement, isJunkElement } from './patterns.ts';

const ATTRS = [
  '', 'class="story"', 'class="related-links"', 'class="article-header"', 'class="article-header meta"', 'class="ad-slot"',
  'id="comments"', 'id="main-story"', 'id="sharing-with-a-single-developer"', 'role="navigation"', 'role="main"',
  'style="display:none"', 'style="color:red"', 'hidden', 'aria-hidden="true"', 'aria-hidden="false"', 'itemprop="articleBody"',
  'data-x="nav"', 'CLASS="nav"', 'class="sr-only"', 'class="visually-hidden"', 'title="menu"',
];

function pagesOfAttributes(): string[] {
  // Pairs of attributes on one element, each pair twice (the second time from the class cache).
  const divs: string[] = [];
  for (const a of ATTRS) {
    for (const b of ATTRS) {
      if (a.split('=')[0] === b.split('=')[0] && a !== '') continue;
      const text = `Text ${divs.length} in a block of its own, long enough to matter.`;
      divs.push(`<div ${a} ${b}>${text}</div>`, `<div ${b} ${a}>${text}</div>`);
    }
  }
  return divs;
}

describe('scanBlocks attribute shortcut', () => {
  it('gives every flat block the junk and hidden verdicts of patterns.ts', () => {
    const divs = pagesOfAttributes();
    const doc = parseHtmlString(`<!doctype html><html><body>${divs.join('')}</body></html>`);
    const blocks = scanBlocks(doc.documentElement!);
    const byOwner = new Map(blocks.map((b) => [b.owner, b]));
    let checked = 0;
    for (const el of Array.from(doc.body!.children)) {
      const block = byOwner.get(el);
      if (isHiddenElement(el)) {
        expect(block, el.outerHTML).toBeUndefined();
        continue;
      }
      expect(block, el.outerHTML).toBeDefined();
      expect(block!.junk, el.outerHTML).toBe(isJunkElement(el, 'div'));
      checked++;
    }
    expect(checked).toBeGreaterThan(divs.length / 2);
    expect(blocks.some((b) => b.junk)).toBe(true);
  });

  it('keeps each verdict of its memos, across scans and after they overflow, equal to one asked fresh', () => {
    const divs = pagesOfAttributes();
    const doc = parseHtmlString(`<!doctype html><html><body>${divs.join('')}</body></html>`);
    const els = Array.from(doc.body!.children);
    const fresh = new Map<Element, boolean>();
    for (const el of [...els].reverse()) {
      forgetJunkVerdicts();
      fresh.set(el, isJunkElement(el, 'div'));
    }
    expect([...fresh.values()].filter(Boolean).length).toBeGreaterThan(els.length / 10);
    // Fill the memos past their bound with other class strings, then scan twice: the second scan answers from the memos.
    const filler = Array.from({ length: 5000 }, (_, i) => `<div class="x${i} item">Filler ${i} long enough to be a block.</div>`).join('');
    scanBlocks(parseHtmlString(`<!doctype html><html><body>${filler}</body></html>`).documentElement!);
    for (let pass = 0; pass < 2; pass++) {
      const byOwner = new Map(scanBlocks(doc.documentElement!).map((b) => [b.owner, b]));
      for (const el of els) {
        const block = byOwner.get(el);
        if (block) expect(block.junk, el.outerHTML).toBe(fresh.get(el));
      }
    }
  });

  it('finds link text, microdata, time and ld+json elements as before', () => {
    const doc = parseHtmlString(`<!doctype html><html><head><meta property="og:type" content="article">
      <script type="application/LD+JSON">{"@type":"NewsArticle"}</script><script>var x = 1;</script></head><body>
      <article itemscope itemtype="https://schema.org/NewsArticle"><h1 itemprop="headline">Title</h1>
      <time datetime="2024-05-01">1 May</time><time>no datetime</time>
      <p>See <a href="https://example.org/">the report</a> and <a href="#note">a note</a> and <a href="javascript:void(0)">this</a>.</p></article></body></html>`);
    const parts = { metas: [] as Element[], ldJson: [] as Element[], microdata: [] as Element[], times: [] as Element[], h1: null as Element | null, title: null as Element | null };
    const blocks = scanBlocks(doc.documentElement!, false, parts);
    expect(parts.metas).toHaveLength(1);
    expect(parts.ldJson).toHaveLength(1);
    expect(parts.microdata.map((e) => e.localName)).toEqual(['article', 'h1']);
    expect(parts.times).toHaveLength(1);
    expect(parts.h1?.textContent).toBe('Title');
    const p = blocks.find((b) => b.owner.localName === 'p')!;
    expect(p.linkChars).toBe('the report'.length);
  });
});
