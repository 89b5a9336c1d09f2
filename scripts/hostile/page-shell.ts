/**
 * The ordinary news-page frame every hostile page shares (site header,
 * article with headline, byline, date and body, sidebar, footer), so that
 * each page differs from a normal article only in the one thing it tests.
 */
import { esc } from './text-gen.ts';

export interface ShellOptions {
  title: string;
  lang?: string;
  dir?: 'ltr' | 'rtl';
  /** Raw markup for <head> (styles, CSP meta, early scripts). */
  head?: string;
  /** Raw markup of the article body (already escaped). */
  body: string;
  /** Raw markup after the article (scripts, extra regions). */
  after?: string;
  byline?: string;
}

export function paragraphsHtml(paras: readonly string[]): string {
  return paras.map((p) => `<p>${esc(p)}</p>`).join('\n');
}

export function shell(o: ShellOptions): string {
  const lang = o.lang ?? 'de';
  return `<!DOCTYPE html>
<html lang="${lang}" dir="${o.dir ?? 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(o.title)}</title>
<meta property="og:type" content="article">
<meta property="og:title" content="${esc(o.title)}">
<meta property="article:published_time" content="2019-02-28T12:00:00+01:00">
${o.head ?? ''}
</head>
<body>
<header class="site-header"><a href="/">Testzeitung</a><nav><a href="/politik">Politik</a> <a href="/welt">Welt</a></nav></header>
<main>
<article>
<h1>${esc(o.title)}</h1>
<p class="byline">Von ${esc(o.byline ?? 'Redaktion Test')}, dpa</p>
<time datetime="2019-02-28T12:00:00+01:00">28.02.2019</time>
<div class="article-body">
${o.body}
</div>
</article>
<aside class="sidebar"><h2>Meistgelesen</h2><ul><li><a href="/a">„Ein Zitat im Seitenkasten“, sagte jemand</a></li></ul></aside>
</main>
<footer>© Testzeitung · <a href="/impressum">Impressum</a></footer>
${o.after ?? ''}
</body>
</html>
`;
}

/** An inline script; the code is ours (never page-derived text). */
export function script(code: string): string {
  return `<script>\n${code.trim()}\n</script>`;
}
