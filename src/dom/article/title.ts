/**
 * The article's title. Pages state it up to four times (og:title, the
 * schema.org headline, the visible h1, <title>) and the copies often differ:
 * a kicker folded into the h1, an SEO variant in <title>, a shorter social
 * headline. This module cleans each candidate (site-name suffixes, HTML
 * entities, UTF-8 read as Latin-1) and picks one by how the copies agree.
 */
import type { PageParts } from './blocks.ts';
import type { PageSignals } from './page-signals.ts';

const SEP = /\s+[|–—·»:*-]\s+/;

/** Strip a " | Site" / " - Site" / " – Site" suffix or prefix (or a " * Site * by Author" tail) that names the site. */
export function cleanTitle(title: string, siteName: string | null, h1: string | null): string {
  const t = title.replace(/\s+/g, ' ').trim();
  // "<h1> | Site": the h1 followed by a separator (a colon would continue the headline, not end it).
  if (h1 && h1.length > 10 && t.startsWith(h1) && (t.length === h1.length || /^\s+[|–—·»*-]\s+/.test(t.slice(h1.length)))) return h1;
  const parts = t.split(SEP);
  if (parts.length < 2) return t;
  const site = siteName?.toLowerCase().trim();
  if (site) {
    const names = (p: string): boolean => {
      const l = p.toLowerCase();
      return l.length > 0 && (l.includes(site) || site.includes(l));
    };
    if (names(parts[0]!)) return t.slice(parts[0]!.length).replace(/^\s*[|–—·»:*-]\s+/, '').trim();
    // The site's part and everything after it (section names, "by Author") go.
    let cut = t.length;
    let from = 0;
    for (let i = 0; i < parts.length; i++) {
      const at = t.indexOf(parts[i]!, from);
      if (i > 0 && names(parts[i]!)) {
        cut = at;
        break;
      }
      from = at + parts[i]!.length;
    }
    if (cut < t.length) return t.slice(0, cut).replace(/\s+[|–—·»:*-]\s*$/, '').trim();
  }
  // Separator "|" almost always separates the site name; the longest part is the headline.
  if (/\s\|\s/.test(t)) return t.split(/\s+\|\s+/).reduce((a, b) => (b.length > a.length ? b : a));
  return t;
}

const ENTITIES: Record<string, string> = {
  amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ', auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä',
  Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß', eacute: 'é', egrave: 'è', agrave: 'à', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', bdquo: '„', laquo: '«', raquo: '»', shy: '',
};

/** Structured data often carries HTML-escaped text ("zerst&ouml;ren", "&#8217;"). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

const MOJIBAKE = /[ÃÂ][\u0080-\u00bf]/;

/**
 * UTF-8 bytes that a server or CMS decoded as Latin-1 ("fÃ¼r" for "für"):
 * re-read them as UTF-8 when that is valid; anything else stays as it is.
 */
export function repairMojibake(s: string): string {
  if (!MOJIBAKE.test(s)) return s;
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) return s;
    bytes[i] = c;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return s;
  }
}

/** Comparison key: case, quote style and spacing do not make two titles different. */
function key(s: string): string {
  return s.toLowerCase().replace(/[\s"'“”„«»‘’‚‹›]+/g, ' ').trim();
}

/** Meta names under which a page states its title for its own systems (CMS, newsletter and analytics tags), in order of trust. */
const STATED_TITLE_NAMES = ['title', 'sailthru.title', 'parsely-title'];

/** The title the page states outright (`<meta name="title">` and kin), apart from the social (og:) and SEO (<title>) copies. */
function statedTitle(metas: readonly Element[]): string | null {
  let best: string | null = null;
  let rank = STATED_TITLE_NAMES.length;
  for (const m of metas) {
    const name = m.getAttribute('name');
    if (!name) continue;
    const r = STATED_TITLE_NAMES.indexOf(name.toLowerCase());
    if (r >= 0 && r < rank) {
      best = m.getAttribute('content');
      rank = r;
    }
  }
  return best;
}

/**
 * A stated title (`<meta name="title">`, `sailthru.title`, `parsely-title`)
 * that the schema.org headline or the <title> confirms wins: few CMSs emit
 * one, and where they do it carries the editor's headline while og:title is
 * rewritten for social feeds. (An h1 does not confirm it: a stated copy of a
 * social og:title that the h1 repeats is the case the next rule is for.)
 * Otherwise og:title first; but when og:title and the schema.org headline
 * differ and og:title is only a copy of the visible h1 or <title> while the
 * headline is not, the headline was written for its own sake and wins (CMSs
 * fill og:title from the page title by default; a differing headline is an
 * editor's choice). The h1 (from the body container, else the page's first)
 * and <title> are fallbacks.
 */
export function pickTitle(parts: PageParts, s: PageSignals, h1InBody: string | null): string | null {
  const h1 = h1InBody ?? parts.h1?.textContent?.replace(/[\s\u00ad\u200b]+/g, ' ').trim() ?? null;
  const clean = (raw: string | null): string | null => {
    if (!raw) return null;
    const t = cleanTitle(repairMojibake(decodeEntities(raw)), s.siteName, h1);
    return t.length > 0 ? t : null;
  };
  const og = clean(s.ogTitle);
  const headline = clean(s.headline);
  const pageTitle = clean(parts.title?.textContent ?? null);
  const visible = [clean(h1), pageTitle].filter((x): x is string => x !== null).map(key);
  const stated = clean(statedTitle(parts.metas));
  if (stated && [headline, pageTitle].some((t) => t !== null && key(t) === key(stated))) return stated;
  if (og && headline && key(og) !== key(headline)) {
    const ogEcho = visible.includes(key(og));
    const headlineEcho = visible.includes(key(headline));
    return ogEcho && !headlineEcho ? headline : og;
  }
  return og ?? headline ?? clean(h1) ?? pageTitle;
}
