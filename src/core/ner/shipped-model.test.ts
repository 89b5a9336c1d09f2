/**
 * The shipped weights (src/core/ner/model) on the seed article and on a few
 * sentences written for these tests. Needs no corpora: fixtures live in the repo.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EntityDetail, EntityType, Lang } from '../types.ts';
import { splitSentences, tokenize } from '../tokenize.ts';
import { KnowledgeBase } from '../knowledge/index.ts';
import { loadNerModel, recognizeEntities, recognizeEntitiesWith, taggerOf, type NameLookup, type NerModel } from './index.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'fixtures');
const noNames: NameLookup = { findNames: () => [], displayName: () => null };

interface GoldEntity {
  text: string;
  type: EntityType;
  id: string | null;
  start: number;
  end: number;
}

const models = new Map<Lang, NerModel | null>();
beforeAll(async () => {
  models.set('de', await loadNerModel('de'));
  models.set('en', await loadNerModel('en'));
});

function run(text: string, lang: Lang, knowledge: NameLookup = noNames): EntityDetail[] {
  const tokens = tokenize(text);
  return recognizeEntitiesWith({ text, tokens, sentences: splitSentences(text, tokens, lang), lang, knowledge, model: models.get(lang) ?? null });
}

const spans = (es: EntityDetail[]): string[] => es.map((e) => `${e.text}/${e.type}`);

describe('shipped models', () => {
  it('load lazily, once, with a tagger inside', async () => {
    expect(taggerOf(models.get('de') ?? null)).not.toBeNull();
    expect(taggerOf(models.get('en') ?? null)).not.toBeNull();
    expect(await loadNerModel('de')).toBe(models.get('de'));
  });
});

describe('seed article (fixtures/hanoi-summit-rnd-dpa)', () => {
  const text = readFileSync(join(FIXTURES, 'hanoi-summit-rnd-dpa.txt'), 'utf8');
  const gold = (JSON.parse(readFileSync(join(FIXTURES, 'hanoi-summit-rnd-dpa.gold.json'), 'utf8')) as { entities: GoldEntity[] }).entities;
  const key = (e: { start: number; end: number; type: string }): string => `${e.start}:${e.end}:${e.type}`;

  it('finds all 40 gold PER/LOC/ORG mentions with the right type and entityId, with the knowledge pack', () => {
    const tokens = tokenize(text);
    const found = recognizeEntities({ text, tokens, sentences: splitSentences(text, tokens, 'de'), lang: 'de', knowledge: KnowledgeBase.default(), model: models.get('de') ?? null });
    const byKey = new Map(found.map((e) => [key(e), e]));
    const missing = gold.filter((g) => !byKey.has(key(g))).map((g) => `${g.text}@${g.start}`);
    expect(missing).toEqual([]);
    const wrongId = gold.filter((g) => g.id !== null && byKey.get(key(g))?.entityId !== g.id).map((g) => g.text);
    expect(wrongId).toEqual([]);
    // precision over the kinds the gold annotates
    const extra = found.filter((e) => e.type !== 'MISC' && !gold.some((g) => key(g) === key(e)));
    expect(extra.length).toBeLessThanOrEqual(2);
  });

  it('finds most of them from the model alone, and keeps nationality adjectives and role nouns out', () => {
    const found = run(text, 'de');
    const hits = gold.filter((g) => found.some((e) => key(e) === key(g)));
    expect(hits.length).toBeGreaterThanOrEqual(34);
    const texts = found.map((e) => e.text);
    expect(texts).not.toContain('nordkoreanische');
    expect(texts).not.toContain('US-Präsident');
    expect(texts.some((t) => /^nordkoreanisch|^südkoreanisch|^amerikanisch/.test(t))).toBe(false);
  });

  it('clusters Kim, Trump(s) and Moon(s) with their full names', () => {
    const found = recognizeEntities({
      text,
      tokens: tokenize(text),
      sentences: splitSentences(text, tokenize(text), 'de'),
      lang: 'de',
      knowledge: KnowledgeBase.default(),
      model: models.get('de') ?? null,
    });
    const clusterOf = (surface: string): Set<number> => new Set(found.filter((e) => e.text === surface).map((e) => e.cluster));
    expect(clusterOf('Kim')).toEqual(clusterOf('Kim Jong Un'));
    expect(clusterOf('Trumps')).toEqual(clusterOf('Donald Trump'));
    expect(clusterOf('Moons')).toEqual(clusterOf('Moon Jae In'));
    expect(found.find((e) => e.text === 'Moons')!.canonical).toBe('Moon Jae In');
  });
});

describe('sentences of our own', () => {
  it('German: people, places and firms, not the adjectives around them', () => {
    const out = run('Bundeskanzlerin Angela Merkel traf am Montag in Paris den französischen Präsidenten Emmanuel Macron und sprach danach mit Vertretern von Siemens.', 'de');
    expect(spans(out)).toEqual(expect.arrayContaining(['Angela Merkel/PER', 'Paris/LOC', 'Emmanuel Macron/PER', 'Siemens/ORG']));
    expect(out.map((e) => e.text)).not.toContain('französischen');
  });

  it('German: a capitalised noun is not a name', () => {
    const out = run('Die Verhandlungen über die Abrüstung wurden am Donnerstag ohne Einigung beendet.', 'de');
    expect(out).toEqual([]);
  });

  it('English: organisations and places, and a possessive trimmed off the name', () => {
    const out = run("Microsoft opened an office in Nairobi on Tuesday, and Kenya's government welcomed the move.", 'en');
    expect(spans(out)).toEqual(expect.arrayContaining(['Microsoft/ORG', 'Nairobi/LOC', 'Kenya/LOC']));
  });

  it('English: Washington the man and Washington the city, from context', () => {
    const out = run('Former president George Washington was born in Virginia. Decades later, the capital moved to Washington.', 'en');
    const types = out.filter((e) => e.text.endsWith('Washington')).map((e) => `${e.text}/${e.type}`);
    expect(types).toEqual(['George Washington/PER', 'Washington/LOC']);
  });

  it('gives every mention a confidence between 0 and 1 and returns sorted, non-overlapping spans', () => {
    const out = run('Der SPD-Vorsitzende traf in Berlin Vertreter der Vereinten Nationen und von Volkswagen.', 'de');
    expect(out.length).toBeGreaterThan(0);
    for (let i = 0; i < out.length; i++) {
      expect(out[i]!.confidence).toBeGreaterThan(0);
      expect(out[i]!.confidence).toBeLessThanOrEqual(1);
      if (i > 0) expect(out[i]!.start).toBeGreaterThanOrEqual(out[i - 1]!.end);
    }
  });
});
