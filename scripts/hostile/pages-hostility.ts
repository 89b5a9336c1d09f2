/**
 * Pages that fight back: CSS aimed at everything (and at Kontext's own
 * highlight names), redefined built-ins, a strict CSP (also with Trusted
 * Types), markup and script payloads inside names, quotes, title and
 * byline, and a page that removes or reverts whatever is injected into it.
 * Payloads set window.__hostileXss if they ever run; it must stay unset.
 */
import type { Rng } from './rng.ts';
import { createTextGen, esc } from './text-gen.ts';
import { paragraphsHtml, script, shell } from './page-shell.ts';
import type { HostilePage } from './types.ts';

const KINDS = ['kontext-quote', 'kontext-per', 'kontext-loc', 'kontext-org', 'kontext-misc'];
const XSS = '__hostileXss';

function page(name: string, description: string, html: string, scripted: boolean, expect: HostilePage['expect'], hooks: string[] = []): HostilePage {
  return { name, category: 'hostility', description, files: { [`${name}.html`]: html }, scripted, hooks, expect };
}

/** Text (not markup!) that would run script if anyone rendered it as HTML. */
function payloads(): string[] {
  const set = `window.${XSS}=(window.${XSS}||0)+1`;
  return [
    `<img src=x onerror="${set}">`,
    `<script>${set}</script>`,
    `"><svg onload="${set}">`,
    `<iframe srcdoc="<script>parent.${XSS}=1</script>">`,
    `javascript:${set}`,
    `<a href="javascript:${set}">Link</a>`,
    `{{constructor.constructor('${set}')()}}`,
    '${' + set + '}',
    `<style>*{display:none}</style>`,
  ];
}

export function hostilityPages(rng: Rng): HostilePage[] {
  const gen = createTextGen(rng);
  const pages: HostilePage[] = [];
  const body = (): string => paragraphsHtml(gen.paragraphs(5000));

  pages.push(
    page('css-all-unset', 'Page CSS that resets every element and pseudo-element: * { all: unset !important }.', shell({
      title: 'Alles zurückgesetzt',
      head: '<style>*, *::before, *::after { all: unset !important; } html * { display: inline !important; }</style>',
      body: body(),
    }), false, { article: true }),
  );

  const hlRules = KINDS.map((k) => `::highlight(${k})`).join(', ');
  pages.push(
    page('css-highlight-fight', 'Hides <mark>, restyles Kontext\'s highlight names, hides any custom element and [data-kontext-kind], and paints its own CSS highlight.', shell({
      title: 'Markierungen unerwünscht',
      head: `<style>
mark, mark * { display: none !important; }
${hlRules} { color: transparent !important; background-color: transparent !important; text-decoration: line-through red 4px !important; }
::highlight(page-own) { background-color: yellow; }
[data-kontext-kind], :not(:defined) { display: none !important; }
body > :not(header):not(main):not(footer):not(script) { visibility: hidden !important; }
</style>`,
      body: body(),
      after: script(`
if (window.CSS && CSS.highlights && window.Highlight) {
  const r = new Range();
  const p = document.querySelector('.article-body p');
  r.selectNodeContents(p);
  CSS.highlights.set('page-own', new Highlight(r));
  ${JSON.stringify(KINDS)}.forEach((k) => CSS.highlights.set(k, new Highlight()));
}
`),
    }), true, { article: true }),
  );

  pages.push(
    page('redefined-builtins', 'Redefines Array.prototype.map, JSON.parse, Node.prototype.appendChild, MutationObserver (and wraps addEventListener) before anything else runs; __hostile.intact() reports whether the redefinitions are still in place.', shell({
      title: 'Eingebaute Funktionen überschrieben',
      head: script(`
window.__hostile = { appendCalls: 0, listenerCalls: 0 };
const pageMap = function () { throw new Error('page: map is disabled'); };
const pageParse = function () { return { hijacked: true }; };
const pageAppend = function (node) { window.__hostile.appendCalls++; return node; };
class PageObserver { observe() {} disconnect() {} takeRecords() { return []; } }
Array.prototype.map = pageMap;
JSON.parse = pageParse;
Node.prototype.appendChild = pageAppend;
window.MutationObserver = PageObserver;
const realAdd = EventTarget.prototype.addEventListener;
EventTarget.prototype.addEventListener = function (...args) { window.__hostile.listenerCalls++; return realAdd.apply(this, args); };
window.__hostile.intact = () => Array.prototype.map === pageMap && JSON.parse === pageParse && Node.prototype.appendChild === pageAppend && window.MutationObserver === PageObserver;
`),
      body: body(),
    }), true, { article: true }, ['intact']),
  );

  pages.push(
    page('strict-csp', "A strict Content-Security-Policy meta: default-src 'none' (no scripts, styles, images, connections).", shell({
      title: 'Streng abgeschottet',
      head: `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; base-uri 'none'; form-action 'none'">`,
      body: body(),
    }), false, { article: true }),
  );

  pages.push(
    page('strict-csp-trusted-types', "default-src 'none' plus require-trusted-types-for 'script': any string-to-HTML sink throws in the page.", shell({
      title: 'Abgeschottet mit Trusted Types',
      head: `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; require-trusted-types-for 'script'; trusted-types 'none'">`,
      body: body(),
    }), false, { article: true }),
  );

  const ps = payloads();
  const names = ps.map((p) => `Kim ${p} Jong Un`);
  const paras = ps.map((p, i) => `${names[i]} sagte in Ha${p}noi: „${gen.quoteBody().slice(0, -1)} ${p} und mehr.“ ${gen.reportSentence()} „${p}“, erklärte ${gen.person()}.`);
  pages.push(
    page('markup-payloads', `Markup and script payloads as text inside names, places, quotes, the title and the byline; if any runs, window.${XSS} is set.`, shell({
      title: `Gipfel ${ps[0]} in Hanoi`,
      byline: `Anna ${ps[2]} Berger`,
      head: `<meta name="author" content="${esc(ps[0]!)}"><meta name="description" content="${esc(ps[1]!)}">`,
      body: paragraphsHtml(paras),
    }), false, { article: true, quotes: ps.length * 2, xssFlag: XSS }),
  );

  pages.push(
    page('rewrites-injections', 'Removes every node it did not create, reverts attribute changes on its own nodes, and clears CSS.highlights every 100 ms.', shell({
      title: 'Diese Seite räumt auf',
      body: body(),
      after: script(`
window.__hostile = { removed: 0, reverted: 0, cleared: 0 };
const own = new WeakSet();
const mark = (n) => { own.add(n); for (const c of n.childNodes) mark(c); };
mark(document.documentElement);
const undo = new MutationObserver((records) => {
  for (const r of records) {
    if (r.type === 'childList') {
      for (const n of r.addedNodes) if (!own.has(n) && n.parentNode) { n.parentNode.removeChild(n); window.__hostile.removed++; }
    } else if (r.type === 'attributes' && own.has(r.target)) {
      const t = r.target;
      if (r.oldValue === null) t.removeAttribute(r.attributeName); else t.setAttribute(r.attributeName, r.oldValue);
      window.__hostile.reverted++;
    }
  }
  // Drop the records our own reverts just queued, or the page would fight itself forever.
  undo.takeRecords();
});
undo.observe(document, { childList: true, subtree: true, attributes: true, attributeOldValue: true });
setInterval(() => { if (window.CSS && CSS.highlights && CSS.highlights.size) { CSS.highlights.clear(); window.__hostile.cleared++; } }, 100);
`),
    }), true, { article: true, stripsInjections: true }),
  );
  return pages;
}
