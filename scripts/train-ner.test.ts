import { describe, expect, it } from 'vitest';
import { countryReferents, isNewsLikeGum } from './train-ner.ts';

describe('display-threshold inputs of train:ner', () => {
  it('takes news, interviews and biographies of GUM as news-like, and nothing else', () => {
    expect(['GUM_news_iodine', 'GUM_interview_ants', 'GUM_bio_byron'].map(isNewsLikeGum)).toEqual([true, true, true]);
    expect(['GUM_voyage_athens', 'GUM_vlog_radiology', 'GUM_conversation_x', 'news', undefined].map(isNewsLikeGum)).toEqual([false, false, false, false, false]);
  });

  it('lists countries in both languages, the UK nations included, and no other places', () => {
    const names = countryReferents();
    for (const n of ['Belgium', 'Belgien', 'North Korea', 'Nordkorea', 'USA', 'England', 'Schottland']) expect(names.has(n), n).toBe(true);
    for (const n of ['London', 'Washington', 'Bavaria', 'Europe']) expect(names.has(n), n).toBe(false);
  });
});
