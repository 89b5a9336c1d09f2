import { parseHtmlFile } from '../src/node/parse-html.ts';
const doc = await parseHtmlFile(process.argv[2]!);
for (const sel of ['[itemprop],[itemtype]', 'meta', 'script[type="application/ld+json"]', 'h1', 'time[datetime]', '[itemscope][itemtype]']) {
  for (let i = 0; i < 2; i++) { const t = performance.now(); const n = doc.querySelectorAll(sel).length; console.log(sel, n, (performance.now() - t).toFixed(1)); }
}
let t = performance.now(); const n = doc.getElementsByTagName('meta').length; console.log('gEBTN meta', n, (performance.now() - t).toFixed(1));
