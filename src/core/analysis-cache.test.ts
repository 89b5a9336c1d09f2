/**
 * The per-sentence cache: a re-analysis of a text that grew by one
 * paragraph runs the tagger on that paragraph only, and gives exactly the
 * analysis an uncached run gives. Uses the shipped German model.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeText } from './analyze-text.ts';
import { AnalysisCache } from './analysis-cache.ts';
import { loadNerModel, taggerOf, type NerModel } from './ner/index.ts';
import { tagSentence, type Tagger } from './ner/tagger.ts';
import { splitSentences, tokenize } from './tokenize.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures');
const ARTICLE = readFileSync(join(FIXTURES, 'hanoi-summit-rnd-dpa.txt'), 'utf8').trim();

// Written for this test: a "load more" paragraph and a live-blog post.
const MORE = 'Die Außenministerin Helga Brandt sagte am Abend in Wien, man werde die Gespräche weiter beobachten. „Wir sind nicht überrascht“, fügte sie hinzu.';
const POST = '14:05 Uhr: Der Konvoi hat das Hotel Melia verlassen. Beobachter in Seoul reagierten enttäuscht.';

let model: NerModel | null = null;
beforeAll(async () => {
  model = await loadNerModel('de');
});

/** A cache whose tagger counts how often it really runs. */
function countingCache(maxBytes?: number): { cache: AnalysisCache; calls: () => number } {
  let n = 0;
  const tag = (t: Tagger, words: readonly string[]) => { n++; return tagSentence(t, words); };
  return { cache: new AnalysisCache(maxBytes, tag), calls: () => n };
}

function sentenceCount(text: string): number {
  const tokens = tokenize(text);
  return splitSentences(text, tokens, 'de').length;
}

describe('AnalysisCache', () => {
  it('re-tags only the appended paragraph, and the analysis is the uncached one', () => {
    const { cache, calls } = countingCache();
    analyzeText(ARTICLE, { language: 'de', nerModel: model, cache });
    const first = calls();
    expect(first).toBeGreaterThanOrEqual(sentenceCount(ARTICLE) - 2);
    const grown = `${ARTICLE}\n\n${MORE}`;
    const cached = analyzeText(grown, { language: 'de', nerModel: model, cache });
    const added = calls() - first;
    expect(added).toBeGreaterThan(0);
    expect(added).toBeLessThanOrEqual(sentenceCount(MORE));
    expect(cached).toEqual(analyzeText(grown, { language: 'de', nerModel: model }));
    // The new paragraph's names are found like any other.
    expect(cached.entities.some((e) => e.text === 'Helga Brandt')).toBe(true);
  });

  it('a prepended live-blog post costs that post, with every offset shifted right', () => {
    const { cache, calls } = countingCache();
    analyzeText(ARTICLE, { language: 'de', nerModel: model, cache });
    const before = calls();
    const grown = `${POST}\n\n${ARTICLE}`;
    const cached = analyzeText(grown, { language: 'de', nerModel: model, cache });
    expect(calls() - before).toBeLessThanOrEqual(sentenceCount(POST));
    expect(cached).toEqual(analyzeText(grown, { language: 'de', nerModel: model }));
  });

  it('stays within its byte budget, dropping the least recently used sentences', () => {
    const { cache, calls } = countingCache(4000);
    analyzeText(ARTICLE, { language: 'de', nerModel: model, cache });
    const stats = cache.stats();
    expect(stats.bytes).toBeLessThanOrEqual(4000);
    expect(stats.entries).toBeLessThan(sentenceCount(ARTICLE));
    // The last sentences are the ones kept: tagging the final paragraph again costs nothing.
    const last = ARTICLE.slice(ARTICLE.lastIndexOf('\n\n') + 2);
    const n = calls();
    analyzeText(last, { language: 'de', nerModel: model, cache });
    expect(calls()).toBe(n);
  });

  it('forgets everything when another model asks', () => {
    const { cache } = countingCache();
    const tagger = taggerOf(model)!;
    cache.tag(tagger, ['Anna', 'Berg', 'kam', '.']);
    expect(cache.stats().entries).toBe(1);
    cache.tag({ ...tagger }, ['Anna', 'Berg', 'kam', '.']);
    expect(cache.stats()).toMatchObject({ entries: 1, misses: 2, hits: 0 });
  });
});
