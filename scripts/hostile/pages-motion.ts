/**
 * Pages that never sit still: DOM mutations every 50 ms, single-page-app
 * navigations, infinite scroll and a live blog that prepends posts. Each
 * exposes window.__hostile hooks so a test can drive or stop it, and runs
 * on its own with "#auto" in the URL.
 */
import type { Rng } from './rng.ts';
import { createTextGen, esc } from './text-gen.ts';
import { paragraphsHtml, script, shell } from './page-shell.ts';
import type { HostilePage } from './types.ts';

/** JSON safe inside an inline <script>. */
function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function page(name: string, description: string, html: string, hooks: string[]): HostilePage {
  return { name, category: 'motion', description, files: { [`${name}.html`]: html }, scripted: true, hooks, expect: { article: true } };
}

// Shared by the pages below: render a story into an element with DOM calls only.
const RENDER = `
function renderParas(container, paras) {
  for (const text of paras) { const p = document.createElement('p'); p.textContent = text; container.appendChild(p); }
}`;

export function motionPages(rng: Rng): HostilePage[] {
  const gen = createTextGen(rng);
  const pages: HostilePage[] = [];

  pages.push(
    page(
      'mutate-every-50ms',
      'Mutates the page every 50 ms forever: a ticking clock, a changing paragraph in the article, nodes added and removed.',
      shell({
        title: 'Gipfel unter Dauerbeobachtung',
        body: `<p id="ticker">Stand: 0</p>\n${paragraphsHtml(gen.paragraphs(8000))}`,
        after: script(`
window.__hostile = { ticks: 0 };
const sidebar = document.querySelector('.sidebar');
const ticker = document.getElementById('ticker');
const paras = document.querySelectorAll('.article-body p');
const timer = setInterval(() => {
  const n = ++window.__hostile.ticks;
  ticker.textContent = 'Stand: ' + n + ' – ' + new Date().toISOString();
  paras[n % paras.length].classList.toggle('flash');
  const s = document.createElement('span'); s.textContent = 'Werbung ' + n; sidebar.appendChild(s);
  if (sidebar.children.length > 20) sidebar.removeChild(sidebar.children[2]);
  document.title = (n % 2 ? '● ' : '') + document.title.replace(/^● /, '');
}, 50);
window.__hostile.stop = () => clearInterval(timer);
`),
      }),
      ['stop'],
    ),
  );

  const stories = Array.from({ length: 51 }, (_, i) => ({ title: `Folge ${i}: ${gen.reportSentence().slice(0, 60)}`, paras: gen.paragraphs(2500) }));
  pages.push(
    page(
      'spa-navigations',
      'A single-page app: navigate(i) swaps the article via pushState; "#auto" runs 50 navigations in a row, 150 ms apart.',
      shell({
        title: stories[0]!.title,
        body: paragraphsHtml(stories[0]!.paras),
        after: script(`
const STORIES = ${inlineJson(stories)};
${RENDER}
function show(i) {
  const s = STORIES[i % STORIES.length];
  document.querySelector('article h1').textContent = s.title;
  const body = document.querySelector('.article-body');
  body.replaceChildren();
  renderParas(body, s.paras);
  document.title = s.title;
}
window.__hostile = {
  navigations: 0,
  navigate(i) { history.pushState({ i }, '', '/story/' + i); show(i); window.__hostile.navigations++; },
};
addEventListener('popstate', (e) => show(e.state ? e.state.i : 0));
if (location.hash === '#auto') {
  let i = 1;
  const t = setInterval(() => { window.__hostile.navigate(i++); if (i > 50) clearInterval(t); }, 150);
}
`),
      }),
      ['navigate'],
    ),
  );

  const more = Array.from({ length: 30 }, (_, i) => ({ title: `Weiterlesen ${i + 1}: ${gen.person()} in ${gen.place()}`, paras: gen.paragraphs(3000) }));
  pages.push(
    page(
      'infinite-scroll',
      'Appends another article (its own <article>) whenever the reader nears the bottom, up to 30; more() appends one.',
      shell({
        title: 'Endlos scrollen',
        body: paragraphsHtml(gen.paragraphs(5000)),
        after: `<div id="sentinel" style="height:1px"></div>` +
          script(`
const MORE = ${inlineJson(more)};
${RENDER}
let next = 0;
window.__hostile = {
  appended: 0,
  more() {
    if (next >= MORE.length) return false;
    const s = MORE[next++];
    const art = document.createElement('article');
    const h = document.createElement('h2'); h.textContent = s.title; art.appendChild(h);
    renderParas(art, s.paras);
    document.querySelector('main').appendChild(art);
    window.__hostile.appended++;
    return true;
  },
};
new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) window.__hostile.more(); }).observe(document.getElementById('sentinel'));
if (location.hash === '#auto') { const t = setInterval(() => { if (!window.__hostile.more()) clearInterval(t); }, 300); }
`),
      }),
      ['more'],
    ),
  );

  const posts = Array.from({ length: 200 }, () => gen.paragraph(2));
  pages.push(
    page(
      'live-blog',
      'A live blog that prepends a new post at the top of the body every second (prepend() adds one now).',
      shell({
        title: 'Liveblog: Der Gipfel in Hanoi',
        body: `<ol class="posts">${posts.slice(0, 10).map((p, i) => `<li class="post"><time>${12 + (i % 10)}:00</time><p>${esc(p)}</p></li>`).join('')}</ol>`,
        after: script(`
const POSTS = ${inlineJson(posts.slice(10))};
let k = 0;
window.__hostile = {
  prepended: 0,
  prepend() {
    const li = document.createElement('li'); li.className = 'post';
    const t = document.createElement('time'); t.textContent = new Date().toLocaleTimeString();
    const p = document.createElement('p'); p.textContent = POSTS[k++ % POSTS.length];
    li.append(t, p);
    const list = document.querySelector('.posts'); list.insertBefore(li, list.firstChild);
    window.__hostile.prepended++;
  },
};
const timer = setInterval(() => window.__hostile.prepend(), 1000);
window.__hostile.stop = () => clearInterval(timer);
`),
      }),
      ['prepend', 'stop'],
    ),
  );
  return pages;
}
