/**
 * Title, byline, publication date and agency credits, combining what the
 * page declares (structured data, meta tags) with what the body container
 * shows (h1, byline and credit lines, dateline, a trailing "(dpa)").
 */
import { agenciesInByline, parseCreditLine, trailingCredit } from './credits.ts';
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

export function pickTitle(doc: Document, s: PageSignals, h1InBody: string | null): string | null {
  const docH1 = h1InBody ?? doc.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() ?? null;
  const raw = s.headline ?? s.ogTitle ?? docH1 ?? doc.querySelector('title')?.textContent ?? null;
  if (!raw) return null;
  const t = cleanTitle(raw, s.siteName, docH1);
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

export function pickPublished(doc: Document, s: PageSignals, root: Element): string | null {
  const declared = normalizeDate(s.published);
  if (declared) return declared;
  // A <time datetime> in the article container (or its article ancestor) before the body text.
  const scope = root.closest('article') ?? root.parentElement ?? root;
  const time = scope.querySelector('time[datetime]') ?? doc.querySelector('time[datetime]');
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
