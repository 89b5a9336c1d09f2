import { parseHtmlFile } from '../src/node/parse-html.ts';
import { extractArticle } from '../src/dom/article/index.ts';
import { fundusCases } from './eval-article-lib.ts';
import { prf } from './eval-article-lib.ts';
const name = process.argv[2]!;
for (const c of fundusCases().filter(c => c.id === name)) {
  const ex = extractArticle(await parseHtmlFile(c.file), { url: c.url });
  const s = prf(ex?.article.text ?? '', c.gold ?? '');
  if (s.p > 0.9) continue;
  const gold = (c.gold ?? '').replace(/\s+/g, ' ').toLowerCase();
  console.log('==', c.file.split('/').pop(), s.p.toFixed(2));
  for (const para of (ex?.article.text ?? '').split('\n\n')) if (!gold.includes(para.replace(/\s+/g,' ').toLowerCase().slice(0, 30))) console.log('EXTRA:', para.slice(0, 160));
}
