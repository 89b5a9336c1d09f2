import { parseHtmlFile } from '../src/node/parse-html.ts';
import { scanBlocks } from '../src/dom/article/blocks.ts';
import { chooseBody } from '../src/dom/article/body.ts';
import { keepBodyBlocks } from '../src/dom/article/keep.ts';
import { readPageSignals } from '../src/dom/article/page-signals.ts';
import { extractArticle } from '../src/dom/article/index.ts';
const doc = await parseHtmlFile(process.argv[2]!);
for (let i = 0; i < 3; i++) {
  let t = performance.now(); const s = 0; const t1 = performance.now() - t;
  t = performance.now(); const blocks = scanBlocks(doc.documentElement!); const t2 = performance.now() - t;
  t = performance.now(); const c = chooseBody(blocks, doc.documentElement!)!; const t3 = performance.now() - t;
  t = performance.now(); keepBodyBlocks(c.inRoot); const t4 = performance.now() - t;
  t = performance.now(); extractArticle(doc); const t5 = performance.now() - t;
  console.log({ signals: t1, scan: t2, choose: t3, keep: t4, total: t5, blocks: blocks.length });
}
