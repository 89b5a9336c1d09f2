/**
 * Time-aware context: roles as of the article's date, the timeline split
 * into before / at / after the article, "what came next" never mixed into
 * the past, and recorded source disagreements surfaced.
 */
import { describe, expect, it } from 'vitest';
import { dayNumber } from './dates.ts';
import { KnowledgeBase } from './index.ts';

const kb = KnowledgeBase.default();

describe('background(topic) for an article of 28 February 2019', () => {
  const bg = kb.background('korea-talks', { lang: 'de', published: '2019-02-28T09:30:00+01:00' })!;

  it('puts the Hanoi summit at the article, everything earlier before it', () => {
    expect(bg.now.map((t) => t.id)).toEqual(expect.arrayContaining(['hanoi-summit-opens', 'hanoi-summit-collapses']));
    const cut = dayNumber('2019-02-27', 'start')!;
    for (const t of bg.past) expect(dayNumber(t.date, 'start')!).toBeLessThan(cut);
    expect(bg.past.map((t) => t.id)).toContain('singapore-summit');
  });

  it('shows what came next apart: the DMZ meeting and the Stockholm talks', () => {
    const next = bg.next.map((t) => t.id);
    expect(next).toEqual(expect.arrayContaining(['dmz-meeting', 'stockholm-talks']));
    expect(bg.past.map((t) => t.id)).not.toContain('dmz-meeting');
    for (const t of bg.next) expect(dayNumber(t.date, 'start')!).toBeGreaterThan(dayNumber('2019-02-28', 'start')!);
  });

  it('lists key people with their role on that day, key issues and disagreements', () => {
    expect(bg.keyPeople.map((p) => p.id)).toContain('kim-jong-un');
    expect(bg.keyIssues.map((k) => k.id)).toContain('liaison-offices');
    expect(bg.disagreements.length).toBeGreaterThan(10);
    expect(bg.past.find((t) => t.id === 'third-nuclear-test')?.disputed).toBe(true);
    expect(bg.title).toMatch(/Nordkorea/);
  });

  it('puts people the article names first', () => {
    const named = kb.background('korea-talks', { lang: 'en', published: '2019-02-28', mentioned: ['moon-jae-in'] })!;
    expect(named.keyPeople[0]?.id).toBe('moon-jae-in');
    expect(named.keyPeople[0]?.role).toMatch(/President of South Korea since May 2017/);
  });
});

describe('background at other dates', () => {
  it('an article of January 2018 has Singapore and Hanoi still ahead', () => {
    const bg = kb.background('korea-talks', { lang: 'en', published: '2018-01-10' })!;
    expect(bg.next.map((t) => t.id)).toEqual(expect.arrayContaining(['singapore-summit', 'hanoi-summit-collapses']));
    expect(bg.past.map((t) => t.id)).not.toContain('singapore-summit');
  });

  it('without a date nothing is "next"', () => {
    const bg = kb.background('korea-talks', { lang: 'en', published: null })!;
    expect(bg.next).toEqual([]);
    expect(bg.past.length).toBeGreaterThan(30);
  });

  it('unknown topic', () => {
    expect(kb.background('no-such-topic', { lang: 'en', published: null })).toBeNull();
  });
});

describe('contextFor(entity)', () => {
  it('gives roles as of the article date', () => {
    expect(kb.contextFor('donald-trump', { lang: 'en', published: '2019-02-28' })!.roles).toEqual(['45th President of the United States since January 2017']);
    const later = kb.contextFor('donald-trump', { lang: 'de', published: '2022-06-01' })!;
    expect(later.roles).toEqual([]);
    expect(later.formerRoles[0]).toMatch(/^bis Januar 2021: 45\. Präsident/);
    expect(kb.contextFor('donald-trump', { lang: 'en', published: '2016-05-01' })!.roles).toEqual([]);
    expect(kb.contextFor('sarah-sanders', { lang: 'en', published: '2020-01-01' })!.formerRoles).toEqual(['White House Press Secretary until June 2019']);
  });

  it('places events relative to the article and splits their timeline', () => {
    const dmz = kb.contextFor('dmz-meeting-2019', { lang: 'en', published: '2019-02-28' })!;
    expect(dmz.relation).toBe('later');
    const hanoi = kb.contextFor('hanoi-summit-2019', { lang: 'de', published: '2019-02-28' })!;
    expect(hanoi.relation).toBe('current');
    expect(hanoi.when).toBe('27.–28. Februar 2019');
    const kim = kb.contextFor('kim-jong-un', { lang: 'en', published: '2019-02-28' })!;
    expect(kim.after.map((t) => t.id)).toEqual(expect.arrayContaining(['putin-kim-vladivostok', 'dmz-meeting']));
    expect(kim.before.map((t) => t.id)).not.toContain('dmz-meeting');
  });

  it('links out, opens explainers and says where sources differ', () => {
    const kim = kb.contextFor('kim-jong-un', { lang: 'de', published: '2019-02-28' })!;
    expect(kim.links.wikidata).toBe('https://www.wikidata.org/wiki/Q56226');
    expect(kim.links.wikipedia).toContain('dewiki/Q56226');
    const moon = kb.contextFor('moon-jae-in', { lang: 'en', published: null })!;
    expect(moon.links.wikipedia).toMatch(/^https:\/\/en\.wikipedia\.org\/w\/index\.php\?search=Moon/);
    expect(kb.contextFor('liaison-office', { lang: 'en', published: '2019-02-28' })!.issues.map((i) => i.id)).toContain('liaison-offices');
    expect(kb.contextFor('kim-yo-jong', { lang: 'en', published: '2019-02-28' })!.disagreements.length).toBe(1);
    expect(kb.contextFor('nobody', { lang: 'en', published: null })).toBeNull();
  });
});
