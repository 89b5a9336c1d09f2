import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../core/types.ts';
import { formatSummary } from './summary.ts';
import { checkAnalysisResult } from './result-shape.ts';

// A small made-up result, built from its own text so the spans are real.
const text = 'Anna Berg sagte: „Wir kommen wieder.“ Tom Ruiz in Lyon: „Nein.“ Anna Berg: „Doch.“\n\nMehr Text.';
const span = (s: string, from = 0): { text: string; start: number; end: number } => {
  const start = text.indexOf(s, from);
  return { text: s, start, end: start + s.length };
};
const result: AnalysisResult = {
  url: null,
  article: { title: 'Ein \u001b[31mTitel', byline: 'Von X', published: '2019-02-28', language: 'de', agencies: ['dpa', 'AFP'], dateline: 'Lyon', text },
  quotes: [
    { ...span('Wir kommen wieder.'), speaker: { name: 'Anna Berg', entityId: null } },
    { ...span('Nein.'), speaker: { name: 'Tom Ruiz', entityId: null } },
    { ...span('Doch.'), speaker: { name: 'Anna Berg', entityId: null } },
  ],
  entities: [
    { ...span('Anna Berg'), type: 'PER', entityId: null },
    { ...span('Tom Ruiz'), type: 'PER', entityId: null },
    { ...span('Lyon'), type: 'LOC', entityId: null },
    { ...span('Anna Berg', 20), type: 'PER', entityId: null },
  ],
  concepts: [],
  topics: [{ id: 'some-topic', score: 0.75 }],
};

describe('formatSummary', () => {
  it('the fixture itself has the documented shape', () => {
    expect(checkAnalysisResult(result)).toEqual([]);
  });

  it('groups quotes by speaker and counts entity mentions by kind', () => {
    const s = formatSummary(result, null);
    expect(s).toMatch(/Quotes \(3\)\n {2}Anna Berg \(2\)\n {4}“Wir kommen wieder\.”\n {4}“Doch\.”\n {2}Tom Ruiz \(1\)/);
    expect(s).toMatch(/People: +Anna Berg ×2, Tom Ruiz/);
    expect(s).toMatch(/Places: +Lyon/);
    expect(s).toMatch(/Agencies: +dpa, AFP/);
    expect(s).toMatch(/Topics: +some-topic \(0\.75\)/);
  });

  it('never lets page text put control characters (terminal escapes) on the screen', () => {
    const s = formatSummary(result, null);
    expect(s).not.toMatch(/\u001b/);
    expect(s).toMatch(/Title: +Ein \[31mTitel/);
  });

  it('says so when there is no article', () => {
    expect(formatSummary({ ...result, article: null, quotes: [], entities: [], topics: [] }, 'x.html')).toBe('== x.html\nNo article found on this page (nothing to analyse).\n');
  });
});
