/**
 * Article detection and extraction entry point. Read-only by design: it
 * walks the page once into text blocks (blocks.ts), picks the body container
 * (body.ts), keeps the story blocks (keep.ts), decides article-or-not
 * (detect.ts), and builds article.text together with the TextMap back to the
 * live Text nodes. Nothing on the page is cloned, wrapped or changed, so it
 * can run on every page load and give the same answer in the content script
 * and on a linkedom document in Node.
 */
import { detectLanguage } from '../../core/language.ts';
import type { Article } from '../../core/types.ts';
import { TextMapBuilder, type TextMap } from '../text-map.ts';
import { emptyParts, scanBlocks, type Block, type PageParts } from './blocks.ts';
import { chooseBody, type BodyChoice } from './body.ts';
import { parseDateline } from './credits.ts';
import { judgeArticle, type ArticleEvidence } from './detect.ts';
import { keepBodyBlocks, type KeptBody } from './keep.ts';
import { collectAgencies, pickByline, pickPublished, pickTitle } from './metadata.ts';
import { readPageSignals, type PageSignals } from './page-signals.ts';

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

/** Why the extractor decided as it did (for evaluation and debugging). */
export interface ExtractionTrace {
  evidence: ArticleEvidence | null;
  root: Element | null;
  relaxed: boolean;
}

/** The page's news article, or null when the page is not an article. Never mutates the document. */
export function extractArticle(doc: Document, opts: ExtractOptions = {}): ExtractedArticle | null {
  return extractArticleTraced(doc, opts).result;
}

export function extractArticleTraced(doc: Document, opts: ExtractOptions = {}): { result: ExtractedArticle | null; trace: ExtractionTrace } {
  // The whole document, not just <body>: some parsers (linkedom on pages with several <html> tags in IE
  // conditional comments) leave <body> empty and put the page in a nested element.
  const scope = doc.documentElement ?? doc.body;
  const trace: ExtractionTrace = { evidence: null, root: null, relaxed: false };
  if (!scope) return { result: null, trace };
  const parts = emptyParts();
  let blocks = scanBlocks(scope, false, parts);
  const signals = readPageSignals(doc, parts);
  let choice = chooseBody(blocks, scope);
  let kept = choice ? keepBodyBlocks(choice.inRoot) : null;
  if (!choice || !kept || kept.blocks.length === 0 || choice.stats.good < 200) {
    // Markup hints can hide the whole story (a wrapper class "has-sidebar"): retry trusting structure only.
    const relaxedBlocks = scanBlocks(scope, true);
    const relaxedChoice = chooseBody(relaxedBlocks, scope);
    if (relaxedChoice && relaxedChoice.stats.good > (choice?.stats.good ?? 0) * 1.5) {
      blocks = relaxedBlocks;
      choice = relaxedChoice;
      kept = keepBodyBlocks(relaxedChoice.inRoot);
      trace.relaxed = true;
    }
  }
  if (!choice || !kept) return { result: null, trace };
  trace.root = choice.root;
  const evidence = judgeArticle(signals, choice, kept.blocks, kept.teaserChars, blocks, opts.url,
    parts.title?.textContent ?? null, kept.heading1 ?? parts.h1?.textContent ?? null);
  trace.evidence = evidence;
  if (!evidence.verdict) return { result: null, trace };
  return { result: assemble(doc, parts, signals, choice, kept), trace };
}

function assemble(doc: Document, parts: PageParts, signals: PageSignals, choice: BodyChoice, kept: KeptBody): ExtractedArticle {
  const first = kept.blocks.find((b) => b.heading === 0) ?? null;
  const dateline = first ? parseDateline(first.text) : null;
  const { text, map } = buildText(kept.blocks, first, dateline?.visibleChars ?? 0, choice.root);
  const paragraphs = kept.blocks.filter((b) => b.heading === 0);
  const byline = pickByline(doc, signals, kept.bylineLines);
  const article: Article = {
    title: pickTitle(parts, signals, kept.heading1),
    byline,
    published: pickPublished(parts, signals, choice.root),
    language: detectLanguage(text, signals.language),
    agencies: collectAgencies(signals, kept.creditLines, kept.bylineLines, byline, dateline?.agencies ?? [],
      paragraphs[paragraphs.length - 1]?.text ?? null),
    dateline: dateline?.place ?? signals.dateline ?? null,
    text,
  };
  return { article, map, root: choice.root };
}

function buildText(blocks: Block[], datelineBlock: Block | null, datelineChars: number, root: Element): { text: string; map: TextMap } {
  const builder = new TextMapBuilder();
  for (const b of blocks) {
    builder.startBlock(b === datelineBlock ? datelineChars : 0);
    for (const item of b.items) {
      if (item === null) builder.addBreak();
      else builder.appendText(item);
    }
  }
  return builder.build(root);
}
