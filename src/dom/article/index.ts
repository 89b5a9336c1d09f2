/**
 * Article detection and extraction entry point (contract). PLACEHOLDER: the
 * extractor replaces this body.
 */
import type { Article } from '../../core/types.ts';
import type { TextMap } from '../text-map.ts';

export interface ExtractedArticle {
  article: Article;
  /** Maps offsets in article.text to the live DOM text nodes and back. */
  map: TextMap;
  /** The element judged to hold the body (for mutation watching). */
  root: Element;
}

export interface ExtractOptions {
  url?: string | null;
}

/** The page's news article, or null when the page is not an article. Never mutates the document. */
export function extractArticle(_doc: Document, _opts: ExtractOptions = {}): ExtractedArticle | null {
  return null;
}
