import { describe, expect, it } from 'vitest';
import en from '../../../public/_locales/en/messages.json';
import de from '../../../public/_locales/de/messages.json';
import type { EntityDetail, QuoteDetail, TextAnalysis } from '../../core/types.ts';
import { makeTranslate, tableGetMessage } from '../../shared/i18n.ts';
import { entityPopup, quotePopup, withoutInflections } from './popup-content.ts';
import type { EntityContext } from '../../shared/views.ts';

const tEn = makeTranslate(tableGetMessage(en));
const tDe = makeTranslate(tableGetMessage(de));

function ent(text: string, start: number, type: EntityDetail['type'], cluster: number, canonical: string, entityId: string | null = null): EntityDetail {
  return { text, start, end: start + text.length, type, cluster, canonical, entityId, confidence: 0.9 };
}
function quote(start: number, speakerCluster: number | null, name: string | null, confidence = 0.9): QuoteDetail {
  return {
    text: 'x', start, end: start + 1, confidence, kind: 'direct', cue: null, speakerMention: null, speakerCluster,
    speaker: name ? { name, entityId: null } : null,
  };
}

// A made-up story: Maria Keller (cluster 1) is quoted twice, once with low confidence; Berlin is mentioned.
const analysis: TextAnalysis = {
  language: 'en',
  entities: [
    ent('Maria Keller', 0, 'PER', 1, 'Maria Keller', 'q-keller'),
    ent('Berlin', 30, 'LOC', 2, 'Berlin'),
    ent('Keller', 60, 'PER', 1, 'Maria Keller', 'q-keller'),
    ent('Keller', 90, 'PER', 1, 'Maria Keller', 'q-keller'),
  ],
  quotes: [quote(10, 1, 'Maria Keller'), quote(70, 1, 'Maria Keller'), quote(100, 1, 'Maria Keller', 0.2), quote(120, null, null)],
  concepts: [],
  topics: [],
};
const kellerContext: EntityContext = {
  id: 'q-keller', topicId: 't', type: 'person', name: 'Maria Keller', roles: ['Mayor since 2015'], formerRoles: [],
  description: 'Mayor of a small town.', when: null, relation: null, before: [], after: [], issues: [], disagreements: [],
  links: { wikipedia: 'https://example.org', wikidata: null }, sources: [], unverified: false,
};
const contexts: Record<string, EntityContext> = { 'q-keller': kellerContext };

describe('entityPopup', () => {
  it('says who a known person is and counts quotes (confident ones only) and mentions', () => {
    const p = entityPopup(analysis.entities[2]!, analysis, contexts, tEn);
    expect(p.heading).toBe('Maria Keller');
    expect(p.label).toBe('Person');
    expect(p.description).toBe('Mayor of a small town.');
    expect(p.roles).toEqual(['Mayor since 2015']);
    expect(p.roleLines).toEqual(['Quoted 2 times', 'Mentioned 3 times', 'Also called Keller here']);
  });

  it('falls back to the article name and an "unknown" note when the pack has no entry', () => {
    const p = entityPopup(analysis.entities[1]!, analysis, contexts, tEn);
    expect(p.heading).toBe('Berlin');
    expect(p.label).toBe('Place');
    expect(p.description).toMatch(/knowledge pack/);
    expect(p.roleLines).toEqual(['Mentioned once']);
  });

  it('speaks German when the browser does', () => {
    const p = entityPopup(analysis.entities[0]!, analysis, contexts, tDe);
    expect(p.roleLines[0]).toBe('2-mal zitiert');
    expect(p.label).toBe('Person');
  });
});

describe('quotePopup', () => {
  it('names the speaker and how often they are quoted', () => {
    const p = quotePopup(analysis.quotes[0]!, analysis, contexts, tEn);
    expect(p.heading).toBe('Said by Maria Keller');
    expect(p.roleLines).toEqual(['Quoted 2 times']);
  });
  it('says when the speaker is unknown', () => {
    const p = quotePopup(analysis.quotes[3]!, analysis, contexts, tDe);
    expect(p.heading).toBe('Sprecher nicht erkannt');
    expect(p.roleLines).toEqual([]);
  });
});

describe('withoutInflections', () => {
  it('drops German case endings and English possessives of listed names', () => {
    expect(withoutInflections(['Trumps', 'Trump', "Trump's", 'Donald'], ['Donald Trump'])).toEqual(['Trump', 'Donald']);
  });
  it('keeps names that merely start with another name', () => {
    expect(withoutInflections(['Moonlight', 'Kimberly'], ['Moon', 'Kim'])).toEqual(['Moonlight', 'Kimberly']);
  });
});
