/**
 * Stub mode (blocks.ts) counts nav/header/footer/aside/figure subtrees
 * without walking them and walks only those that end up inside the body
 * (expand-stubs.ts). These tests hold it to the full walk: the same blocks
 * once expanded, about the same size while stubbed (text the walk never
 * reads left out), the same metadata elements, and the same article.
 */
import { describe, expect, it } from 'vitest';
import { parseHtmlString } from '../../node/parse-html.ts';
import { BlockScanner, emptyParts, expandStub, scanBlocks, type Block, type PageParts } from './blocks.ts';
import { chooseBody } from './body.ts';
import { expandChoice } from './expand-stubs.ts';
import { extractArticle } from './index.ts';

const story = (n: number): string =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i} of the story tells what the committee decided on Tuesday, and why the vote surprised the members who had come.</p>`).join('');

const PAGE = `<!doctype html><html><head><title>Vote surprises committee</title><meta property="og:type" content="article"></head><body>
  <header class="site"><nav><ul>${Array.from({ length: 30 }, (_, i) => `<li><a href="/s${i}">Section ${i}</a></li>`).join('')}</ul>
    <script>${'var config = {"a": 1};\n'.repeat(200)}</script><div hidden>Mobile menu that nobody sees</div>
    <svg><title>Logo of the site</title></svg><button>Subscribe now</button></nav></header>
  <main><article itemscope itemtype="https://schema.org/NewsArticle">
    <header><h1 itemprop="headline">Vote surprises committee</h1><p class="byline">By Jane Roe</p>
      <time datetime="2024-05-01T10:00:00Z">1 May 2024</time><noscript><time datetime="1999-01-01">old</time></noscript></header>
    ${story(4)}
    <figure><img src="x.jpg" alt=""><figcaption>The committee room on Tuesday. Photo: dpa</figcaption></figure>
    ${story(4)}
    <footer><p>Reuters</p></footer>
  </article>
  <aside><h2>Most read</h2><ul>${Array.from({ length: 10 }, (_, i) => `<li><a href="/m${i}">Another story number ${i} that people read</a></li>`).join('')}</ul></aside></main>
  <footer class="site"><p>© The Daily Example. All rights reserved.</p><script type="application/ld+json">{"@type":"Organization"}</script></footer>
</body></html>`;

function stubScan(doc: Document, parts: PageParts | null): { scanner: BlockScanner; blocks: Block[] } {
  const scanner = new BlockScanner(doc.documentElement!, false, parts, true);
  scanner.run(null);
  return { scanner, blocks: scanner.finish() };
}

const shape = (b: Block) => [b.owner, b.text, b.junk, b.heading, b.listItem, b.quote, b.linkChars, b.items];

describe('stub-mode scan', () => {
  it('keeps one junk block per outermost furniture subtree, about as long as the blocks a full walk finds in it', () => {
    const doc = parseHtmlString(PAGE);
    const full = scanBlocks(doc.documentElement!);
    const { scanner } = stubScan(doc, null);
    const stubs = [...scanner.stubs.keys()];
    expect(stubs.map((b) => b.owner.localName)).toEqual(['header', 'header', 'figure', 'footer', 'aside', 'footer']);
    for (const stub of stubs) {
      expect(stub.junk).toBe(true);
      const walked = full.filter((b) => stub.owner.contains(b.owner)).reduce((n, b) => n + b.text.length, 0);
      // Block boundaries add or drop a space each; script, hidden, svg and button text must not count.
      expect(Math.abs(stub.text.length - walked), stub.owner.outerHTML.slice(0, 40)).toBeLessThanOrEqual(2 + 0.1 * walked);
    }
  });

  it('expands a stub into exactly the blocks of the full walk', () => {
    const doc = parseHtmlString(PAGE);
    const full = scanBlocks(doc.documentElement!);
    const { scanner } = stubScan(doc, null);
    for (const [stub, ctx] of scanner.stubs) {
      const expanded = expandStub(stub, ctx);
      const walked = full.filter((b) => stub.owner === b.owner || stub.owner.contains(b.owner));
      expect(expanded.map(shape)).toEqual(walked.map(shape));
    }
  });

  it('hands its blocks and stubs over and keeps none of them (a finished scanner stays alive for V8, not for the page)', () => {
    const doc = parseHtmlString(PAGE);
    const { scanner, blocks } = stubScan(doc, null);
    expect(blocks.length).toBeGreaterThan(0);
    const stubs = scanner.takeStubs();
    expect(stubs.size).toBe(6);
    expect(scanner.stubs.size).toBe(0);
    expect(scanner.finish()).toEqual([]);
    // A new scan of the same page is not disturbed by the last one.
    expect(stubScan(doc, null).blocks.map(shape)).toEqual(blocks.map(shape));
  });

  it('collects the metadata elements of stubbed subtrees as the walk does, skipping those it would not reach', () => {
    const doc = parseHtmlString(PAGE);
    const walked = emptyParts();
    scanBlocks(doc.documentElement!, false, walked);
    const stubbed = emptyParts();
    stubScan(doc, stubbed);
    expect(stubbed).toEqual(walked);
    expect(stubbed.times.map((t) => t.getAttribute('datetime'))).toEqual(['2024-05-01T10:00:00Z']);
    expect(stubbed.ldJson).toHaveLength(1);
    expect(stubbed.h1?.textContent).toBe('Vote surprises committee');
  });

  it('chooses the same body and, once expanded, the same blocks and figures as a full walk', () => {
    const doc = parseHtmlString(PAGE);
    const scope = doc.documentElement!;
    const full = scanBlocks(scope);
    const fullChoice = chooseBody(full, scope)!;
    const { scanner, blocks } = stubScan(doc, null);
    const first = chooseBody(blocks, scope)!;
    expect(first.root).toBe(fullChoice.root);
    const { choice } = expandChoice(blocks, first, scanner.stubs);
    expect(choice.inRoot.map(shape)).toEqual(fullChoice.inRoot.map(shape));
    expect(choice.stats).toEqual(fullChoice.stats);
    expect(choice.inRoot.map((b) => b.index)).toEqual(choice.inRoot.map((_, i) => choice.inRoot[0]!.index + i));
  });

  it('still finds the byline in the article header and the agency in its footer, and leaves the caption out', () => {
    const article = extractArticle(parseHtmlString(PAGE))!.article;
    expect(article.byline).toBe('Jane Roe');
    expect(article.agencies).toContain('Reuters');
    expect(article.text).not.toContain('committee room');
    expect(article.text).not.toContain('Section 3');
    expect(article.text.startsWith('Paragraph 0')).toBe(true);
  });
});
