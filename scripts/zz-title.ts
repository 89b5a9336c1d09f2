import { parseHtmlFile } from '../src/node/parse-html.ts';
import { extractArticle } from '../src/dom/article/index.ts';
import { fundusCases } from './eval-article-lib.ts';
const norm = (s: string): string => s.toLowerCase().replace(/[\s"'“”„«»‘’]+/g, ' ').trim();
for (const c of fundusCases()) {
  const ex = extractArticle(await parseHtmlFile(c.file), { url: c.url });
  const a = ex?.article;
  if (a && c.meta?.title && norm(a.title ?? '') !== norm(c.meta.title)) console.log(`${c.id}\n  got: ${a.title}\n  exp: ${c.meta.title}`);
  if (a && process.env.BY && c.meta?.authors?.length && !c.meta.authors.every(x => norm(a.byline ?? '').includes(norm(x)))) console.log(`BY ${c.id}\n  got: ${a.byline}\n  exp: ${c.meta.authors}`);
}
