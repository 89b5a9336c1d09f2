import { parseHtmlFile } from '../src/node/parse-html.ts';
import { extractArticle } from '../src/dom/article/index.ts';
const doc = await parseHtmlFile(process.argv[2]!);
for (let i = 0; i < 30; i++) extractArticle(doc);
const t = performance.now(); for (let i = 0; i < 10; i++) extractArticle(doc); console.log('avg ms', (performance.now() - t) / 10);
