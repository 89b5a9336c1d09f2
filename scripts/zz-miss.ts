import { parseHtmlFile, parseHtmlString } from '../src/node/parse-html.ts';
import { extractArticle } from '../src/dom/article/index.ts';
import { gunzipText } from './eval-article-lib.ts';
const [file, goldFile] = process.argv.slice(2) as [string, string];
const ex = extractArticle(await parseHtmlFile(file));
const text = (ex?.article.text ?? '').toLowerCase();
const g = parseHtmlString(`<html><body>${gunzipText(goldFile)}</body></html>`);
const parts = (g.body.textContent ?? '').split(/\n\s*\n|\s{3,}/).map(s => s.replace(/\s+/g, ' ').trim()).filter(s => s.length > 0);
for (const p of parts) if (!text.includes(p.toLowerCase().slice(0, 40))) console.log('MISSING:', p.slice(0, 140));
if (process.env.EXTRA) { const gt = (g.body.textContent ?? '').replace(/\s+/g,' ').toLowerCase(); for (const para of (ex?.article.text ?? '').split('\n\n')) if (!gt.includes(para.toLowerCase().slice(0, 40))) console.log('EXTRA:', para.slice(0, 140)); }
