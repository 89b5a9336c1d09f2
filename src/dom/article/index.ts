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
import { BlockScanner, emptyParts, type Block, type PageParts, type Stubs } from './blocks.ts';
import { chooseBodySteps, type BodyChoice } from './body.ts';
import { parseDateline } from './credits.ts';
import { judgeArticle, type ArticleEvidence } from './detect.ts';
import { expandChoice } from './expand-stubs.ts';
import { keepBodyBlocks, type KeptBody } from './keep.ts';
import { collectAgencies, pickByline, pickPublished, pickTitle } from './metadata.ts';
import { readPageSignals, type PageSignals } from './page-signals.ts';
import { Slice, yieldToPage } from './slice.ts';

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

/** Options of the sliced extraction. */
export interface AsyncExtractOptions extends ExtractOptions {
  /** Stops the work at the next slice boundary; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Longest stretch of work between two yields to the page (default 8 ms). */
  sliceMs?: number;
}

type Traced = { result: ExtractedArticle | null; trace: ExtractionTrace };
/** Asks whether the current slice is used up; null when the work runs in one go. */
type Due = (() => boolean) | null;

/** The page's news article, or null when the page is not an article. Never mutates the document. */
export function extractArticle(doc: Document, opts: ExtractOptions = {}): ExtractedArticle | null {
  return extractArticleTraced(doc, opts).result;
}

export function extractArticleTraced(doc: Document, opts: ExtractOptions = {}): Traced {
  const steps = extractionSteps(doc, opts, null);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The same work and the same answer as extractArticle, cut into slices of
 * about `sliceMs` with the page's main thread given back in between, so a
 * huge page never becomes one long task.
 */
export async function extractArticleAsync(doc: Document, opts: AsyncExtractOptions = {}): Promise<ExtractedArticle | null> {
  const slice = new Slice(opts.sliceMs ?? 8);
  const steps = extractionSteps(doc, opts, slice.due);
  opts.signal?.throwIfAborted();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value.result;
    await yieldToPage();
    opts.signal?.throwIfAborted();
    slice.restart();
  }
}

/** The extraction as a generator that yields whenever `due` reports the slice used up (never when due is null). */
function* extractionSteps(doc: Document, opts: ExtractOptions, due: Due): Generator<void, Traced> {
  // The whole document, not just <body>: some parsers (linkedom on pages with several <html> tags in IE
  // conditional comments) leave <body> empty and put the page in a nested element.
  const scope = doc.documentElement ?? doc.body;
  const trace: ExtractionTrace = { evidence: null, root: null, relaxed: false };
  if (!scope) return { result: null, trace };
  const parts = emptyParts();
  let { blocks, stubs } = yield* scan(scope, false, parts, due);
  const signals = readPageSignals(doc, parts);
  if (due?.()) yield;
  let choice = yield* chooseBodySteps(blocks, scope, due);
  if (choice) ({ blocks, choice } = expandChoice(blocks, choice, stubs));
  if (due?.()) yield;
  let kept = choice ? keepBodyBlocks(choice.inRoot) : null;
  if (due?.()) yield;
  if (!choice || !kept || kept.blocks.length === 0 || choice.stats.good < 200) {
    // Markup hints can hide the whole story (a wrapper class "has-sidebar"): retry trusting structure only.
    const relaxed = yield* scan(scope, true, null, due);
    const first = yield* chooseBodySteps(relaxed.blocks, scope, due);
    const relaxedChoice = first ? expandChoice(relaxed.blocks, first, relaxed.stubs) : null;
    if (due?.()) yield;
    if (relaxedChoice && relaxedChoice.choice.stats.good > (choice?.stats.good ?? 0) * 1.5) {
      blocks = relaxedChoice.blocks;
      choice = relaxedChoice.choice;
      kept = keepBodyBlocks(choice.inRoot);
      trace.relaxed = true;
    }
    if (due?.()) yield;
  }
  if (!choice || !kept) return { result: null, trace };
  trace.root = choice.root;
  const evidence = judgeArticle(signals, choice, kept.blocks, kept.teaserChars, blocks, opts.url,
    parts.title?.textContent ?? null, kept.heading1 ?? parts.h1?.textContent ?? null);
  trace.evidence = evidence;
  if (!evidence.verdict) return { result: null, trace };
  if (due?.()) yield;
  const result = yield* assemble(doc, parts, signals, choice, kept, due);
  return { result, trace };
}

/** The stub-mode scan (blocks.ts): furniture subtrees are counted, and walked later only if they lie in the body. */
function* scan(scope: Element, relaxed: boolean, parts: PageParts | null, due: Due): Generator<void, { blocks: Block[]; stubs: Stubs }> {
  const scanner = new BlockScanner(scope, relaxed, parts, true);
  while (!scanner.run(due)) yield;
  if (due?.()) yield;
  return { blocks: scanner.finish(), stubs: scanner.takeStubs() };
}

function* assemble(doc: Document, parts: PageParts, signals: PageSignals, choice: BodyChoice, kept: KeptBody, due: Due): Generator<void, ExtractedArticle> {
  const first = kept.blocks.find((b) => b.heading === 0) ?? null;
  const dateline = first ? parseDateline(first.text) : null;
  const { text, map } = yield* buildText(kept.blocks, first, dateline?.visibleChars ?? 0, choice.root, due);
  if (due?.()) yield;
  const paragraphs = kept.blocks.filter((b) => b.heading === 0);
  // pickByline may query the whole document (a selector match over every element of a huge page).
  const byline = pickByline(doc, signals, kept.bylineLines);
  if (due?.()) yield;
  const title = pickTitle(parts, signals, kept.heading1);
  const published = pickPublished(parts, signals, choice.root);
  if (due?.()) yield;
  const language = detectLanguage(text, signals.language);
  if (due?.()) yield;
  const article: Article = {
    title,
    byline,
    published,
    language,
    agencies: collectAgencies(signals, kept.creditLines, kept.bylineLines, byline, dateline?.agencies ?? [],
      paragraphs[paragraphs.length - 1]?.text ?? null),
    dateline: dateline?.place ?? signals.dateline ?? null,
    text,
  };
  return { article, map, root: choice.root };
}

function* buildText(blocks: Block[], datelineBlock: Block | null, datelineChars: number, root: Element, due: Due): Generator<void, { text: string; map: TextMap }> {
  const builder = new TextMapBuilder();
  // Work since the last clock check: one per Text node plus one per 64 characters (long nodes cost their length).
  let work = 0;
  for (const b of blocks) {
    builder.startBlock(b === datelineBlock ? datelineChars : 0);
    const items = b.items;
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (item === null) builder.addBreak();
      else builder.appendText(item);
    }
    work += items.length + (b.text.length >> 6);
    if (work >= 64) {
      work = 0;
      if (due?.()) yield;
    }
  }
  return builder.build(root);
}
