import { describe, expect, it } from 'vitest';
import type { EntityType } from '../types.ts';
import { removeOverlaps } from './document.ts';
import type { Mention, MentionSource } from './mentions.ts';

const SOURCES: MentionSource[] = ['model', 'knowledge', 'document'];
const RANK: Record<MentionSource, number> = { model: 0, knowledge: 1, document: 2 };

/** The rule, spelt out: best first (source, confidence, length, position), each kept unless it overlaps one kept before. */
function reference(ms: readonly Mention[]): Mention[] {
  const ranked = [...ms].sort(
    (a, b) => RANK[a.source] - RANK[b.source] || b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Mention[] = [];
  for (const m of ranked) if (!kept.some((k) => k.start < m.end && m.start < k.end)) kept.push(m);
  return kept.sort((a, b) => a.start - b.start);
}

/** Small deterministic generator (xorshift), so a failure is reproducible. */
function rng(seed: number): () => number {
  let x = seed;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

function randomMentions(rand: () => number, n: number, span: number): Mention[] {
  return Array.from({ length: n }, () => {
    const start = Math.floor(rand() * span);
    const len = 1 + Math.floor(rand() * 12);
    return {
      start,
      end: start + len,
      firstToken: 0,
      lastToken: 1,
      type: 'PER' as EntityType,
      confidence: Math.round(rand() * 4) / 4,
      entityId: null,
      source: SOURCES[Math.floor(rand() * 3)]!,
    };
  });
}

describe('removeOverlaps', () => {
  it('keeps the best of overlapping mentions, in text order, on random inputs', () => {
    const rand = rng(12345);
    for (let round = 0; round < 300; round++) {
      const ms = randomMentions(rand, 1 + Math.floor(rand() * 60), 200);
      const out = removeOverlaps(ms);
      expect(out).toEqual(reference(ms));
      for (let i = 1; i < out.length; i++) expect(out[i]!.start).toBeGreaterThanOrEqual(out[i - 1]!.end);
    }
  });
});
