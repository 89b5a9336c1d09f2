/**
 * Structural oddities real pages have: the article in a same-origin
 * iframe, text inside open shadow roots, one DOM node per character,
 * invisible characters inside names, right-to-left text, and emoji and
 * other surrogate pairs right next to quotation marks.
 */
import type { Rng } from './rng.ts';
import { createTextGen, esc } from './text-gen.ts';
import { paragraphsHtml, script, shell } from './page-shell.ts';
import type { HostilePage } from './types.ts';

function page(name: string, description: string, files: Record<string, string>, scripted: boolean, expect: HostilePage['expect']): HostilePage {
  return { name, category: 'structure', description, files, scripted, hooks: [], expect };
}

const INVISIBLES = ['\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];
const EMOJI = ['😀', '👍🏽', '🇰🇷', '👩‍👩‍👧', '🕊️', '𝐀', '🤝', '💬'];

/** Invented letters-only words in an RTL script (Arabic or Hebrew letters), for a page in that direction. */
function rtlWords(rng: Rng, letters: string, n: number): string[] {
  return Array.from({ length: n }, () => Array.from({ length: 2 + rng.int(6) }, () => letters[rng.int(letters.length)]).join(''));
}

export function structurePages(rng: Rng): HostilePage[] {
  const gen = createTextGen(rng);
  const pages: HostilePage[] = [];

  const inner = shell({ title: 'Der Artikel im Rahmen', body: paragraphsHtml(gen.paragraphs(6000)) });
  const outer = `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Rahmenseite</title></head>
<body><header><a href="/">Testzeitung</a></header>
<iframe src="iframe-article.inner.html" title="Artikel" style="width:100%;height:80vh;border:0"></iframe>
<footer>Fußzeile</footer></body></html>\n`;
  pages.push(page('iframe-article', 'The article lives in a same-origin iframe (iframe-article.inner.html); the top page is only a frame.', { 'iframe-article.html': outer, 'iframe-article.inner.html': inner }, false, { article: true }));

  const declarative = paragraphsHtml(gen.paragraphs(3000));
  const scripted = gen.paragraphs(3000);
  pages.push(
    page(
      'shadow-roots',
      'Article text inside open shadow roots: a declarative one, a script-attached one, and one nested inside another.',
      {
        'shadow-roots.html': shell({
          title: 'Text im Schatten',
          body: `<div class="shadow-host"><template shadowrootmode="open">${declarative}<slot></slot></template><p>${esc(gen.paragraph(2))}</p></div>
<div id="scripted-host"></div>`,
          after: script(`
const PARAS = ${JSON.stringify(scripted).replace(/</g, '\\u003c')};
const root = document.getElementById('scripted-host').attachShadow({ mode: 'open' });
const half = Math.ceil(PARAS.length / 2);
for (const t of PARAS.slice(0, half)) { const p = document.createElement('p'); p.textContent = t; root.appendChild(p); }
const nestedHost = document.createElement('div'); root.appendChild(nestedHost);
const nested = nestedHost.attachShadow({ mode: 'open' });
for (const t of PARAS.slice(half)) { const p = document.createElement('p'); p.textContent = t; nested.appendChild(p); }
`),
        }),
      },
      true,
      { article: true },
    ),
  );

  const spanned = gen.paragraphs(1500);
  const split = gen.paragraphs(1500);
  pages.push(
    page(
      'node-per-character',
      'Text split into one node per character: <span>-wrapped characters in markup, and text nodes split per character by script.',
      {
        'node-per-character.html': shell({
          title: 'Buchstabe für Buchstabe',
          body: spanned.map((p) => `<p>${Array.from(p, (ch) => `<span>${esc(ch)}</span>`).join('')}</p>`).join('\n') + `\n<div id="split">${paragraphsHtml(split)}</div>`,
          after: script(`
for (const p of document.querySelectorAll('#split p')) {
  let node = p.firstChild;
  while (node && node.nodeType === 3 && node.data.length > 1) node = node.splitText(1);
}
`),
        }),
      },
      true,
      { article: true },
    ),
  );

  const withInvisibles = (name: string): string =>
    name
      .split(' ')
      .map((w) => (w.length > 3 ? `${w.slice(0, 2)}${rng.pick(INVISIBLES)}${w.slice(2)}` : w))
      .join(' ');
  const invisParas = Array.from({ length: 12 }, () => {
    const a = withInvisibles(gen.person());
    const b = withInvisibles(gen.place());
    return `${a} ${rng.pick(['sagte', 'erklärte'])} in ${b}: „${gen.quoteBody()}“ Später traf ${a} in ${withInvisibles(gen.place())} ein. ${gen.reportSentence()}`;
  });
  pages.push(
    page('invisible-chars-in-names', 'Soft hyphens, zero-width spaces/joiners, word joiners and BOMs inside names (also as &shy; entities).', {
      'invisible-chars-in-names.html': shell({ title: 'Kim&shy;Jong&shy;Un in Pjöng&shy;jang'.replace(/&shy;/g, '\u00AD'), body: paragraphsHtml(invisParas) + '\n<p>Der Gipfel in Pjöng&shy;jang und Wa&shy;shing&shy;ton, sagte Mi&shy;ke Pom&shy;peo.</p>' }),
    }, false, { article: true, quotes: 12 }),
  );

  const arabic = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
  const arParas = Array.from({ length: 20 }, () => {
    const w = rtlWords(rng, arabic, 40);
    return `${w.slice(0, 10).join(' ')}: «${w.slice(10, 22).join(' ')}». ${w.slice(22).join(' ')}.`;
  });
  pages.push(page('rtl-arabic', 'A right-to-left page (lang="ar", dir="rtl") with invented Arabic-script words and «» quotes.', { 'rtl-arabic.html': shell({ title: rtlWords(rng, arabic, 5).join(' '), lang: 'ar', dir: 'rtl', body: paragraphsHtml(arParas) }) }, false, { article: true }));

  const hebrew = 'אבגדהוזחטיכלמנסעפצקרשת';
  const mixedParas = Array.from({ length: 15 }, () => {
    const heb = rtlWords(rng, hebrew, 6).join(' ');
    return `${gen.person()} sagte in ${gen.place()}: „\u202B${heb}\u202C – ${gen.quoteBody()}“ \u200F${rtlWords(rng, hebrew, 2).join(' ')}\u200E ${gen.reportSentence()}`;
  });
  pages.push(page('rtl-mixed', 'A German article with Hebrew-script runs and bidi controls (RLE/PDF, RLM/LRM) inside and next to quotes.', { 'rtl-mixed.html': shell({ title: 'Zwei Richtungen', body: paragraphsHtml(mixedParas) }) }, false, { article: true, quotes: 15 }));

  const emojiParas = Array.from({ length: 30 }, () => {
    const e1 = rng.pick(EMOJI);
    const e2 = rng.pick(EMOJI);
    return `${e1}„${e2}${gen.quoteBody()}${e1}“${e2}, sagte ${gen.person()} ${rng.pick(EMOJI)}. ${rng.pick(EMOJI)}"${gen.quoteBody()}"${rng.pick(EMOJI)} ${gen.reportSentence()}`;
  });
  pages.push(page('emoji-next-to-quotes', 'Emoji, flags, ZWJ sequences and astral letters directly next to opening and closing quote marks.', { 'emoji-next-to-quotes.html': shell({ title: 'Gipfel 🤝 in Hanoi', body: paragraphsHtml(emojiParas) }) }, false, { article: true, quotes: 30 }));
  return pages;
}
