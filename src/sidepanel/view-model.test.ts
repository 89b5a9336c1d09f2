import { describe, expect, it } from 'vitest';
import type { EntityDetail, QuoteDetail, TextAnalysis } from '../core/types.ts';
import { entitiesByKind, groupQuotesBySpeaker, sourceLine } from './view-model.ts';

function q(start: number, speaker: { name: string; entityId: string | null } | null, cluster: number | null, confidence = 0.9, kind: 'direct' | 'indirect' = 'direct'): QuoteDetail {
  return { text: `quote at ${start}`, start, end: start + 5, speaker, speakerCluster: cluster, confidence, kind, cue: null, speakerMention: null };
}
function e(text: string, start: number, type: EntityDetail['type'], cluster: number, canonical = text, entityId: string | null = null): EntityDetail {
  return { text, start, end: start + text.length, type, cluster, canonical, entityId, confidence: 0.9 };
}

// A made-up article: Anna Berg quoted three times (once via a pronoun resolved to her cluster), Tom Lee once, one quote unattributed.
const analysis: TextAnalysis = {
  language: 'en',
  quotes: [
    q(10, { name: 'Tom Lee', entityId: null }, 2),
    q(20, { name: 'Anna Berg', entityId: 'x-berg' }, 1),
    q(30, null, null),
    q(40, { name: 'Berg', entityId: 'x-berg' }, 1),
    q(50, { name: 'Anna Berg', entityId: 'x-berg' }, 1),
    q(60, { name: 'Tom Lee', entityId: null }, 2, 0.1),
    q(70, { name: 'Tom Lee', entityId: null }, 2, 0.9, 'indirect'),
  ],
  entities: [
    e('Anna Berg', 0, 'PER', 1, 'Anna Berg', 'x-berg'), e('Oslo', 5, 'LOC', 3), e('Berg', 35, 'PER', 1, 'Anna Berg', 'x-berg'),
    e('Tom Lee', 45, 'PER', 2), e('UN', 55, 'ORG', 4), e('Oslo', 65, 'LOC', 3),
  ],
  concepts: [],
  topics: [],
};
const contexts = {
  'x-berg': {
    id: 'x-berg', topicId: 't', type: 'person' as const, name: 'Anna Berg', roles: ['Mayor of Oslo'], formerRoles: [], description: 'Norwegian politician.',
    when: null, relation: null, before: [], after: [], issues: [], disagreements: [], links: { wikipedia: '', wikidata: null }, sources: [], unverified: false,
  },
};

describe('groupQuotesBySpeaker', () => {
  const groups = groupQuotesBySpeaker(analysis, contexts);
  it('groups by speaker cluster, most quoted first, unattributed last', () => {
    expect(groups.map((g) => [g.name, g.quotes.length])).toEqual([['Anna Berg', 3], ['Tom Lee', 1], [null, 1]]);
  });
  it('keeps quotes in article order within a group and leaves out uncertain and indirect ones', () => {
    expect(groups[0]!.quotes.map((x) => x.start)).toEqual([20, 40, 50]);
    expect(groups.flatMap((g) => g.quotes).map((x) => x.start)).not.toContain(60);
    expect(groups.flatMap((g) => g.quotes).map((x) => x.start)).not.toContain(70);
  });
  it('adds the role the knowledge pack knows', () => {
    expect(groups[0]!.role).toBe('Mayor of Oslo');
    expect(groups[1]!.role).toBeNull();
  });
});

describe('entitiesByKind', () => {
  it('counts mentions per cluster and sorts by count', () => {
    const by = entitiesByKind(analysis, contexts);
    expect(by.per.map((r) => [r.name, r.count])).toEqual([['Anna Berg', 2], ['Tom Lee', 1]]);
    expect(by.loc).toEqual([{ key: 'loc:3', name: 'Oslo', count: 2, first: { start: 5, end: 9 }, description: null }]);
    expect(by.org.map((r) => r.name)).toEqual(['UN']);
    expect(by.misc).toEqual([]);
    expect(by.per[0]!.description).toBe('Norwegian politician.');
  });
});

describe('sourceLine', () => {
  it('joins agencies and host', () => {
    expect(sourceLine(['dpa', 'RND'], 'example.com')).toBe('dpa, RND · example.com');
    expect(sourceLine([], 'example.com')).toBe('example.com');
    expect(sourceLine([], null)).toBe('');
  });
});
