import { parseHtmlFile } from '../src/node/parse-html.ts';
import { extractArticleTraced } from '../src/dom/article/index.ts';
for (const f of process.argv.slice(2)) {
  const doc = await parseHtmlFile(f);
  const { result, trace } = extractArticleTraced(doc, {});
  const e = trace.evidence;
  console.log(f.split('/').slice(-2).join('/'), e ? `decl=${e.declared} good=${e.good} paras=${e.paras} kept=${e.keptChars} conc=${e.concentration.toFixed(2)} ld=${e.linkDensity.toFixed(2)} v=${e.verdict}` : 'noev', trace.root?.localName, trace.root?.getAttribute('class')?.slice(0,40), process.env.SHOW ? (result?.article.text.slice(0, +process.env.SHOW) ?? '') : '');
}
