/**
 * The seed article against its gold annotation: every gold entity with an
 * id is found by findNames with the same span and id, the one without an
 * id ("Koreas") is not linked, and every gold concept is linked to the
 * right pack entry by linkConcepts (given the article's date, which the
 * "Ex-Anwalt" link needs).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KnowledgeBase } from './index.ts';

const dir = new URL('../../../fixtures/', import.meta.url);
const text = readFileSync(fileURLToPath(new URL('hanoi-summit-rnd-dpa.txt', dir)), 'utf8');
const gold = JSON.parse(readFileSync(fileURLToPath(new URL('hanoi-summit-rnd-dpa.gold.json', dir)), 'utf8')) as {
  entities: { text: string; start: number; end: number; id: string | null }[];
  concepts: { text: string; id: string }[];
};
const kb = KnowledgeBase.default();
const PUBLISHED = '2019-02-28';

describe('seed article vs gold', () => {
  it('finds every gold entity that has an id, with the right id', () => {
    const hits = kb.findNames(text, 'de');
    const missing = gold.entities
      .filter((g) => g.id !== null)
      .filter((g) => !hits.some((h) => h.start === g.start && h.end === g.end && h.entityId === g.id))
      .map((g) => `${g.text}@${g.start}`);
    expect(missing).toEqual([]);
  });

  it('links nothing where the gold has no id', () => {
    const hits = kb.findNames(text, 'de');
    for (const g of gold.entities.filter((e) => e.id === null)) {
      expect(hits.some((h) => h.start < g.end && g.start < h.end), g.text).toBe(false);
    }
  });

  it('links every gold concept to the right entry', () => {
    const concepts = kb.linkConcepts(text, 'de', [], { published: PUBLISHED });
    const missing = gold.concepts.filter((g) => !concepts.some((c) => c.text === g.text && c.entityId === g.id)).map((g) => g.text);
    expect(missing).toEqual([]);
  });

  it('every concept span is exact text of the article', () => {
    for (const c of kb.linkConcepts(text, 'de', [], { published: PUBLISHED })) expect(text.slice(c.start, c.end)).toBe(c.text);
  });
});
