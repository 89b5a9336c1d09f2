/**
 * The hostile pages are what they claim to be: deterministic, as big/deep/
 * many as the stress list says, and every payload is text, never markup.
 */
import { describe, expect, it } from 'vitest';
import { parseHtmlString } from '../../src/node/parse-html.ts';
import { buildHostilePages } from './generate.ts';
import type { HostilePage } from './types.ts';

const pages = buildHostilePages();
const byName = new Map(pages.map((p) => [p.name, p]));
const entry = (name: string): string => {
  const p = byName.get(name);
  if (!p) throw new Error(`no page ${name}`);
  return p.files[`${name}.html`]!;
};
const bodyOf = (doc: Document): Element => doc.querySelector('.article-body') ?? doc.body;

function maxDepth(el: Element): number {
  // iterative: a recursive walk is exactly what a 2,000-deep page is there to break
  let best = 0;
  const stack: Array<[Element, number]> = [[el, 1]];
  while (stack.length) {
    const [e, d] = stack.pop()!;
    best = Math.max(best, d);
    for (const c of Array.from(e.children)) stack.push([c, d + 1]);
  }
  return best;
}

describe('hostile page generator', () => {
  it('is deterministic and covers every item of the stress list', () => {
    const again = buildHostilePages();
    expect(again.map((p) => p.files)).toEqual(pages.map((p) => p.files));
    expect(buildHostilePages(7).find((p) => p.name === 'article-1mb')?.files).not.toEqual(byName.get('article-1mb')?.files);
    const names = pages.map((p: HostilePage) => p.name);
    for (const n of ['article-1mb', 'quotes-5000', 'entities-20000', 'dom-depth-2000', 'nodes-100000', 'mutate-every-50ms', 'spa-navigations', 'infinite-scroll', 'live-blog', 'iframe-article', 'shadow-roots', 'node-per-character', 'invisible-chars-in-names', 'rtl-arabic', 'emoji-next-to-quotes', 'css-all-unset', 'css-highlight-fight', 'redefined-builtins', 'strict-csp', 'markup-payloads', 'rewrites-injections']) {
      expect(names).toContain(n);
    }
  });

  it('size pages have the promised size, quotes, depth and node count', () => {
    const big = bodyOf(parseHtmlString(entry('article-1mb'))).textContent ?? '';
    expect(big.length).toBeGreaterThanOrEqual(1_000_000);
    const quotesBody = bodyOf(parseHtmlString(entry('quotes-5000'))).textContent ?? '';
    expect(quotesBody.match(/„/g)?.length).toBe(5000);
    expect(quotesBody.match(/“/g)?.length).toBe(5000);
    expect(maxDepth(parseHtmlString(entry('dom-depth-2000')).documentElement)).toBeGreaterThanOrEqual(2000);
    const doc = parseHtmlString(entry('nodes-100000'));
    let nodes = 0;
    const walker = doc.createTreeWalker(doc.documentElement, 0xffffffff);
    while (walker.nextNode()) nodes++;
    expect(nodes).toBeGreaterThanOrEqual(100_000);
  });

  it('payloads are text: no element, attribute handler or javascript: URL comes from them', () => {
    const doc = parseHtmlString(entry('markup-payloads'));
    const body = bodyOf(doc);
    expect(body.querySelectorAll('img, script, svg, iframe, style, a').length).toBe(0);
    expect(body.textContent).toContain('<img src=x onerror=');
    expect(doc.title).toContain('<img src=x onerror=');
    for (const el of Array.from(doc.querySelectorAll('*'))) {
      for (const attr of Array.from(el.attributes)) expect(attr.name.startsWith('on'), `${el.tagName} ${attr.name}`).toBe(false);
    }
  });

  it('invisible characters sit inside names, emoji sit against quote marks', () => {
    const inv = bodyOf(parseHtmlString(entry('invisible-chars-in-names'))).textContent ?? '';
    expect(inv).toMatch(/\p{L}[\u00AD\u200B\u200C\u200D\u2060\uFEFF]\p{L}/u);
    const emo = bodyOf(parseHtmlString(entry('emoji-next-to-quotes'))).textContent ?? '';
    expect(emo).toMatch(/\p{Extended_Pictographic}„|“\p{Extended_Pictographic}|\p{Extended_Pictographic}"/u);
  });
});
