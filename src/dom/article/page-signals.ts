/**
 * What the page declares about itself, read from <head> and structured data:
 * schema.org JSON-LD and microdata (types, headline, authors, dates,
 * language, dateline), Open Graph, Dublin Core and common meta names. These
 * signals decide "article or not" together with the body's own shape and
 * provide the metadata when they exist.
 */
import type { PageParts } from './blocks.ts';

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
  /** The page reloads itself on a timer (meta refresh with a delay and no target URL), as front pages and tickers do. */
  refreshes: boolean;
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

/** Meta tag contents by lower-cased property / name / itemprop / http-equiv (first occurrence wins). */
function metaIndex(metas: Element[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const el of metas) {
    const content = el.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const k = el.getAttribute(attr)?.trim().toLowerCase();
      if (k && !m.has(k)) m.set(k, content);
    }
  }
  return m;
}

function textOf(el: Element): string {
  return (el.getAttribute('content') ?? el.getAttribute('datetime') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function hasProp(el: Element, prop: string): boolean {
  return (el.getAttribute('itemprop') ?? '').split(/\s+/).includes(prop);
}

export function readPageSignals(doc: Document, parts: PageParts): PageSignals {
  const metas = metaIndex(parts.metas);
  const meta = (...keys: string[]): string | null => {
    for (const k of keys) {
      const v = metas.get(k.toLowerCase());
      if (v) return v;
    }
    return null;
  };
  const types: string[] = [];
  let headline: string | null = null;
  let authors: string[] = [];
  let published: string | null = null;
  let language: string | null = null;
  let dateline: string | null = null;
  let articleType = false;

  for (const script of parts.ldJson) {
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

  for (const el of parts.microdata) {
    for (const t of (el.getAttribute('itemtype') ?? '').split(/\s+/)) {
      const name = t.replace(/^https?:\/\/schema\.org\//, '');
      if (!name) continue;
      types.push(name);
      if (ARTICLE_TYPES.test(name)) articleType = true;
    }
  }
  if (!headline) {
    const h = parts.microdata.find((el) => hasProp(el, 'headline'));
    headline = h ? textOf(h) || null : null;
  }
  if (authors.length === 0) {
    for (const el of parts.microdata.filter((e) => hasProp(e, 'author')).slice(0, 6)) {
      const n = parts.microdata.find((e) => hasProp(e, 'name') && el.contains(e)) ?? el;
      const t = textOf(n);
      if (t && t.length < 80 && !authors.includes(t)) authors.push(t);
    }
  }
  if (!published) {
    const el = parts.microdata.find((e) => hasProp(e, 'datePublished'));
    published = el ? textOf(el) || null : null;
  }
  published ??= meta('article:published_time', 'og:article:published_time', 'datePublished', 'date', 'pubdate',
    'publishdate', 'publish-date', 'DC.date.issued', 'dc.date', 'DC.date', 'dcterms.date', 'sailthru.date', 'parsely-pub-date');

  const metaAuthor = meta('author', 'article:author', 'dc.creator', 'DC.creator', 'parsely-author', 'sailthru.author');
  if (authors.length === 0 && metaAuthor && !/^https?:/.test(metaAuthor)) authors = [metaAuthor];

  const htmlLang = doc.documentElement?.getAttribute('lang') ?? null;
  language ??= htmlLang?.trim() || meta('content-language', 'og:locale', 'dc.language', 'language');

  const nonArticleType = !articleType && types.some((t) => NON_ARTICLE_TYPES.test(t));
  return {
    types, articleType, nonArticleType,
    ogType: meta('og:type')?.toLowerCase() ?? null,
    headline: clean(headline),
    ogTitle: clean(meta('og:title', 'twitter:title', 'dc.title')),
    siteName: meta('og:site_name', 'application-name'),
    authors: dedupe(authors.map((a) => a.replace(/\s+/g, ' ').trim()).filter((a) => a.length > 0 && a.length < 100)),
    published, language, dateline,
    refreshes: /^\s*\d+\s*;?\s*$/.test(meta('refresh') ?? ''),
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
