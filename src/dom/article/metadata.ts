/**
 * Title, byline, publication date and agency credits, combining what the
 * page declares (structured data, meta tags) with what the body container
 * shows (h1, byline and credit lines, dateline, a trailing "(dpa)").
 */
import { agenciesInByline, parseCreditLine, trailingCredit } from './credits.ts';
import type { PageParts } from './blocks.ts';
import type { PageSignals } from './page-signals.ts';

/** Strip a " | Site" / " - Site" / " – Site" suffix or prefix that names the site. */
export function cleanTitle(title: string, siteName: string | null, h1: string | null): string {
  const t = title.replace(/\s+/g, ' ').trim();
  if (h1 && h1.length > 10 && t.startsWith(h1)) return h1;
  const parts = t.split(/\s+[|–—·»:-]\s+/);
  if (parts.length < 2) return t;
  const site = siteName?.toLowerCase().trim();
  if (site) {
    const first = parts[0]!.toLowerCase();
    const last = parts[parts.length - 1]!.toLowerCase();
    if (last.includes(site) || site.includes(last)) return t.slice(0, t.length - parts[parts.length - 1]!.length).replace(/\s+[|–—·»:-]\s*$/, '').trim();
    if (first.includes(site) || site.includes(first)) return t.slice(parts[0]!.length).replace(/^\s*[|–—·»:-]\s+/, '').trim();
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

/**
 * Declared headline (schema.org, then Open Graph) first: measured on the
 * fundus pages it matches the publisher's own title more often than the h1,
 * whose markup often folds a kicker into it. The h1 (from the body
 * container, else the page's first) and <title> are fallbacks.
 */
export function pickTitle(parts: PageParts, s: PageSignals, h1InBody: string | null): string | null {
  const h1 = h1InBody ?? parts.h1?.textContent?.replace(/[\s\u00ad\u200b]+/g, ' ').trim() ?? null;
  const raw = s.headline ?? s.ogTitle ?? h1 ?? parts.title?.textContent ?? null;
  if (!raw) return null;
  const t = cleanTitle(decodeEntities(raw), s.siteName, h1);
  return t.length > 0 ? t : null;
}

/** ISO 8601 as declared when it already is; otherwise parsed and normalised; null when unreadable. */
export function normalizeDate(raw: string | null): string | null {
  if (!raw) return null;
  const t = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(t)) return t.replace(' ', 'T');
  const de = /^(\d{1,2})\.(\d{1,2})\.(\d{4})/.exec(t);
  if (de) return `${de[3]}-${de[2]!.padStart(2, '0')}-${de[1]!.padStart(2, '0')}`;
  const ms = Date.parse(t);
  if (Number.isFinite(ms)) return new Date(ms).toISOString();
  return null;
}

export function pickPublished(parts: PageParts, s: PageSignals, root: Element): string | null {
  const declared = normalizeDate(s.published);
  if (declared) return declared;
  // A <time datetime> in the article container's surroundings first, else the page's first.
  const scope = root.closest('article') ?? root.parentElement ?? root;
  const time = parts.times.find((t) => scope.contains(t)) ?? parts.times[0];
  return normalizeDate(time?.getAttribute('datetime') ?? null);
}

export function pickByline(doc: Document, s: PageSignals, bylineLines: string[]): string | null {
  if (s.authors.length > 0) return s.authors.join(', ');
  const line = bylineLines[0] ?? visibleByline(doc);
  if (!line) return null;
  const b = line.replace(/^(von|by|text|autor(in)?|author)\s*:?\s+/i, '').split(/\s+[·|•]\s+|\s+[-–—]\s+(?=\d)/)[0]?.trim() ?? '';
  return b.length > 0 && b.length < 120 ? b : null;
}

function visibleByline(doc: Document): string | null {
  const el = doc.querySelector('[rel="author"], [itemprop="author"], .byline, .author, .article-author, .story-byline');
  const t = el?.textContent?.replace(/\s+/g, ' ').trim();
  return t && t.length < 120 ? t : null;
}

export function collectAgencies(
  s: PageSignals, creditLines: string[], bylineLines: string[], byline: string | null,
  datelineAgencies: string[], lastParagraph: string | null,
): string[] {
  const out: string[] = [];
  const add = (xs: readonly string[] | null): void => {
    for (const x of xs ?? []) if (!out.includes(x)) out.push(x);
  };
  for (const a of s.authors) add(parseCreditLine(a));
  for (const l of bylineLines) add(agenciesInByline(l));
  if (byline) add(agenciesInByline(byline));
  add(datelineAgencies);
  for (const c of creditLines) add(parseCreditLine(c));
  if (lastParagraph) add(trailingCredit(lastParagraph));
  return out;
}
