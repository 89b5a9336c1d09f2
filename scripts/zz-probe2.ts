import { parseHtmlFile } from '../src/node/parse-html.ts';
import { extractArticleTraced } from '../src/dom/article/index.ts';
import { aebCases, fundusCases, nonArticleCases, readabilityCases, politicsCases } from './eval-article-lib.ts';
const cases = [...aebCases(), ...fundusCases(), ...readabilityCases(() => ''), ...nonArticleCases(), ...politicsCases(() => '')];
for (const c of cases) {
  const doc = await parseHtmlFile(c.file);
  const { trace } = extractArticleTraced(doc, { url: c.url });
  const e = trace.evidence;
  if (!e) { console.log(c.gold == null ? 'NEG' : 'POS', c.corpus.slice(0,6), c.id.slice(0,20), 'noev'); continue; }
  console.log(c.gold == null ? 'NEG' : 'POS', c.corpus.slice(0,6), c.id.slice(0,20).padEnd(20), `decl=${+e.declared} good=${e.good} paras=${e.paras} kept=${e.keptChars} conc=${e.concentration.toFixed(2)} ld=${e.linkDensity.toFixed(2)} sib=${e.siblingShare.toFixed(2)} lh=${e.linkedHeadings} ts=${e.teaserShare.toFixed(2)} v=${+e.verdict}`);
}
