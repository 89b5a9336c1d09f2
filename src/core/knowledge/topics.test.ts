/**
 * Topic matching: the seed article matches the Korea-talks pack, with the
 * evidence to say why; reports about other things (football, Brexit, local
 * news, a Trump story about trade) do not, even when they name Trump, the
 * USA or a footballer called Kim.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KnowledgeBase } from './index.ts';
import type { Lang } from '../types.ts';

const kb = KnowledgeBase.default();
const seed = readFileSync(fileURLToPath(new URL('../../../fixtures/hanoi-summit-rnd-dpa.txt', import.meta.url)), 'utf8');

function korea(text: string, title: string | null, lang: Lang) {
  const m = kb.matchTopics({ text, title, lang, entities: [], concepts: [] }).find((t) => t.id === 'korea-talks');
  if (m === undefined) throw new Error('korea-talks pack missing');
  return m;
}

const NOT_KOREA: { name: string; lang: Lang; title: string; text: string }[] = [
  {
    name: 'Bundesliga report',
    lang: 'de',
    title: 'Bayern siegt im Topspiel gegen Dortmund',
    text:
      'Der FC Bayern hat das Topspiel der Bundesliga gegen Borussia Dortmund mit 3:1 gewonnen. Kim Min-jae brachte die Münchner nach einer Ecke per Kopf in Führung, Kim traf später noch den Pfosten. ' +
      'Der südkoreanische Nationalspieler wurde nach dem Spiel von den Fans gefeiert. Dortmund kam durch einen Foulelfmeter zum Anschluss, doch Harry Kane entschied die Partie in der Nachspielzeit. ' +
      'Trainer Vincent Kompany lobte die Defensive: „Wir haben heute als Mannschaft verteidigt.“ Am Mittwoch geht es in der Champions League weiter.',
  },
  {
    name: 'Brexit story',
    lang: 'en',
    title: 'MPs reject Brexit deal for a third time',
    text:
      'The House of Commons has rejected the Prime Minister\'s Brexit deal for a third time, leaving Britain facing a long delay or leaving the European Union without an agreement. ' +
      'The EU said a no-deal scenario was now likely. Trade talks with the United States and China would have to wait, the trade secretary said, while sanctions policy would stay aligned with Brussels for now. ' +
      'Donald Trump said in Washington that Britain should have "sued" the EU. Markets in London and Tokyo fell.',
  },
  {
    name: 'German local news',
    lang: 'de',
    title: 'Neue Brücke über die Leine freigegeben',
    text:
      'Nach zwei Jahren Bauzeit ist die neue Fußgängerbrücke über die Leine in Hannover freigegeben worden. Oberbürgermeister und Stadtbaurat eröffneten das Bauwerk am Samstag mit einem Bürgerfest. ' +
      'Die Kosten lagen bei 4,2 Millionen Euro und damit leicht über der Planung. Anwohner hatten sich lange für die Verbindung zwischen Calenberger Neustadt und Linden eingesetzt. Kontrollen des Radverkehrs soll es vorerst nicht geben.',
  },
  {
    name: 'Trump trade story',
    lang: 'de',
    title: 'Trump droht China mit neuen Zöllen',
    text:
      'US-Präsident Donald Trump hat China mit weiteren Strafzöllen gedroht. Sollte Peking nicht einlenken, würden Waren im Wert von 200 Milliarden Dollar zusätzlich belastet, sagte Trump im Weißen Haus. ' +
      'Chinas Handelsministerium kündigte Gegenmaßnahmen an. Auch Japan und Südkorea fürchten Folgen für ihre Exporte; die Börsen in Seoul und Tokio gaben nach.',
  },
];

describe('matchTopics', () => {
  it('matches the seed article, and says why', () => {
    const m = korea(seed, 'Trump und Kim: Gipfel in Hanoi endet ohne Einigung', 'de');
    expect(m.matched).toBe(true);
    expect(m.score).toBeGreaterThan(0.5);
    expect(m.evidence).toEqual(expect.arrayContaining(['Kim Jong Un', 'Nordkorea']));
  });

  it('matches the seed article even without a title', () => {
    expect(korea(seed, null, 'de').matched).toBe(true);
  });

  it('matches a short English Korea-talks report', () => {
    const text =
      'North Korea and the United States held working-level talks in Stockholm on Saturday. Pyongyang\'s negotiator said the talks broke down; the State Department said they were good. ' +
      'The two sides have been stuck since the Hanoi summit, where Kim Jong Un asked for sanctions relief in exchange for Yongbyon.';
    expect(korea(text, 'North Korea says nuclear talks with US broke down', 'en').matched).toBe(true);
  });

  for (const c of NOT_KOREA) {
    it(`does not match: ${c.name}`, () => {
      const m = korea(c.text, c.title, c.lang);
      expect(m.matched, `score ${m.score}, evidence ${m.evidence.join(', ')}`).toBe(false);
      expect(m.score).toBeLessThan(0.5);
    });
  }

  it('uses entities the tagger linked, not only its own scan', () => {
    const text = 'Die Gespräche gingen weiter. Der Gast aus dem Norden sprach über die Zukunft.';
    const without = korea(text, null, 'de');
    const withLinks = kb.matchTopics({
      text,
      title: null,
      lang: 'de',
      entities: [
        { text: 'Gast', start: 37, end: 41, type: 'PER', entityId: 'kim-jong-un', confidence: 0.9, cluster: 0, canonical: 'Kim Jong Un' },
        { text: 'Norden', start: 51, end: 57, type: 'LOC', entityId: 'north-korea', confidence: 0.9, cluster: 1, canonical: 'Nordkorea' },
      ],
      concepts: [{ text: 'Gespräche', start: 4, end: 13, entityId: 'denuclearization' }],
    })[0]!;
    expect(without.score).toBe(0);
    expect(withLinks.score).toBeGreaterThan(without.score);
    expect(withLinks.evidence).toContain('Kim Jong Un');
  });
});
