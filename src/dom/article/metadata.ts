/**
 * Title, byline, publication date and agency credits, combining what the
 * page declares (structured data, meta tags) with what the body container
 * shows (h1, byline and credit lines, dateline, a trailing "(dpa)").
 */
import { agenciesInByline, parseCreditLine, trailingCredit } from './credits.ts';
import type { PageParts } from './blocks.ts';
import type { PageSignals } from './page-signals.ts';

export { cleanTitle, decodeEntities, pickTitle } from './title.ts';


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
