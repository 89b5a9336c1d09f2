/**
 * Named-entity recognition entry point (contract). PLACEHOLDER bodies: the
 * tagger replaces them, keeping these signatures.
 */
import type { EntityDetail, Lang } from '../types.ts';
import type { Sentence, Token } from '../tokenize.ts';
import type { KnowledgeBase } from '../knowledge/index.ts';

/** Trained weights for one language (opaque to callers). */
export interface NerModel {
  lang: Lang;
}

export interface NerInput {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  lang: Lang;
  knowledge: KnowledgeBase;
  /** The trained model for `lang`; null falls back to knowledge-pack names only. */
  model: NerModel | null;
}

/** Load (once, cached) the model for a language; lazily imported so bundles without it stay small. */
export async function loadNerModel(lang: Lang): Promise<NerModel | null> {
  return { lang };
}

/** All entity mentions, sorted by start, non-overlapping, with clusters and knowledge ids. */
export function recognizeEntities(_input: NerInput): EntityDetail[] {
  return [];
}
