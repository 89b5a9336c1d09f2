import { describe, expect, it } from 'vitest';
import type { EntityDetail, TextAnalysis } from '../core/types.ts';
import type { ArticlePayload } from '../shared/views.ts';
import { readyView, rebuildFromReport, relocalise } from './tab-views.ts';

// Knowledge ids come from the shipped pack (src/knowledge); the text is a made-up sentence.
const text = 'Kim Jong Un traf Donald Trump in Hanoi.';
function ent(name: string, type: EntityDetail['type'], cluster: number, entityId: string | null): EntityDetail {
  const start = text.indexOf(name);
  return { text: name, start, end: start + name.length, type, cluster, canonical: name, entityId, confidence: 0.9 };
}
const analysis: TextAnalysis = {
  language: 'de',
  entities: [ent('Kim Jong Un', 'PER', 0, 'kim-jong-un'), ent('Donald Trump', 'PER', 1, 'donald-trump'), ent('Hanoi', 'LOC', 2, null)],
  quotes: [],
  concepts: [],
  topics: [{ id: 'korea-talks', score: 0.9, matched: true, evidence: ['Kim Jong Un', 'Donald Trump'] }],
};
const article: ArticlePayload = {
  url: 'https://news.example/x', host: 'news.example', title: 'Gipfel', byline: null, published: '2019-02-28T09:41:00+01:00',
  language: 'de', agencies: ['dpa'], dateline: null, text,
};

describe('readyView', () => {
  const view = readyView(7, article, analysis, 'en');
  it('carries the context of every known entity, in the requested language', () => {
    expect(Object.keys(view.contexts).sort()).toEqual(['donald-trump', 'kim-jong-un']);
    expect(view.contexts['kim-jong-un']?.name).toMatch(/Kim Jong Un/);
    expect(view.lang).toBe('en');
    expect(view.status).toBe('ready');
  });
  it('adds the matched topic’s background with "what came next" kept apart from the past', () => {
    expect(view.background?.background.topicId).toBe('korea-talks');
    expect(view.background?.evidence).toEqual(['Kim Jong Un', 'Donald Trump']);
    const published = Date.parse('2019-02-28');
    for (const item of view.background!.background.next) expect(Date.parse(item.date)).toBeGreaterThan(published);
    for (const item of view.background!.background.past) expect(Date.parse(item.date)).toBeLessThan(published);
  });
  it('shows no background when no topic matched', () => {
    const v = readyView(7, article, { ...analysis, topics: [{ id: 'korea-talks', score: 0.1, matched: false, evidence: [] }] }, 'en');
    expect(v.background).toBeNull();
  });
});

describe('relocalise and rebuildFromReport', () => {
  it('rewrites knowledge texts in the other language and keeps the analysis', () => {
    const en = readyView(7, article, analysis, 'en');
    const de = relocalise(en, 'de');
    expect(de.lang).toBe('de');
    expect(de.analysis).toBe(en.analysis);
    expect(de.contexts['kim-jong-un']?.description).not.toBe(en.contexts['kim-jong-un']?.description);
  });
  it('rebuilds a ready view from a content script report, and a plain state otherwise', () => {
    expect(rebuildFromReport(3, { status: 'ready', url: article.url, host: article.host, article, analysis }, 'de').contexts['donald-trump']).toBeDefined();
    const none = rebuildFromReport(3, { status: 'no-article', url: 'https://a.example/', host: 'a.example', article: null, analysis: null }, 'de');
    expect(none.status).toBe('no-article');
    expect(none.analysis).toBeNull();
  });
});
