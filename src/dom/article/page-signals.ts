/**
 * What the page declares about itself, read from <head> and structured data:
 * schema.org JSON-LD and microdata (types, headline, authors, dates,
 * language, dateline), Open Graph, Dublin Core and common meta names. These
 * signals decide "article or not" together with the body's own shape and
 * provide the metadata when they exist.
 */

export interface PageSignals {
  /** schema.org @type values found (JSON-LD and microdata). */
  types: string[];
  /** A schema.org Article-like type is declared. */
  articleType: boolean;
  /** A schema.org type that describes a non-article page (WebSite, CollectionPage, Product…) and no article type. */
  nonArticleType: boolean;
  ogType: string | null;
  headline: string | null;
  ogTitle: string | null;
  siteName: string | null;
  authors: string[];
  published: string | null;
  language: string | null;
  dateline: string | null;
}

const ARTICLE_TYPES = /^(Article|NewsArticle|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|AskPublicNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|TechArticle|SatiricalArticle|SocialMediaPosting|DiscussionForumPosting|AdvertiserContentArticle)$/;
const NON_ARTICLE_TYPES = /^(WebSite|CollectionPage|SearchResultsPage|Product|ItemList|ProfilePage|Store|Organization|ContactPage|AboutPage)$/;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function asStrings(v: Json | undefined): string[] {
  if (v == null) return [];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap((x) => asStrings(x));
  return [];
}

function nameOf(v: Json | undefined): string[] {
  if (v == null) return [];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap((x) => nameOf(x));
  if (typeof v === 'object') {
    const n = v['name'];
    return typeof n === 'string' ? [n] : asStrings(n ?? null);
  }
  return [];
}

function typeNames(v: Json | undefined): string[] {
  return asStrings(v).map((t) => t.replace(/^https?:\/\/schema\.org\//, ''));
}

/** Every object in a JSON-LD value (through @graph, arrays and nested mainEntity). */
function* objects(v: Json, depth = 0): Generator<{ [k: string]: Json }> {
  if (depth > 4 || v == null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    for (const x of v) yield* objects(x, depth + 1);
    return;
  }
  yield v;
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement']) {
    const sub = v[key];
    if (sub && typeof sub === 'object') yield* objects(sub, depth + 1);
  }
}

function meta(doc: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    const el = doc.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const c = el?.getAttribute('content')?.trim();
    if (c) return c;
  }
  return null;
}

export function readPageSignals(doc: Document): PageSignals {
  const types: string[] = [];
  let headline: string | null = null;
  let authors: string[] = [];
  let published: string | null = null;
  let language: string | null = null;
  let dateline: string | null = null;
  let articleType = false;

  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: Json;
    try {
      data = JSON.parse((script.textContent ?? '').trim()) as Json;
    } catch {
      continue;
    }
    for (const o of objects(data)) {
      const ts = typeNames(o['@type']);
      types.push(...ts);
      if (!ts.some((t) => ARTICLE_TYPES.test(t))) continue;
      // The first article object wins: pages list the main story first and related ones later.
      if (articleType) continue;
      articleType = true;
      headline = asStrings(o['headline'] ?? o['name'] ?? null)[0] ?? null;
      authors = nameOf(o['author'] ?? null);
      published = asStrings(o['datePublished'] ?? o['dateCreated'] ?? null)[0] ?? null;
      language = asStrings(o['inLanguage'] ?? null)[0] ?? nameOf(o['inLanguage'] ?? null)[0] ?? null;
      dateline = asStrings(o['dateline'] ?? o['locationCreated'] ?? null)[0] ?? null;
    }
  }

  for (const el of Array.from(doc.querySelectorAll('[itemscope][itemtype]'))) {
    for (const t of (el.getAttribute('itemtype') ?? '').split(/\s+/)) {
      const name = t.replace(/^https?:\/\/schema\.org\//, '');
      if (!name) continue;
      types.push(name);
      if (ARTICLE_TYPES.test(name)) articleType = true;
    }
  }
  if (!headline) {
    const h = doc.querySelector('[itemprop="headline"]');
    headline = h ? (h.getAttribute('content') ?? h.textContent ?? '').trim() || null : null;
  }
  if (authors.length === 0) {
    for (const el of Array.from(doc.querySelectorAll('[itemprop="author"]')).slice(0, 6)) {
      const n = el.querySelector('[itemprop="name"]') ?? el;
      const t = (n.getAttribute('content') ?? n.textContent ?? '').replace(/\s+/g, ' ').trim();
      if (t && t.length < 80 && !authors.includes(t)) authors.push(t);
    }
  }
  if (!published) {
    const el = doc.querySelector('[itemprop="datePublished"]');
    published = el ? (el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent ?? '').trim() || null : null;
  }
  published ??= meta(doc, 'article:published_time', 'og:article:published_time', 'datePublished', 'date', 'pubdate',
    'publishdate', 'publish-date', 'DC.date.issued', 'dc.date', 'DC.date', 'dcterms.date', 'sailthru.date', 'parsely-pub-date');

  const metaAuthor = meta(doc, 'author', 'article:author', 'dc.creator', 'DC.creator', 'parsely-author', 'sailthru.author');
  if (authors.length === 0 && metaAuthor && !/^https?:/.test(metaAuthor)) authors = [metaAuthor];

  const htmlLang = doc.documentElement?.getAttribute('lang') ?? null;
  language ??= htmlLang?.trim() || meta(doc, 'content-language', 'og:locale', 'dc.language', 'DC.language', 'language');
  if (!language) {
    const eq = Array.from(doc.querySelectorAll('meta[http-equiv]'))
      .find((m) => (m.getAttribute('http-equiv') ?? '').toLowerCase() === 'content-language');
    language = eq?.getAttribute('content')?.trim() || null;
  }

  const nonArticleType = !articleType && types.some((t) => NON_ARTICLE_TYPES.test(t));
  return {
    types, articleType, nonArticleType,
    ogType: meta(doc, 'og:type')?.toLowerCase() ?? null,
    headline: clean(headline),
    ogTitle: clean(meta(doc, 'og:title', 'twitter:title', 'dc.title', 'DC.title')),
    siteName: meta(doc, 'og:site_name', 'application-name'),
    authors: dedupe(authors.map((a) => a.replace(/\s+/g, ' ').trim()).filter((a) => a.length > 0 && a.length < 100)),
    published, language, dateline,
  };
}

function clean(s: string | null): string | null {
  if (!s) return null;
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 0 ? t : null;
}

function dedupe(xs: string[]): string[] {
  return xs.filter((x, i) => xs.indexOf(x) === i);
}
