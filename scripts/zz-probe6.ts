import { parseHtmlFile } from '../src/node/parse-html.ts';
import { scanBlocks } from '../src/dom/article/blocks.ts';
const doc = await parseHtmlFile(process.argv[2]!);
const blocks = scanBlocks(doc.documentElement!);
const i = blocks.findIndex(b => b.heading > 1 && b.linkChars / b.text.length > 0.5 && blocks.indexOf(b) > +(process.argv[3] ?? 0));
for (const b of blocks.slice(i, i + 3)) { const chain=[]; for (let e: Element|null=b.owner; e && chain.length < 6; e=e.parentElement) chain.push(e.localName+'.'+(e.getAttribute('class')??'').slice(0,25)); console.log(b.junk, b.heading, b.text.slice(0,50), '||', chain.join(' < ')); }
