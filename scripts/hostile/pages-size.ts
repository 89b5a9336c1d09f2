/**
 * Size extremes: a 1 MB article, 5,000 quotes, 20,000 entity mentions,
 * DOM depth 2,000 and 100,000 nodes. The article stays a plausible news
 * page in each, so the extension runs its full pipeline on it.
 */
import type { Rng } from './rng.ts';
import { createTextGen, esc } from './text-gen.ts';
import { paragraphsHtml, shell } from './page-shell.ts';
import type { HostilePage } from './types.ts';

function page(name: string, description: string, html: string, expect: HostilePage['expect']): HostilePage {
  return { name, category: 'size', description, files: { [`${name}.html`]: html }, scripted: false, hooks: [], expect };
}

export function sizePages(rng: Rng): HostilePage[] {
  const gen = createTextGen(rng);
  const pages: HostilePage[] = [];

  pages.push(page('article-1mb', 'An article of about 1 MB of body text.', shell({ title: 'Ein sehr langer Bericht über die Gespräche', body: paragraphsHtml(gen.paragraphs(1_000_000)) }), { article: true }));

  const quotes = Array.from({ length: 5000 }, () => gen.quotedSentence());
  const quoteParas: string[] = [];
  for (let i = 0; i < quotes.length; i += 4) quoteParas.push(quotes.slice(i, i + 4).join(' '));
  pages.push(page('quotes-5000', '5,000 direct quotes, each attributed.', shell({ title: 'Fünftausend Stimmen zum Gipfel', body: paragraphsHtml(quoteParas) }), { article: true, quotes: 5000 }));

  // Each sentence carries four name mentions; 5,000 sentences give 20,000.
  const mentionParas: string[] = [];
  for (let i = 0; i < 1000; i++) {
    mentionParas.push(Array.from({ length: 5 }, () => `${gen.person()} traf ${gen.person()} in ${gen.place()} und flog dann nach ${gen.place()}.`).join(' '));
  }
  pages.push(page('entities-20000', 'About 20,000 entity mentions (people and places).', shell({ title: 'Wer wen wo traf', body: paragraphsHtml(mentionParas) }), { article: true, entityMentions: 20000 }));

  // The body sits at the bottom of 2,000 nested divs; a few paragraphs on the way down.
  const depth = 2000;
  let deep = paragraphsHtml(gen.paragraphs(6000));
  for (let d = depth; d > 0; d--) deep = `<div class="l${d % 7}">${d % 400 === 0 ? `<p>${esc(gen.paragraph(2))}</p>` : ''}${deep}</div>`;
  pages.push(page('dom-depth-2000', 'Article body nested 2,000 elements deep.', shell({ title: 'Tief verschachtelt', body: deep }), { article: true }));

  // 100,000 nodes: a normal article plus a huge comment section and link lists.
  const comments: string[] = [];
  for (let i = 0; i < 12_000; i++) comments.push(`<li class="c"><b>${esc(gen.person())}</b> <span>${i}</span> <i>gefällt</i></li>`);
  const body = paragraphsHtml(gen.paragraphs(15_000));
  const after = `<section class="comments"><h2>Kommentare</h2><ul>${comments.join('')}</ul></section>`;
  pages.push(page('nodes-100000', 'A normal article next to about 100,000 other DOM nodes (comments).', shell({ title: 'Viel los unter dem Artikel', body, after }), { article: true }));
  return pages;
}
