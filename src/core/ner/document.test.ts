import { describe, expect, it } from 'vitest';
import type { EntityType, Lang } from '../types.ts';
import type { NameHit } from '../knowledge/index.ts';
import { splitSentences, tokenize } from '../tokenize.ts';
import { nameStem, propagateNames, removeOverlaps, resolveClusters } from './document.ts';
import {
  agencyMentions, mergeKnowledge, withAgeAppositions, withNameSuffixes, withOrganisationHeads, withoutLeadingRoles, withoutPossessedNouns, withRoleIntroducedNames, withStreetNames,
  type Mention,
} from './mentions.ts';
import { GAZ_FIRST, GAZ_PER, Gazetteer } from '../gazetteer/index.ts';
import { recognizeEntitiesWith, type NameLookup } from './index.ts';

/** A mention over the n-th occurrence of `surface` in `text`. */
function mention(text: string, surface: string, type: EntityType, confidence = 0.9, nth = 0, entityId: string | null = null): Mention {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = text.indexOf(surface, at + 1);
  if (at < 0) throw new Error(`no ${surface}`);
  const tokens = tokenize(text);
  const first = tokens.findIndex((t) => t.start === at);
  const last = tokens.findIndex((t) => t.end === at + surface.length) + 1;
  return { start: at, end: at + surface.length, firstToken: first, lastToken: last, type, confidence, entityId, source: 'model' };
}

const noNames: NameLookup = { findNames: () => [], displayName: () => null };

function lookup(entries: Array<{ alias: string; id: string; type: EntityType; name: string }>): NameLookup {
  return {
    findNames(text: string): NameHit[] {
      const hits: NameHit[] = [];
      for (const e of entries) {
        const re = new RegExp(`(?<![\\p{L}])${e.alias}(?![\\p{L}])`, 'gu');
        for (const m of text.matchAll(re)) hits.push({ start: m.index, end: m.index + e.alias.length, entityId: e.id, type: e.type, alias: e.alias });
      }
      return hits.sort((a, b) => a.start - b.start);
    },
    displayName: (id: string) => entries.find((e) => e.id === id)?.name ?? null,
  };
}

describe('name stems', () => {
  it('strips German genitive and English possessive endings', () => {
    expect(nameStem('Trumps', 'de')).toBe('trump');
    expect(nameStem('Moons', 'de')).toBe('moon');
    expect(nameStem("Trump's", 'en')).toBe('trump');
    expect(nameStem('Jones’', 'en')).toBe('jones');
    expect(nameStem('Moss', 'de')).toBe('moss');
  });
});

describe('document consistency', () => {
  const lang: Lang = 'de';

  it('links short forms to the full name given earlier, with one cluster and canonical name', () => {
    const text = 'Der Präsident Moon Jae In reiste ab. Moon sagte nichts. Moons Pläne blieben offen.';
    const tokens = tokenize(text);
    const ms = [mention(text, 'Moon Jae In', 'PER'), mention(text, 'Moon', 'PER', 0.6, 1), mention(text, 'Moons', 'LOC', 0.4)];
    const out = resolveClusters(text, tokens, ms, lang, noNames);
    expect(out.map((e) => e.type)).toEqual(['PER', 'PER', 'PER']);
    expect(new Set(out.map((e) => e.cluster)).size).toBe(1);
    expect(out.every((e) => e.canonical === 'Moon Jae In')).toBe(true);
  });

  it('finds repeats and short forms the tagger left out', () => {
    const text = 'Kim Jong Un traf Donald Trump. Danach sprach Kim mit Journalisten, und Trump schwieg.';
    const tokens = tokenize(text);
    const ms = [mention(text, 'Kim Jong Un', 'PER'), mention(text, 'Donald Trump', 'PER')];
    const all = removeOverlaps(propagateNames(tokens, ms, lang, null));
    expect(all.map((m) => text.slice(m.start, m.end))).toEqual(['Kim Jong Un', 'Donald Trump', 'Kim', 'Trump']);
    const out = resolveClusters(text, tokens, all, lang, noNames);
    expect(out[2]!.cluster).toBe(out[0]!.cluster);
    expect(out[3]!.canonical).toBe('Donald Trump');
  });

  it('reads the region inside a compass-prefixed place name ("Südafrika" … "Afrikas")', () => {
    const text = 'Südafrika wächst. Der Handel zwischen den Staaten Afrikas nimmt zu.';
    const tokens = tokenize(text);
    const all = propagateNames(tokens, [mention(text, 'Südafrika', 'LOC')], lang, null);
    expect(all.map((m) => `${text.slice(m.start, m.end)}/${m.type}`)).toEqual(['Südafrika/LOC', 'Afrikas/LOC']);
  });

  it('gives a name one kind through the article by confidence-weighted vote', () => {
    const text = 'Siemens baut ab. Siemens verliert. Bei Siemens herrscht Sorge.';
    const tokens = tokenize(text);
    const ms = [mention(text, 'Siemens', 'ORG', 0.9), mention(text, 'Siemens', 'ORG', 0.8, 1), mention(text, 'Siemens', 'PER', 0.4, 2)];
    const out = resolveClusters(text, tokens, ms, lang, noNames);
    expect(out.map((e) => e.type)).toEqual(['ORG', 'ORG', 'ORG']);
    expect(new Set(out.map((e) => e.cluster)).size).toBe(1);
  });

  it('keeps two confident readings of an ambiguous name apart (Washington the man, Washington the city)', () => {
    const text = 'George Washington crossed the river. Today Washington is a large city.';
    const tokens = tokenize(text);
    const ms = [mention(text, 'George Washington', 'PER', 0.9), mention(text, 'Washington', 'LOC', 0.9, 1)];
    const out = resolveClusters(text, tokens, ms, 'en', noNames);
    expect(out.map((e) => e.type)).toEqual(['PER', 'LOC']);
    expect(out[0]!.cluster).not.toBe(out[1]!.cluster);
  });
});

describe('agency credits', () => {
  it('are organisations when they stand as credits, case-sensitively', () => {
    const text = 'Paris (AFP) – Die Regierung tagte. Von Anna Muster, dpa/AFP. Ein ap ist kein Kürzel.';
    const tokens = tokenize(text);
    const out = removeOverlaps(agencyMentions(tokens, []));
    expect(out.map((m) => `${text.slice(m.start, m.end)}/${m.type}`)).toEqual(['AFP/ORG', 'dpa/ORG', 'AFP/ORG']);
  });
});

describe('recognizeEntities without a model', () => {
  it('falls back to knowledge-pack names, linked and clustered, and skips lowercase adjectives', () => {
    const kb = lookup([
      { alias: 'Kim Jong Un', id: 'kim', type: 'PER', name: 'Kim Jong Un' },
      { alias: 'Kim', id: 'kim', type: 'PER', name: 'Kim Jong Un' },
      { alias: 'Nordkorea', id: 'nk', type: 'LOC', name: 'Nordkorea' },
      { alias: 'nordkoreanische', id: 'nk', type: 'LOC', name: 'Nordkorea' },
    ]);
    const text = 'Der nordkoreanische Machthaber Kim Jong Un besuchte Nordkorea nicht. Kim lachte.';
    const tokens = tokenize(text);
    const out = recognizeEntitiesWith({ text, tokens, sentences: splitSentences(text, tokens, 'de'), lang: 'de', knowledge: kb, model: null });
    expect(out.map((e) => [e.text, e.type, e.entityId])).toEqual([
      ['Kim Jong Un', 'PER', 'kim'],
      ['Nordkorea', 'LOC', 'nk'],
      ['Kim', 'PER', 'kim'],
    ]);
    expect(out[0]!.cluster).toBe(out[2]!.cluster);
    expect(out[2]!.canonical).toBe('Kim Jong Un');
  });
});

describe('pack identities on model mentions', () => {
  const text = 'North Korea said the White House and Kim had met.';
  const tokens = tokenize(text);
  const hit = (alias: string, entityId: string, type: EntityType): NameHit => {
    const start = text.indexOf(alias);
    return { start, end: start + alias.length, entityId, type, alias };
  };

  it("take the pack's kind where the tagger's is the other of place and organisation, and keep it otherwise", () => {
    const model = [mention(text, 'North Korea', 'ORG', 0.8), mention(text, 'White House', 'LOC', 0.8), mention(text, 'Kim', 'PER', 0.8)];
    const hits = [hit('North Korea', 'nk', 'LOC'), hit('White House', 'wh', 'ORG'), hit('Kim', 'kim-org', 'ORG')];
    const out = mergeKnowledge(text, tokens, model, hits, new Float64Array(tokens.length));
    expect(out.map((m) => [m.start, m.type, m.entityId])).toEqual([
      [text.indexOf('North Korea'), 'LOC', 'nk'],
      [text.indexOf('White House'), 'ORG', 'wh'],
      // a person the pack calls an organisation is another thing: no identity, the tagger's kind stays
      [text.indexOf('Kim'), 'PER', null],
    ]);
  });

  it('do not go to a longer name that starts with the pack\'s name, and widen over pieces the tagger split', () => {
    const t = 'The Washington Post wrote that Kim Jong Un visited Washington.';
    const toks = tokenize(t);
    const at = (alias: string, entityId: string, type: EntityType, from = 0): NameHit => {
      const start = t.indexOf(alias, from);
      return { start, end: start + alias.length, entityId, type, alias };
    };
    const model = [mention(t, 'Washington Post', 'ORG', 0.95), mention(t, 'Kim Jong', 'PER', 0.8), mention(t, 'Un', 'MISC', 0.36), mention(t, 'Washington', 'LOC', 0.9, 1)];
    const hits = [at('Washington', 'dc', 'LOC'), at('Kim Jong Un', 'kju', 'PER'), at('Washington', 'dc', 'LOC', t.indexOf('visited'))];
    const out = removeOverlaps(mergeKnowledge(t, toks, model, hits, new Float64Array(toks.length)));
    expect(out.map((m) => [t.slice(m.start, m.end), m.entityId])).toEqual([['Washington Post', null], ['Kim Jong Un', 'kju'], ['Washington', 'dc']]);
  });
});

describe('generational suffixes', () => {
  const kb = lookup([
    { alias: 'Donald Trump', id: 'trump', type: 'PER', name: 'Donald Trump' },
    { alias: 'Trump', id: 'trump', type: 'PER', name: 'Donald Trump' },
  ]);

  it('make the son a name of his own: the suffix joins the tagged name, which takes no pack identity and no cluster of the father', () => {
    const text = 'Donald Trump Jr wrote on X. Donald Trump said nothing. Henry Ford III and Trump met.';
    const tokens = tokenize(text);
    const model = withNameSuffixes(tokens, [mention(text, 'Donald Trump', 'PER', 0.9), mention(text, 'Donald Trump', 'PER', 0.9, 1), mention(text, 'Henry Ford', 'PER', 0.9)]);
    expect(model.map((m) => text.slice(m.start, m.end))).toEqual(['Donald Trump Jr', 'Donald Trump', 'Henry Ford III']);
    const merged = mergeKnowledge(text, tokens, model, kb.findNames(text, 'en'), new Float64Array(tokens.length));
    const out = resolveClusters(text, tokens, removeOverlaps(merged), 'en', kb);
    const jr = out.find((e) => e.text === 'Donald Trump Jr')!;
    const father = out.filter((e) => e.entityId === 'trump').map((e) => e.text);
    expect(jr.entityId).toBeNull();
    expect(father).toEqual(['Donald Trump', 'Trump']);
    expect(out.filter((e) => e.cluster === jr.cluster).map((e) => e.text)).toEqual(['Donald Trump Jr']);
  });

  it('keep a pack name that the suffix follows out of the article when the tagger missed it', () => {
    const text = 'Later Donald Trump Jr. said more.';
    const tokens = tokenize(text);
    expect(mergeKnowledge(text, tokens, [], kb.findNames(text, 'en'), null)).toEqual([]);
  });
});

describe('titles before names', () => {
  it('are not short forms of the name: "Lord" of "Lord Alli" names nobody, the last word of "Martin Luther King" does', () => {
    const text = 'Lord Alli paid. He met Lord Alli there. Sir Keir Starmer came. Sir, said one. Martin Luther King spoke; King left.';
    const tokens = tokenize(text);
    const model = [mention(text, 'Lord Alli', 'PER'), mention(text, 'Alli', 'PER', 0.9, 1), mention(text, 'Sir Keir Starmer', 'PER'), mention(text, 'Martin Luther King', 'PER')];
    const out = propagateNames(tokens, model, 'en', null).map((m) => text.slice(m.start, m.end));
    expect(out).toEqual(['Lord Alli', 'Alli', 'Sir Keir Starmer', 'Martin Luther King', 'King']);
  });
});

describe('role nouns before names', () => {
  it('stay out of person mentions, so they are neither marked nor spread as a short form', () => {
    const text = 'Kritik an Ministerpräsidentin Dreyer. Die Ministerpräsidentin schwieg. US-Präsident Donald Trump kam, Anne Spiegel nicht.';
    const tokens = tokenize(text);
    const model = withoutLeadingRoles(tokens, [
      mention(text, 'Ministerpräsidentin Dreyer', 'PER'), mention(text, 'US-Präsident Donald Trump', 'PER'), mention(text, 'Anne Spiegel', 'PER'),
    ]);
    expect(model.map((m) => text.slice(m.start, m.end))).toEqual(['Dreyer', 'Donald Trump', 'Anne Spiegel']);
    const out = resolveClusters(text, tokens, removeOverlaps(propagateNames(tokens, model, 'de', null)), 'de', noNames);
    expect(out.map((e) => e.text)).not.toContain('Ministerpräsidentin');
  });
});


describe('names introduced by a role noun', () => {
  it('are as sure as a known name when two or more capitalised words follow the role', () => {
    const text = 'Ukrainian President Volodymyr Zelensky spoke. Außenminister Guido Westerwelle kam. Minister Dreyer kam. Anne Spiegel kam, der Sprecher jedoch nicht.';
    const tokens = tokenize(text);
    const model = withRoleIntroducedNames(tokens, withoutLeadingRoles(tokens, [
      mention(text, 'Volodymyr Zelensky', 'PER', 0.7), mention(text, 'Außenminister Guido Westerwelle', 'PER', 0.6),
      mention(text, 'Dreyer', 'PER', 0.6), mention(text, 'Anne Spiegel', 'PER', 0.6), mention(text, 'Sprecher', 'LOC', 0.6),
    ]));
    expect(model.map((m) => [text.slice(m.start, m.end), m.confidence])).toEqual([
      ['Volodymyr Zelensky', 0.9], ['Guido Westerwelle', 0.9],
      // one word after the role, no role before, or not a person: the tagger's confidence stays
      ['Dreyer', 0.6], ['Anne Spiegel', 0.6], ['Sprecher', 0.6],
    ]);
  });

  it('do not lower a confidence the tagger already gave', () => {
    const text = 'President Joe Biden spoke.';
    const tokens = tokenize(text);
    expect(withRoleIntroducedNames(tokens, [mention(text, 'Joe Biden', 'PER', 0.97)])[0]!.confidence).toBe(0.97);
  });

  it('leave a name cut short at an initial as unsure as it was', () => {
    const text = 'US-Präsident George W. Bush kam.';
    const tokens = tokenize(text);
    expect(withRoleIntroducedNames(tokens, [mention(text, 'George W', 'PER', 0.6)])[0]!.confidence).toBe(0.6);
  });
});

describe('English street names', () => {
  it('take in the capitalised word before a street noun the tagger started with, and are places, not people', () => {
    const text = 'Downing Street said no. Shares fell on Wall Street. He walked down the Street today.';
    const tokens = tokenize(text);
    const out = withStreetNames(tokens, [
      mention(text, 'Street', 'PER', 0.75), mention(text, 'Street', 'ORG', 0.8, 1), mention(text, 'Street', 'PER', 0.6, 2),
    ], 'en');
    expect(out.map((m) => [text.slice(m.start, m.end), m.type])).toEqual([
      ['Downing Street', 'LOC'], ['Wall Street', 'ORG'],
      // "the" is not part of a name
      ['Street', 'PER'],
    ]);
  });

  it('leave German text alone', () => {
    const text = 'Die Berliner Straße war voll.';
    const tokens = tokenize(text);
    expect(withStreetNames(tokens, [mention(text, 'Straße', 'LOC', 0.8)], 'de').map((m) => text.slice(m.start, m.end))).toEqual(['Straße']);
  });
});

describe('German possessives', () => {
  const gaz = new Gazetteer();
  gaz.setPrior('Sieg', 'OH');
  gaz.setPrior('Wolf', 'PERH');
  gaz.add(['trump'], GAZ_PER);
  gaz.add(['adam'], GAZ_PER | GAZ_FIRST);
  gaz.add(['hans'], GAZ_PER | GAZ_FIRST);

  it('end a person at the genitive that owns a common noun ("Putins Sieg", "Trumps Zölle"), and the noun is no short form', () => {
    const text = 'Das war Putins Sieg. Trumps Zölle kamen. Hans Sieg lief. Adams Lehmann kam. Der Sieg war knapp.';
    const tokens = tokenize(text);
    const model = withoutPossessedNouns(tokens, [
      mention(text, 'Putins Sieg', 'PER'), mention(text, 'Trumps Zölle', 'PER'), mention(text, 'Hans Sieg', 'PER'), mention(text, 'Adams Lehmann', 'PER'),
    ], 'de', gaz);
    // a first name in -s owns nothing ("Hans Sieg"), nor does a first name's genitive before an unknown word ("Adams Lehmann")
    expect(model.map((m) => text.slice(m.start, m.end))).toEqual(['Putins', 'Trumps', 'Hans Sieg', 'Adams Lehmann']);
    expect(withoutPossessedNouns(tokens, [mention(text, 'Putins Sieg', 'PER')], 'en', gaz).map((m) => text.slice(m.start, m.end))).toEqual(['Putins Sieg']);
  });

  it('end at a genitive whose name the article also uses without the -s', () => {
    const text = 'Aviv traf sie früh. Bei Avivs Gedenkfeier sprach sie. Noras Gedenkfeier kam später.';
    const tokens = tokenize(text);
    const out = withoutPossessedNouns(tokens, [mention(text, 'Avivs Gedenkfeier', 'PER'), mention(text, 'Noras Gedenkfeier', 'PER')], 'de', gaz);
    expect(out.map((m) => text.slice(m.start, m.end))).toEqual(['Avivs', 'Noras Gedenkfeier']);
  });

  it('show a cluster by its name without the genitive -s when the article has that form too', () => {
    const text = 'Angela Merkels Besuch war kurz. Merkel sprach. Hans Klaus kam.';
    const tokens = tokenize(text);
    const out = resolveClusters(text, tokens, [mention(text, 'Angela Merkels', 'PER'), mention(text, 'Merkel', 'PER', 0.9, 1), mention(text, 'Hans Klaus', 'PER')], 'de', noNames);
    expect(out.map((e) => e.canonical)).toEqual(['Angela Merkel', 'Angela Merkel', 'Hans Klaus']);
  });
});

describe('organisation heads', () => {
  const gaz = new Gazetteer();
  gaz.add(['thomas'], GAZ_PER | GAZ_FIRST);
  gaz.add(['leopold'], GAZ_PER | GAZ_FIRST);

  it('make a tagged person whose last word is an organisation\'s an organisation', () => {
    const text = 'Stax Records signed them. Leopold Stocker Verlag printed it. Thomas Bank spoke, Sachs Bank paid. Emily Post wrote.';
    const tokens = tokenize(text);
    const out = withOrganisationHeads(tokens, [
      mention(text, 'Stax Records', 'PER'), mention(text, 'Leopold Stocker Verlag', 'PER'), mention(text, 'Thomas Bank', 'PER'),
      mention(text, 'Sachs Bank', 'PER'), mention(text, 'Emily Post', 'PER'),
    ], gaz);
    expect(out.map((m) => [text.slice(m.start, m.end), m.type])).toEqual([
      ['Stax Records', 'ORG'], ['Leopold Stocker Verlag', 'ORG'], ['Thomas Bank', 'PER'], ['Sachs Bank', 'ORG'], ['Emily Post', 'PER'],
    ]);
  });
});

describe('ages after names', () => {
  it('make a place or organisation with ", 25," after it a person, and leave a club\'s table rank alone', () => {
    const text = 'Roma Jayne, 25, from Perth, lost weight. Chad Hawk, 52, said so. Paris, 2024, was hot. Werder Bremen (12) won.';
    const tokens = tokenize(text);
    const out = withAgeAppositions(tokens, [
      mention(text, 'Roma Jayne', 'LOC'), mention(text, 'Chad Hawk', 'LOC'), mention(text, 'Paris', 'LOC'), mention(text, 'Werder Bremen', 'ORG'),
    ]);
    expect(out.map((m) => [text.slice(m.start, m.end), m.type])).toEqual([['Roma Jayne', 'PER'], ['Chad Hawk', 'PER'], ['Paris', 'LOC'], ['Werder Bremen', 'ORG']]);
  });
});
