/**
 * Memory of the expensive per-sentence work, for pages that change.
 *
 * A live blog or a "load more" article is analysed again and again, and each
 * time almost all of its sentences are the ones seen before. Tagging a
 * sentence (features, Viterbi, marginals) is most of the engine's time and a
 * pure function of the tagger and the sentence's normalised words, so its
 * result is kept here keyed by exactly those words: a re-analysis tags only
 * the sentences that are new, and the document-level passes (clusters,
 * speakers, quotes, knowledge) run over the whole text as before. The result
 * is identical to an uncached analysis.
 *
 * Bounded: least recently used entries leave once the estimated size passes
 * the budget. One cache belongs to one tab (see background/analysis-caches.ts).
 */
import type { SentenceTagging, Tagger } from './ner/tagger.ts';
import { tagSentence } from './ner/tagger.ts';

/** Rough bytes per cached sentence window: the key (UTF-16), pOutside (8 per word), spans and Map overhead. */
function entryBytes(key: string, words: number, spans: number): number {
  return 2 * key.length + 8 * words + 48 * spans + 96;
}

/** Enough for every sentence of a ~1 MB article. */
export const DEFAULT_CACHE_BYTES = 6_000_000;

interface Entry {
  tagging: SentenceTagging;
  bytes: number;
}

export interface CacheStats {
  /** Sentence windows answered from the cache. */
  hits: number;
  /** Sentence windows the tagger had to run on. */
  misses: number;
  entries: number;
  bytes: number;
}

export class AnalysisCache {
  /** Map order is recency order: a hit moves its entry to the end, eviction takes from the front. */
  private readonly entries = new Map<string, Entry>();
  private tagger: Tagger | null = null;
  private bytes = 0;
  private hits = 0;
  private misses = 0;

  constructor(
    private readonly maxBytes = DEFAULT_CACHE_BYTES,
    private readonly tagFn: (tagger: Tagger, words: readonly string[]) => SentenceTagging = tagSentence,
  ) {}

  /** Same contract as tagSentence (callers must not mutate the result, which may be shared). */
  readonly tag = (tagger: Tagger, words: readonly string[]): SentenceTagging => {
    // Another model (the page switched language): nothing cached applies.
    if (tagger !== this.tagger) {
      this.clear();
      this.tagger = tagger;
    }
    const key = words.join('\u0000');
    const known = this.entries.get(key);
    if (known) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(key, known);
      return known.tagging;
    }
    this.misses++;
    const tagging = this.tagFn(tagger, words);
    const entry = { tagging, bytes: entryBytes(key, words.length, tagging.spans.length) };
    if (entry.bytes > this.maxBytes) return tagging;
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    this.evict();
    return tagging;
  };

  stats(): CacheStats {
    return { hits: this.hits, misses: this.misses, entries: this.entries.size, bytes: this.bytes };
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  private evict(): void {
    for (const [key, e] of this.entries) {
      if (this.bytes <= this.maxBytes) return;
      this.entries.delete(key);
      this.bytes -= e.bytes;
    }
  }
}
