import { parseHtmlFile } from '../src/node/parse-html.ts';
import { scanBlocks } from '../src/dom/article/blocks.ts';
import { chooseBody } from '../src/dom/article/body.ts';
const doc = await parseHtmlFile(process.argv[2]!);
const blocks = scanBlocks(doc.documentElement!);
const c = chooseBody(blocks, doc.documentElement!)!;
console.log(c.root.localName, c.root.getAttribute('class'), c.stats);
for (const b of c.inRoot.slice(0, +(process.argv[3] ?? 60))) console.log(`${b.junk?'J':' '}h${b.heading} ${b.owner.localName}.${(b.owner.getAttribute('class')??'').slice(0,25)} ld=${(b.linkChars/b.text.length).toFixed(2)} | ${b.text.slice(0,100)}`);
