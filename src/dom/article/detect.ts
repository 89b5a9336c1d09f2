/**
 * Article or not. Declared signals (schema.org article types, og:type) lower
 * the bar; the body's own shape decides: enough story prose in one container,
 * in several paragraphs, not drowned in links. Homepages, portals, product
 * and server pages fail on shape (prose scattered over many teasers, link
 * lists) or declare themselves (WebSite/CollectionPage, og:type=website on a
 * site root).
 */
import type { BodyChoice } from './body.ts';
import { letterRuns } from '../../core/language.ts';
import { asciiWordAt, isAsciiWord } from './dateline-chars.ts';
import type { Block } from './blocks.ts';
import type { PageSignals } from './page-signals.ts';

export interface ArticleEvidence {
  declared: boolean;
  good: number;
  paras: number;
  keptChars: number;
  /** Share of the page's story-like prose that lies inside the body container. */
  concentration: number;
  /** Link characters / all characters in the container. */
  linkDensity: number;
  rootPath: boolean;
  /** Largest share of kept prose that sits under one parent element (teaser grids scatter it). */
  siblingShare: number;
  /** Headings in the container that are mostly link text (teaser headlines). */
  linkedHeadings: number;
  /** Share of the container's prose that reads as teaser summaries under linked headlines. */
  teaserShare: number;
  verdict: boolean;
}

function isRootUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  try {
    return isRootPath(new URL(url).pathname);
  } catch {
    return false;
  }
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

/**
 * A site's front page by its path: "", "/", "/index.html", "/home", "/start", "/de",
 * "/en-us", each with an optional trailing slash, in any ASCII case. The same as
 * `p === '/' || p === '' || /^\/(index\.\w+|home|start|[a-z]{2}(-[a-z]{2})?)\/?$/i.test(p)`
 * (detect.test.ts checks it against that regex), without compiling the regex on every page.
 */
export function isRootPath(p: string): boolean {
  if (p === '/' || p === '') return true;
  if (p.charCodeAt(0) !== 0x2f) return false;
  const end = p.charCodeAt(p.length - 1) === 0x2f && p.length > 1 ? p.length - 1 : p.length;
  const n = end - 1;
  if (n === 2) return isAsciiLetter(p.charCodeAt(1)) && isAsciiLetter(p.charCodeAt(2));
  if (n === 5 && p.charCodeAt(3) === 0x2d) {
    if (isAsciiLetter(p.charCodeAt(1)) && isAsciiLetter(p.charCodeAt(2)) && isAsciiLetter(p.charCodeAt(4)) && isAsciiLetter(p.charCodeAt(5))) return true;
  }
  if ((n === 4 && asciiWordAt(p, 1, 'home')) || (n === 5 && asciiWordAt(p, 1, 'start'))) return true;
  if (n > 6 && asciiWordAt(p, 1, 'index.')) {
    for (let i = 7; i < end; i++) if (!isAsciiWord(p.charCodeAt(i))) return false;
    return true;
  }
  return false;
}

/** Content words (≥ 5 letters) of the <title> mostly recur in the page's h1 or the story's first heading or paragraph. */
export function titleNamesStory(pageTitle: string | null, kept: Block[], h1: string | null = null): boolean {
  const words = letterRuns((pageTitle ?? '').toLowerCase(), 5);
  if (words.length === 0) return false;
  const opening = `${h1 ?? ''} ${kept.slice(0, 2).map((b) => b.text).join(' ')}`.toLowerCase();
  const found = words.filter((w) => opening.includes(w)).length;
  return found >= 0.5 * words.length;
}

/**
 * A bare document: the page is nothing but the text in the container (no
 * links, no furniture outside or inside it) and that text is sectioned by
 * subheadings with prose among them (a paper, a how-to, a demo page). Such a
 * page is one piece of writing even when it is short; portals, product and
 * server pages always carry navigation, links or unsectioned data.
 */
export function isBareDocument(choice: BodyChoice, kept: Block[], allBlocks: Block[]): boolean {
  let pageChars = 0;
  let furniture = 0;
  for (const b of allBlocks) {
    pageChars += b.text.length;
    furniture += b.junk ? b.text.length : b.linkChars;
  }
  if (pageChars === 0 || furniture > 0.02 * pageChars || choice.stats.total < 0.9 * pageChars) return false;
  let sections = 0;
  let chars = 0;
  for (const b of kept) {
    if (b.heading > 1) sections++;
    else if (b.heading === 0) chars += b.weight;
  }
  const { good, paras } = choice.stats;
  return sections >= 3 && paras >= 2 && chars >= 300 && good >= 0.3 * chars;
}

export function judgeArticle(
  signals: PageSignals,
  choice: BodyChoice,
  kept: Block[],
  teaserChars: number,
  allBlocks: Block[],
  url: string | null | undefined,
  pageTitle: string | null = null,
  h1: string | null = null,
): ArticleEvidence {
  let pageGood = 0;
  for (const b of allBlocks) if (!b.junk && b.heading === 0 && b.weight >= 80 && b.linkChars / b.text.length <= 0.35) pageGood += b.text.length;
  const keptChars = kept.reduce((n, b) => n + (b.heading > 0 ? 0 : b.weight), 0);
  const { good, paras, total, links } = choice.stats;
  const concentration = pageGood > 0 ? good / pageGood : 0;
  const linkDensity = total > 0 ? links / total : 1;
  const declared = signals.articleType || signals.ogType === 'article' || choice.hinted;
  const rootPath = isRootUrl(url);
  const byParent = new Map<Element | null, [number, number]>();
  let prose = 0;
  for (const b of kept) {
    if (b.heading > 0) continue;
    const parent = b.owner.parentElement;
    const e = byParent.get(parent);
    if (e) {
      e[0] += b.text.length;
      e[1]++;
    } else byParent.set(parent, [b.text.length, 1]);
    prose += b.text.length;
  }
  let siblingShare = 0;
  // Prose in parents that hold several paragraphs: the sections of one document, unlike one snippet per card.
  let grouped = 0;
  for (const [chars, n] of byParent.values()) {
    siblingShare = Math.max(siblingShare, prose > 0 ? chars / prose : 0);
    if (n >= 2) grouped += chars;
  }
  const groupedShare = prose > 0 ? grouped / prose : 0;
  const linkedHeadings = choice.inRoot.filter((b) => b.heading > 0 && b.linkChars / b.text.length > 0.5).length;
  const teaserShare = teaserChars / Math.max(1, teaserChars + keptChars);
  let verdict: boolean;
  if (signals.nonArticleType && !declared && rootPath) verdict = false;
  // Mostly teaser summaries: a front page, unless a declared article keeps a real body besides them.
  else if (teaserShare > 0.4 && (!declared || keptChars < 1500)) verdict = false;
  else if (declared) verdict = keptChars >= 250 && paras >= 1 && linkDensity < 0.5 && concentration >= 0.25;
  // Undeclared pages need more story text: product, about and landing pages have a few short paragraphs too.
  else {
    const avgPara = paras > 0 ? good / paras : 0;
    // Short paragraphs each under its own parent are a stream of snippets (portal), not one story.
    const scattered = siblingShare < 0.25 && groupedShare < 0.5 && avgPara < 200;
    verdict = !scattered && (keptChars >= 1500 && paras >= 3 && linkDensity < 0.35 && concentration >= 0.4) ||
      // A short news item: few but long paragraphs, almost no links, nearly all the page's prose.
      (keptChars >= 400 && avgPara >= 250 && linkDensity < 0.1 && concentration >= 0.7) ||
      isBareDocument(choice, kept, allBlocks);
  }
  if (verdict && rootPath && signals.ogType === 'website' && !signals.articleType) verdict = concentration >= 0.7 && paras >= 4;
  // A page that reloads itself on a timer, declares no article and whose <title> does not name the story
  // is a front page or ticker that happens to lead with one story in full.
  if (verdict && signals.refreshes && !signals.articleType && signals.ogType !== 'article' && !titleNamesStory(pageTitle, kept, h1)) verdict = false;
  return { declared, good, paras, keptChars, concentration, linkDensity, rootPath, siblingShare, linkedHeadings, teaserShare, verdict };
}
