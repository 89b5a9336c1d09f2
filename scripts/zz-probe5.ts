import { parseHtmlFile } from '../src/node/parse-html.ts';
import { scanBlocks } from '../src/dom/article/blocks.ts';
const doc = await parseHtmlFile(process.argv[2]!);
const blocks = scanBlocks(doc.documentElement!);
const needle = process.argv[3]!;
for (const b of blocks.filter(b => b.text.includes(needle)).slice(0,3)) { const chain=[]; for (let e: Element|null=b.owner; e; e=e.parentElement) chain.push(e.localName+'.'+(e.getAttribute('class')??'').slice(0,40)+'#'+(e.getAttribute('id')??'')); console.log(b.junk, b.text.length, chain.join(' < ')); }
