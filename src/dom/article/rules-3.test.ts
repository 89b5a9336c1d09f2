/**
 * Third round of extraction rules: a `<meta name="title">` confirmed by
 * another copy, MathML formulas as story text, and short bare documents
 * (sectioned, no links, no furniture) accepted as articles. Small pages
 * written for these tests, parsed with linkedom as in the CLI.
 */
import { describe, expect, it } from 'vitest';
import { parseHtmlString } from '../../node/parse-html.ts';
import { extractArticle, type ExtractedArticle } from './index.ts';
import { isJunkElement } from './patterns.ts';

function extract(html: string): ExtractedArticle | null {
  return extractArticle(parseHtmlString(html), { url: 'https://example.org/notes/page.html' });
}

const STORY = `
<p>The harbour office said on Monday that the old crane on the east pier will be taken down over the summer, after engineers found cracks in two of its legs.</p>
<p>"It has served the port for ninety years, but it is no longer safe to leave it standing," a spokeswoman said. Parts of it will go to the maritime museum.</p>`;

function titled(meta: string): string {
  return `<!doctype html><html lang="en"><head><title>Old harbour crane to come down | Port News</title>
<meta property="og:type" content="article"><meta property="og:site_name" content="Port News">
<meta property="og:title" content="Goodbye to a landmark: the crane's last summer">${meta}</head>
<body><article><h1>Old harbour crane to come down</h1>${STORY}</article></body></html>`;
}

describe('title: a stated title (<meta name="title">, sailthru.title, parsely-title)', () => {
  it('wins over a social og:title when the <title> confirms it', () => {
    expect(extract(titled('<meta name="title" content="Old harbour crane to come down">'))!.article.title)
      .toBe('Old harbour crane to come down');
    expect(extract(titled('<meta name="sailthru.title" content="Old harbour crane to come down">'))!.article.title)
      .toBe('Old harbour crane to come down');
  });
  it('is ignored when no other copy of the title confirms it', () => {
    expect(extract(titled('<meta name="title" content="Port News: all stories">'))!.article.title)
      .toBe("Goodbye to a landmark: the crane's last summer");
  });
  it('is not confirmed by the h1 alone (a stated copy of the h1 does not outvote the other copies)', () => {
    const html = titled('<meta name="parsely-title" content="Old harbour crane to come down">')
      .replace('<title>Old harbour crane to come down | Port News</title>', '<title>Crane on the east pier to be dismantled | Port News</title>');
    expect(extract(html)!.article.title).toBe("Goodbye to a landmark: the crane's last summer");
  });
});

const FORMULA = `<span class="MathJax CtxtMenu_Attached_0"><span aria-hidden="true" class="mjx-math">E=mc²</span>
<span class="mjx-assistive"><math display="block"><semantics><mrow>
  <mi>E</mi> <mo>=</mo> <mi>m</mi> <msup><mi>c</mi><mn>2</mn></msup>
</mrow><annotation encoding="application/x-tex">E = mc^2</annotation></semantics></math></span></span>`;

describe('formulas', () => {
  const page = `<!doctype html><html><head><title>Energy notes</title><meta property="og:type" content="article"></head><body>
<nav><a href="/">Home</a> <a href="/notes">Notes</a></nav>
<article><h1>Energy notes</h1>
<p>Mass and energy are two faces of the same quantity, and a small amount of one stands for a great deal of the other, as the famous relation states.</p>
<div>${FORMULA}</div>
<p>Here the speed of light is squared, which is why even a gram of matter corresponds to an enormous amount of energy in everyday units.</p>
</article></body></html>`;

  it('keeps a displayed MathML formula between the story paragraphs, even inside a menu-classed wrapper', () => {
    const text = extract(page)!.article.text;
    expect(text).toContain('the famous relation states.\n\nE = m c2\n\nHere the speed');
  });
  it('leaves out the TeX source annotation and the aria-hidden rendering', () => {
    const text = extract(page)!.article.text;
    expect(text).not.toContain('mc^2');
    expect(text).not.toContain('mc²');
  });
});

const SECTIONS = `<h1>Notes on the tides</h1>
<p>Tides rise and fall twice a day on most coasts, driven by the moon and, to a lesser degree, the sun.</p>
<h2>Spring tides</h2><p>When sun and moon pull in line, the range between high and low water is largest.</p>
<h2>Neap tides</h2><p>At the quarter moons the two pulls partly cancel, and the range is smallest.</p>
<h2>Local effects</h2><p>The shape of a bay can amplify the range, which is why some harbours see very high tides.</p>`;

function bare(extra: string): string {
  return `<!doctype html><html><head><title>Notes on the tides</title></head><body>${extra}${SECTIONS}</body></html>`;
}

describe('article or not: bare documents', () => {
  it('accepts a short sectioned document that is the whole page, with no links or furniture', () => {
    const ex = extract(bare(''));
    expect(ex).not.toBeNull();
    expect(ex!.article.text).toContain('Neap tides\n\nAt the quarter moons');
  });
  it('rejects the same text once the page carries site navigation', () => {
    const nav = '<ul><li><a href="/">Home</a></li><li><a href="/shop">Shop the tide tables</a></li><li><a href="/about">About the harbour office</a></li><li><a href="/contact">Contact us</a></li></ul>';
    expect(extract(bare(nav))).toBeNull();
  });
  it('rejects an unsectioned status page without links', () => {
    const status = `<!doctype html><html><head><title>Server status</title></head><body><h1>Server status for host-7</h1>
<dl><dt>Server version: 2.4.7</dt><dt>Uptime: 18 minutes 33 seconds</dt><dt>Load: 1.22 0.96 0.63</dt>
<dt>Total accesses: 1133, total traffic: 29.1 MB</dt><dt>3 requests currently being processed, 7 idle workers</dt></dl>
<p>Key: "_" waiting for connection, "S" starting up, "R" reading request, "W" sending reply, "K" keepalive, "D" DNS lookup, "C" closing connection.</p>
</body></html>`;
    expect(extract(status)).toBeNull();
  });
});

describe('where the story ends', () => {
  const para = (s: string): string => `<p>${s} The council will discuss the plans again next month, and residents may send comments until then.</p>`;
  const story = ['The city will rebuild the market hall by 2027, the mayor said on Friday.', 'Traders will move to a tent on the square while the work goes on.',
    '"We owe the hall a future," the mayor said at the presentation.', 'The budget of twelve million euros is shared with the regional government.'].map(para).join('');
  const latest = `<div class="latest"><h3>Regional trains to run every half hour from June</h3>${para('The rail operator announced a denser timetable for the regional lines.')}${para('New trains are to arrive in spring, the operator said.')}</div>`;
  const furniture = `<div class="share-bar"><a href="/s/fb">Share on Facebook</a> <a href="/s/x">Share on X</a></div>
<div class="related"><h3><a href="/a/1">Old market hall closes after a hundred years of trading</a></h3></div>
<div class="related"><h3><a href="/a/2">Traders protest against the planned rent increase at the hall</a></h3></div>
<div class="related"><h3><a href="/a/3">Where to shop while the market hall is closed</a></h3></div>
<div class="tags"><a href="/t/city">City</a> <a href="/t/market">Market hall</a> <a href="/t/council">City council</a></div>
<div class="ad">Advertisement</div>`;

  it('drops a full story printed in a box after the article\'s share bar, related links and tags', () => {
    const html = `<!doctype html><html><head><meta property="og:type" content="article"><title>Market hall</title></head><body>
<div class="page"><div class="story"><h1>Market hall to be rebuilt</h1>${story}</div>${furniture}${latest}</div></body></html>`;
    const text = extract(html)!.article.text;
    expect(text).toContain('shared with the regional government');
    expect(text).not.toContain('Regional trains');
    expect(text).not.toContain('denser timetable');
  });
  it('keeps a story that continues after a single ad slot under a heading of its own', () => {
    const rest = `<div class="more"><h3>What happens to the traders</h3>${para('The traders will pay a reduced rent during the works.')}${para('Their association welcomed the plan.')}</div>`;
    const html = `<!doctype html><html><head><meta property="og:type" content="article"><title>Market hall</title></head><body>
<div class="page"><div class="story"><h1>Market hall to be rebuilt</h1>${story}</div><div class="ad">Advertisement</div>${rest}</div></body></html>`;
    const text = extract(html)!.article.text;
    expect(text).toContain('What happens to the traders\n\nThe traders will pay');
  });
});

describe('the story between joined siblings', () => {
  const item = (n: number): string => `<li><strong><a href="/story/${n}">Item ${n}: the regional airport reports record passenger numbers for the month</a>.</strong> Airlines added ${n} new routes this season, and the terminal is to grow next year.</li>`;
  const p = (s: string): string => `<p>${s} Readers can find the full reports behind each item on our site, and the briefing returns tomorrow morning as usual.</p>`;
  const html = `<!doctype html><html><head><meta property="og:type" content="article"><title>Morning briefing</title></head><body>
<div class="post"><h1>Morning briefing: five things to know today</h1>${p('Good morning! Here is what you need to know on this Tuesday.')}
<ol>${[1, 2, 3, 4, 5, 6].map(item).join('')}</ol>${p('That is all for today.')}${p('You can also get this briefing by email every weekday.')}</div>
<aside><a href="/a">Most read</a></aside></body></html>`;

  it('keeps a linked item list that stands between the story\'s paragraphs', () => {
    const text = extract(html)!.article.text;
    expect(text).toContain('Airlines added 3 new routes this season, and the terminal is to grow next year.');
    expect(text.indexOf('Item 1:')).toBeGreaterThan(text.indexOf('Good morning!'));
    expect(text.indexOf('Item 6:')).toBeLessThan(text.indexOf('That is all for today.'));
  });
});

describe('furniture words inside compound class names', () => {
  it('drops a "relatedposts" box with excerpts after the story', () => {
    const p = (s: string): string => `<p>${s} The survey asked more than fifty thousand developers about their tools, their pay and how they learned to program.</p>`;
    const html = `<!doctype html><html><head><meta property="og:type" content="article"><title>Survey</title></head><body><div class="entry">
<h1>Developer survey published</h1>${p('The annual developer survey is out.')}${p('Remote work keeps growing.')}${p('Salaries rose in most countries.')}
<div id="jp-relatedposts" class="jp-relatedposts"><h3>Related</h3><div class="jp-relatedposts-items">
<p class="jp-relatedposts-post-excerpt">Last year's survey showed a similar picture, with most developers learning on their own and many working remotely at least part of the week.</p>
<p class="jp-relatedposts-post-context">In "News"</p></div></div></div></body></html>`;
    const text = extract(html)!.article.text;
    expect(text).toContain('Salaries rose in most countries.');
    expect(text).not.toContain("Last year's survey");
    expect(text).not.toContain('In "News"');
  });
});

describe('a snippet list above the story', () => {
  it('drops a "breaking news" list of linked headlines with summaries that precedes the story\'s text', () => {
    const tick = (n: number): string => `<li><a href="/n/${n}">Flood warning ${n} issued for the river valley</a> VALLEYTOWN: The weather service warned of rising water levels along the river after two days of heavy rain, and asked residents to stay alert.</li>`;
    const p = (s: string): string => `<p>${s} The ferry company said it would review its timetable once the new rules are published later this year.</p>`;
    const html = `<!doctype html><html><head><meta property="og:type" content="article"><title>Ferry fares</title></head><body><div class="main">
<div class="ticker"><ul>${[1, 2, 3, 4].map(tick).join('')}</ul></div>
<h2>Ferry fares to fall next spring</h2><div class="text">${p('Ferry fares on the island routes will fall by a tenth next spring, the transport ministry said.')}${p('Islanders had long complained about the cost of crossing.')}${p('The ministry will pay the difference to the operators.')}</div>
</div></body></html>`;
    const text = extract(html)!.article.text;
    expect(text.startsWith('Ferry fares to fall next spring')).toBe(true);
    expect(text).not.toContain('Flood warning');
  });
});

describe('layout qualifiers in class names', () => {
  const el = (cls: string): Element => parseHtmlString(`<div class="${cls}">x</div>`).querySelector('div')!;
  it('reads "without-sidebar", "no-ads", "contentWithSidebar" as layout, not furniture', () => {
    expect(isJunkElement(el('content container without-sidebar'), 'div')).toBe(false);
    expect(isJunkElement(el('page no-ads'), 'div')).toBe(false);
    expect(isJunkElement(el('contentWithSidebar'), 'div')).toBe(false);
  });
  it('still reads the bare words as furniture', () => {
    expect(isJunkElement(el('sidebar'), 'div')).toBe(true);
    expect(isJunkElement(el('ad-slot'), 'div')).toBe(true);
    expect(isJunkElement(el('jp-relatedposts'), 'div')).toBe(true);
  });
});

describe('linked sentences among the story\'s paragraphs', () => {
  const p = (s: string): string => `<p>${s} Officials said more details would follow in the coming days, once the talks have ended.</p>`;
  const html = `<!doctype html><html><head><meta property="og:type" content="article"><title>Talks</title></head><body><div class="entry">
<h1>Coalition talks: the latest</h1>${p('The parties met again on Thursday.')}
<p><a href="/story/budget">The two parties agreed on a budget framework late on Wednesday night, according to people close to the talks</a>, and will now turn to pensions.</p>
${p('Negotiators described the mood as constructive.')}
<p><a href="/promo">Read more: how the last coalition fell apart over pensions and what it means for the new talks today.</a></p>
${p('A final deal is expected before the summer.')}</div></body></html>`;

  it('keeps a full sentence whose words are mostly a link', () => {
    expect(extract(html)!.article.text).toContain('agreed on a budget framework late on Wednesday night');
  });
  it('leaves out a labelled promo link between paragraphs', () => {
    expect(extract(html)!.article.text).not.toContain('how the last coalition fell apart');
  });
});

describe('a section labelled as related content', () => {
  const excerpt = (n: number): string => `<article class="card"><p>Excerpt ${n}: a gentle reminder that small daily habits, kept up for a long time, change more than any single grand resolution made at the start of the year.</p></article>`;
  const page = (story: string): string => `<!doctype html><html><head><meta property="og:type" content="article"><title>Habits</title></head><body><div id="primary">
<article class="entry"><h1>On habits</h1>${story}</article>
<section class="more"><h3 class="relatedposts-title">You may also like</h3>${[1, 2, 3, 4].map(excerpt).join('')}</section></div></body></html>`;

  it('drops the excerpts that follow a heading classed as related, even when they outweigh a short story', () => {
    const story = '<p>Habits are built slowly. Researchers found that it takes about two months, on average, before a new behaviour feels automatic, with large differences between people.</p>' +
      '<p>Missing a single day did not matter much in their study; what mattered was returning to the habit the next day, in the same place and at the same time.</p>';
    const text = extract(page(story))!.article.text;
    expect(text).toContain('Habits are built slowly.');
    expect(text).not.toContain('Excerpt');
  });
  it('keeps the story that continues after a related label inside the story\'s own container', () => {
    const story = '<p>Habits are built slowly, researchers found, and it takes about two months before a new behaviour feels automatic to most people.</p>' +
      '<h3 class="related-heading">Related</h3><ul><li><a href="/a">Why resolutions fail</a></li></ul>' +
      '<p>Missing a single day did not matter much in their study; what mattered was returning to the habit the next day, in the same place.</p>';
    expect(extract(page(story))!.article.text).toContain('Missing a single day did not matter much');
  });
});
