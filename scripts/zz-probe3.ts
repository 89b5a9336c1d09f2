import { parseHtmlFile } from '../src/node/parse-html.ts';
import { scanBlocks } from '../src/dom/article/blocks.ts';
import { chooseBody } from '../src/dom/article/body.ts';
const doc = await parseHtmlFile(process.argv[2]!);
console.log('body?', !!doc.body, doc.body?.localName, doc.body?.childNodes.length, doc.documentElement?.localName);
const blocks = scanBlocks(doc.body!);
console.log('blocks', blocks.length, blocks.filter(b=>!b.junk).length);
const r = scanBlocks(doc.body!, true);
console.log('relaxed blocks', r.length, r.filter(b=>b.text.length>80).slice(0,5).map(b=>b.owner.localName+'.'+b.owner.getAttribute('class')+': '+b.text.slice(0,80)));
const c = chooseBody(r, doc.body!); console.log(c?.root.localName, c?.stats);
// find junk ancestors of longest text blocks
for (const b of blocks.filter(b=>b.text.length>150).slice(0,3)) { const chain=[]; for (let e: Element|null=b.owner; e; e=e.parentElement) chain.push(e.localName+'.'+(e.getAttribute('class')??'').slice(0,30)+'#'+(e.getAttribute('id')??'')); console.log(b.junk, chain.join(' < ')); }
