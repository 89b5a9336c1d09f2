import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { splitSentences, tokenize } from '../tokenize.ts';
import { findQuotes } from './index.ts';
import { markEntities } from './test-entities.ts';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../../../fixtures/${name}`, import.meta.url)), 'utf8');
const text = fixture('hanoi-summit-rnd-dpa.txt');
const gold = JSON.parse(fixture('hanoi-summit-rnd-dpa.gold.json')) as { quotes: { text: string; speaker: string }[] };

// the mentions an entity tagger gives for this article, written by hand (clusters, canonical names, ids)
const entities = markEntities(text, [
  { canonical: 'Donald Trump', names: ['Donald Trump', 'Trumps', 'Trump'], id: 'donald-trump' },
  { canonical: 'Kim Jong Un', names: ['Kim Jong Un', 'Kim'], id: 'kim-jong-un' },
  { canonical: 'Sarah Sanders', names: ['Sarah Sanders'], id: 'sarah-sanders' },
  { canonical: 'Moon Jae In', names: ['Moon Jae In', 'Moons', 'Moon'], id: 'moon-jae-in' },
  { canonical: 'Hanoi', names: ['Hanoi'], type: 'LOC', id: 'hanoi' },
  { canonical: 'Nordkorea', names: ['Nordkoreas', 'Nordkorea'], type: 'LOC', id: 'north-korea' },
]);

describe('seed article (hanoi-summit-rnd-dpa)', () => {
  const tokens = tokenize(text);
  const quotes = findQuotes({ text, tokens, sentences: splitSentences(text, tokens, 'de'), lang: 'de', entities });
  const shown = quotes.filter((q) => q.kind === 'direct' && q.confidence >= 0.5);

  it('finds exactly the 14 gold quotes with the right speakers', () => {
    expect(shown.map((q) => [q.text, q.speaker?.name ?? null])).toEqual(gold.quotes.map((q) => [q.text, q.speaker]));
  });

  it('links speakers to knowledge ids and keeps offsets exact', () => {
    for (const q of shown) {
      expect(text.slice(q.start, q.end)).toBe(q.text);
      expect(q.speaker?.entityId).toMatch(/^(donald-trump|kim-jong-un|sarah-sanders)$/);
    }
  });

  it('resolves „Sie nannte…“ and „Darauf antwortete er“ through the pronoun', () => {
    const sanders = shown.find((q) => q.text === 'sehr gut und konstruktiv');
    expect(text.slice(sanders!.speakerMention!.start, sanders!.speakerMention!.end)).toBe('Sie');
    const kim = shown.find((q) => q.text === 'Das besprechen wir gerade.');
    expect(text.slice(kim!.speakerMention!.start, kim!.speakerMention!.end)).toBe('er');
    expect(kim!.speaker?.name).toBe('Kim Jong Un');
  });

  it('also finds all 14 without entities, by name heuristics', () => {
    const bare = findQuotes({ text, tokens, sentences: splitSentences(text, tokens, 'de'), lang: 'de', entities: [] })
      .filter((q) => q.kind === 'direct' && q.confidence >= 0.5);
    expect(bare.map((q) => q.text)).toEqual(gold.quotes.map((q) => q.text));
    const lastNames = bare.map((q) => q.speaker?.name.split(' ').pop());
    expect(lastNames).toEqual(gold.quotes.map((q) => (q.speaker === 'Kim Jong Un' ? 'Kim' : q.speaker.split(' ').pop())));
  });

  it('runs in a few milliseconds', () => {
    const t0 = performance.now();
    for (let i = 0; i < 10; i++) findQuotes({ text, tokens, sentences: splitSentences(text, tokens, 'de'), lang: 'de', entities });
    expect((performance.now() - t0) / 10).toBeLessThan(20);
  });
});
