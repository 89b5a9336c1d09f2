/**
 * Named-entity recognition entry point (contract). PLACEHOLDER: the tagger
 * replaces this body.
 */
import type { EntityDetail, Lang } from '../types.ts';
import type { Sentence, Token } from '../tokenize.ts';
import type { KnowledgeBase } from '../knowledge/index.ts';

export interface NerInput {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  lang: Lang;
  knowledge: KnowledgeBase;
}

/** All entity mentions, sorted by start, non-overlapping, with clusters and knowledge ids. */
export function recognizeEntities(_input: NerInput): EntityDetail[] {
  return [];
}
