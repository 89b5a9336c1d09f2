/**
 * Quote detection and speaker attribution entry point (contract).
 * PLACEHOLDER: the quote engine replaces this body.
 */
import type { EntityDetail, Lang, QuoteDetail } from '../types.ts';
import type { Sentence, Token } from '../tokenize.ts';

export interface QuoteInput {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
  lang: Lang;
  /** Entity mentions from the tagger (sorted, with clusters), used to find and resolve speakers. */
  entities: EntityDetail[];
}

/** Direct (and optionally indirect) quotes, sorted by start. */
export function findQuotes(_input: QuoteInput): QuoteDetail[] {
  return [];
}
