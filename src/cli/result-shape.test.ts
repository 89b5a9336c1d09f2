import { describe, expect, it } from 'vitest';
import { checkAnalysisResult, checkTextResult } from './result-shape.ts';

const text = 'Kim sagte: „Ja.“';
const good = {
  url: null,
  article: { title: null, byline: null, published: null, language: 'de', agencies: [], dateline: null, text },
  quotes: [{ text: 'Ja.', start: 12, end: 15, speaker: { name: 'Kim', entityId: 'kim-jong-un' } }],
  entities: [{ text: 'Kim', start: 0, end: 3, type: 'PER', entityId: null }],
  concepts: [],
  topics: [{ id: 't', score: 0.5 }],
};

describe('checkAnalysisResult', () => {
  it('accepts a correct result and a no-article result', () => {
    expect(checkAnalysisResult(good)).toEqual([]);
    expect(checkAnalysisResult({ url: 'u', article: null, quotes: [], entities: [], concepts: [], topics: [] })).toEqual([]);
  });

  it('finds missing and extra keys, wrong types and spans that do not match their text', () => {
    const { topics: _t, ...noTopics } = good;
    expect(checkAnalysisResult(noTopics).join('\n')).toMatch(/result: keys/);
    expect(checkAnalysisResult({ ...good, extra: 1 }).join('\n')).toMatch(/result: keys/);
    expect(checkAnalysisResult({ ...good, entities: [{ ...good.entities[0], type: 'PERSON' }] }).join('\n')).toMatch(/type must be/);
    expect(checkAnalysisResult({ ...good, entities: [{ ...good.entities[0], confidence: 1 }] }).join('\n')).toMatch(/entities\[0\]: keys/);
    expect(checkAnalysisResult({ ...good, quotes: [{ ...good.quotes[0], start: 11 }] }).join('\n')).toMatch(/does not equal the slice/);
    expect(checkAnalysisResult({ ...good, quotes: [{ ...good.quotes[0], end: 99 }] }).join('\n')).toMatch(/beyond text length/);
    expect(checkAnalysisResult({ ...good, article: { ...good.article, agencies: 'dpa' } }).join('\n')).toMatch(/agencies/);
    expect(checkAnalysisResult({ ...good, article: null }).join('\n')).toMatch(/must be empty when there is no article/);
    expect(checkAnalysisResult({ ...good, file: 'a.html' }, ['file'])).toEqual([]);
  });

  it('checkTextResult holds --jsonl lines to their input text', () => {
    const line = { id: 'a', language: 'de', quotes: good.quotes, entities: good.entities, concepts: [] };
    expect(checkTextResult(line, text)).toEqual([]);
    expect(checkTextResult(line, 'other text entirely').length).toBeGreaterThan(0);
    expect(checkTextResult({ ...line, topics: [] }, text).join('\n')).toMatch(/keys/);
  });
});
