/**
 * The text engine: one pass from plain text to quotes, entities, concepts
 * and topics. Pure: no DOM, no extension APIs, so the content script, the
 * command line and the evaluations run exactly the same code.
 *
 * Order matters: entities first (the quote attributor needs the people and
 * their clusters to resolve pronouns and role nouns), then quotes, then the
 * knowledge links and the topic match, which use both.
 */
import type { EntityDetail, TextAnalysis } from './types.ts';
import { engineLanguage } from './types.ts';
import { splitSentences, tokenize } from './tokenize.ts';
import { displayThreshold, loadNerModel, recognizeEntities, type NerModel } from './ner/index.ts';
import { findQuotes } from './quotes/index.ts';
import { KnowledgeBase } from './knowledge/index.ts';
import { detectLanguage } from './language.ts';
import type { AnalysisCache } from './analysis-cache.ts';

export interface AnalyzeTextOptions {
  /** Language tag if known (from the page); the text's own language wins when they disagree. */
  language?: string | null;
  /** Publication date (ISO), for time-aware context. */
  published?: string | null;
  /** Title, used by the topic matcher. */
  title?: string | null;
  knowledge?: KnowledgeBase;
  /** Trained entity model for the text's language (see analyzeTextAsync); without it only known names are found. */
  nerModel?: NerModel | null;
  /** Per-sentence results kept from earlier analyses of the same page (a page that changed); same result, less work. */
  cache?: AnalysisCache;
}

export function analyzeText(text: string, opts: AnalyzeTextOptions = {}): TextAnalysis {
  const language = detectLanguage(text, opts.language ?? null);
  const lang = engineLanguage(language);
  const kb = opts.knowledge ?? KnowledgeBase.default();
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens, lang);
  const model = opts.nerModel && opts.nerModel.lang === lang ? opts.nerModel : null;
  const candidates = recognizeEntities({ text, tokens, sentences, lang, knowledge: kb, model, tagSentence: opts.cache?.tag });
  // The attributor sees every candidate (a weak name can still be a speaker);
  // readers see the names that pass the precision-calibrated threshold, or that the knowledge pack knows.
  const quotes = findQuotes({ text, tokens, sentences, lang, entities: candidates });
  const entities = displayedEntities(candidates, model);
  const concepts = kb.linkConcepts(text, lang, entities, { published: opts.published ?? null });
  const topics = kb.matchTopics({ text, title: opts.title ?? null, lang, entities, concepts });
  return { language, quotes, entities, concepts, topics };
}

/** Like analyzeText, but loads the entity model for the text's language first (cached after the first call). */
export async function analyzeTextAsync(text: string, opts: AnalyzeTextOptions = {}): Promise<TextAnalysis> {
  const lang = engineLanguage(detectLanguage(text, opts.language ?? null));
  const nerModel = opts.nerModel ?? (await loadNerModel(lang));
  return analyzeText(text, { ...opts, nerModel });
}

/**
 * The mentions readers see: every mention of a name (an entity cluster) of
 * which at least one mention passes the precision-calibrated threshold for
 * its type, or which the knowledge pack knows. Deciding per name rather than
 * per mention keeps a name marked consistently through the article.
 */
export function displayedEntities(candidates: EntityDetail[], model: NerModel | null): EntityDetail[] {
  const shown = new Set<number>();
  for (const e of candidates) {
    if (e.entityId !== null || e.confidence >= displayThreshold(model, e.type)) shown.add(e.cluster);
  }
  return candidates.filter((e) => shown.has(e.cluster));
}
