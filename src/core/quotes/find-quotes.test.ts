import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { splitSentences, tokenize } from '../tokenize.ts';
import type { Lang, QuoteDetail } from '../types.ts';
import { findQuotes } from './index.ts';
import { markEntities, type EntitySpec } from './test-entities.ts';

function run(text: string, lang: Lang, people: EntitySpec[] = []): QuoteDetail[] {
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens, lang);
  return findQuotes({ text, tokens, sentences, lang, entities: markEntities(text, people) });
}

/** Confident direct quotes as [text, speaker name]. */
function speech(text: string, lang: Lang, people: EntitySpec[] = []): [string, string | null][] {
  return run(text, lang, people)
    .filter((q) => q.kind === 'direct' && q.confidence >= 0.5)
    .map((q) => [q.text, q.speaker?.name ?? null]);
}

const merkel: EntitySpec = { canonical: 'Angela Merkel', names: ['Angela Merkel', 'Merkel'], id: 'angela-merkel' };
const scholz: EntitySpec = { canonical: 'Olaf Scholz', names: ['Olaf Scholz', 'Scholz'] };
const biden: EntitySpec = { canonical: 'Joe Biden', names: ['Joe Biden', 'Biden'] };
const harris: EntitySpec = { canonical: 'Kamala Harris', names: ['Kamala Harris', 'Harris'] };

describe('findQuotes: German attribution', () => {
  it('reads inverted order, colon introductions and cue-first clauses', () => {
    const text = '„Wir schaffen das“, sagte Merkel am Montag. Scholz erklärte: „Das sehe ich anders.“ Merkel betonte, die Lage sei „ernst“.';
    expect(speech(text, 'de', [merkel, scholz])).toEqual([
      ['Wir schaffen das', 'Angela Merkel'],
      ['Das sehe ich anders.', 'Olaf Scholz'],
      ['ernst', 'Angela Merkel'],
    ]);
  });

  it('links the speaker to the entity and reports cue and mention spans', () => {
    const text = '„Wir schaffen das“, sagte Merkel.';
    const [q] = run(text, 'de', [merkel]);
    expect(q?.speaker).toEqual({ name: 'Angela Merkel', entityId: 'angela-merkel' });
    expect(text.slice(q!.cue!.start, q!.cue!.end)).toBe('sagte');
    expect(text.slice(q!.speakerMention!.start, q!.speakerMention!.end)).toBe('Merkel');
    expect(q?.speakerCluster).toBe(0);
  });

  it('resolves pronouns by gender to the most recent person, not to an object pronoun', () => {
    const text =
      'Olaf Scholz traf Angela Merkel in Berlin. Sie nannte das Gespräch „offen und ehrlich“. Darauf antwortete er: „Das war es.“ ' +
      'Scholz lobte den Plan, Merkel nannte ihn „vernünftig“. Scholz nannte sie „eine kluge Kollegin“.';
    expect(speech(text, 'de', [merkel, scholz])).toEqual([
      ['offen und ehrlich', 'Angela Merkel'],
      ['Das war es.', 'Olaf Scholz'],
      ['vernünftig', 'Angela Merkel'],
      ['eine kluge Kollegin', 'Olaf Scholz'],
    ]);
  });

  it('handles separable cue verbs, zufolge and laut', () => {
    const text = 'Merkel fügte hinzu, es müsse „schnell gehen“. Scholz zufolge ist das „nicht machbar“. Laut Merkel bleibt es „ein Kraftakt“.';
    expect(speech(text, 'de', [merkel, scholz])).toEqual([
      ['schnell gehen', 'Angela Merkel'],
      ['nicht machbar', 'Olaf Scholz'],
      ['ein Kraftakt', 'Angela Merkel'],
    ]);
  });

  it('reads "nach Angaben" and a fronted object before "bezeichnete er"', () => {
    const text = 'Der Fall wird nach Angaben der Staatsanwaltschaft „ganz besonders sorgfältig“ geprüft. Scholz traf Merkel. Die Vorwürfe bezeichnete er als „haltlos“.';
    const qs = run(text, 'de', [merkel, scholz]).filter((q) => q.kind === 'direct' && q.confidence >= 0.5);
    expect(qs.map((q) => [q.text, q.speaker?.name])).toEqual([
      ['ganz besonders sorgfältig', 'Staatsanwaltschaft'],
      ['haltlos', 'Olaf Scholz'],
    ]);
  });

  it('gives a cue-less follow-up quote to the previous speaker', () => {
    const text = 'Scholz sagte, die Gespräche seien „sehr gut“ verlaufen. „Wir machen weiter, und zwar bald.“';
    expect(speech(text, 'de', [scholz])).toEqual([
      ['sehr gut', 'Olaf Scholz'],
      ['Wir machen weiter, und zwar bald.', 'Olaf Scholz'],
    ]);
  });

  it('links a role noun to the person introduced with it', () => {
    const text = 'Bundeskanzler Olaf Scholz reiste nach Paris. Der Bundeskanzler sagte dort: „Europa steht zusammen.“';
    expect(speech(text, 'de', [scholz])).toEqual([['Europa steht zusammen.', 'Olaf Scholz']]);
  });

  it('keeps titles and scare quotes below the threshold and partial quotes with a cue above it', () => {
    const quotes = run(
      'Das zeigte die „Tagesschau“ am Abend. Im Kino lief der Film „Parasite“. Scholz bezeichnete das Treffen als „produktiv“.',
      'de',
      [scholz],
    );
    const conf = Object.fromEntries(quotes.filter((q) => q.kind === 'direct').map((q) => [q.text, q.confidence]));
    expect(conf['Tagesschau']).toBeLessThan(0.5);
    expect(conf['Parasite']).toBeLessThan(0.5);
    expect(conf['produktiv']).toBeGreaterThanOrEqual(0.5);
  });

  it('marks German reported speech (Konjunktiv I) as indirect for the current speaker', () => {
    const text = '„Wir sind bereit“, sagte Merkel. Es habe verschiedene Optionen gegeben.';
    const indirect = run(text, 'de', [merkel]).filter((q) => q.kind === 'indirect');
    expect(indirect.map((q) => [q.text, q.speaker?.name])).toEqual([['Es habe verschiedene Optionen gegeben', 'Angela Merkel']]);
    const tokens = tokenize(text);
    const off = findQuotes({ text, tokens, sentences: splitSentences(text, tokens, 'de'), lang: 'de', entities: [] }, { indirect: false });
    expect(off.every((q) => q.kind === 'direct')).toBe(true);
  });

  it('still attributes without any entities (capitalised names next to cues, known first names)', () => {
    const text = 'Sarah Müller leitet das Amt. „Wir prüfen das“, sagte Müller. Später erklärte sie: „Es dauert noch.“';
    expect(speech(text, 'de')).toEqual([
      ['Wir prüfen das', 'Sarah Müller'],
      ['Es dauert noch.', 'Sarah Müller'],
    ]);
  });
});

describe('findQuotes: English attribution', () => {
  it("carries the last speaker's floor into a new paragraph only for a quote that opens its sentence", () => {
    const text = '“We will win,” Biden said on Monday.\n\n“And we will win big.”\n\nThe agency will mail its “In case of crisis or war” brochure to every household.';
    const got = run(text, 'en', [biden]).map((q) => [q.text, q.speaker?.name ?? null]);
    expect(got).toEqual([
      ['We will win,', 'Joe Biden'],
      ['And we will win big.', 'Joe Biden'],
      ['In case of crisis or war', null],
    ]);
  });

  it('names a speaking noun phrase by its head, not by a capitalised adjective before it', () => {
    const text = 'The Swedish brochure says “If Sweden is attacked, we will never surrender.” The Finnish government will say “Be ready.”';
    expect(run(text, 'en').map((q) => q.speaker?.name ?? null)).toEqual(['Swedish brochure', 'Finnish government']);
  });

  it('leaves an auxiliary between a speaking noun and its verb out of the speaker ("an expert has claimed")', () => {
    const text = 'The snub was “terrible”, an expert has claimed. Talks were “hopeless”, the commission has said.';
    expect(run(text, 'en').map((q) => q.speaker?.name ?? null)).toEqual(['expert', 'commission']);
  });

  it('takes no day or month for a speaker, possessive or abbreviated ("Thursday’s storms", "Nov. 30")', () => {
    const text = 'Thursday’s storms erupted in Kansas, but a cold boundary “undercut” most of them. Nov. 30, 1974: “The Comeback” began.';
    expect(run(text, 'en').map((q) => q.speaker?.name ?? null)).toEqual([null, null]);
  });

  it('keeps the floor for the speaker across names in the speaker\'s own apposition, not across a person named later', () => {
    const barrett: EntitySpec = { canonical: 'Kevin Barrett', names: ['Kevin Barrett'] };
    const glasser: EntitySpec = { canonical: 'Glasser', names: ['Glasser'] };
    const hess: EntitySpec = { canonical: 'Tim Hess', names: ['Tim Hess'] };
    const text = '“It was a bad year,” said Kevin Barrett, a lawyer at Bailey & Glasser, who represents the state. “It was destined to fail.” ' +
      'Tim Hess disagreed on Monday. “It worked.”';
    expect(run(text, 'en', [barrett, glasser, hess]).map((q) => q.speaker?.name ?? null)).toEqual(['Kevin Barrett', 'Kevin Barrett', 'Tim Hess']);
  });

  it('takes no adverb or gerund opening a sentence for its subject, but keeps a common noun before its verb', () => {
    const text = 'Playing liberally with the word “family” makes sense. The deal is nearly done. ' +
      'Nearly a year later, the posts called it a “disaster” again. Police say they have “adequate resources” now.';
    expect(run(text, 'en').map((q) => q.speaker?.name ?? null)).toEqual([null, 'posts', 'Police']);
  });

  it('names a speaking phrase by the noun after a capitalised adjective, and not by a common word whose verb sits in a relative clause', () => {
    const text = 'Violence has erupted after a march was met with counter-protesters who have vowed to keep “Nazis off our streets”. ' +
      'The city saw violence before.\n\nLocal reporters have said a “loud bang” was heard. Police say they have “adequate resources” now.';
    expect(run(text, 'en').map((q) => q.speaker?.name ?? null)).toEqual([null, 'Local reporters', 'Police']);
  });

  it('reads a capitalised possessive before a speaking noun phrase as its article, and "He’s" as "he is"', () => {
    const text = 'Britain’s health secretary said “no” today. China’s foreign ministry called it “a farce”. ' +
      'Bornsten’s letter was ridiculed for predicting he would be “the healthiest president ever”.';
    expect(run(text, 'en').map((q) => q.speaker?.name ?? null)).toEqual(['Britain’s health secretary', 'China’s foreign ministry', 'Bornsten’s']);
  });

  it('reads "another" as an article and "Today", "Neither" as no name', () => {
    const text = 'Another victim said: “She was up there for three days, standing.” Today the paper wrote: “The talks are over.”';
    expect(run(text, 'en').map((q) => q.speaker?.name ?? null)).toEqual(['victim', 'paper']);
    expect(run('Neither is “quite right,” of course.', 'en').map((q) => q.speaker?.name ?? null)).toEqual([null]);
  });

  it('gives "the man" and "the woman" to the person of that gender named before', () => {
    const smith: EntitySpec = { canonical: 'John Smith', names: ['John Smith'] };
    const berg: EntitySpec = { canonical: 'Anna Berg', names: ['Anna Berg'] };
    const text = 'John Smith met Anna Berg on Monday. “I am tired,” the woman said. “So am I,” the man said.';
    expect(run(text, 'en', [smith, berg]).map((q) => q.speaker?.name ?? null)).toEqual(['Anna Berg', 'John Smith']);
  });

  it('skips a name inside a prepositional phrase with an adjective when it looks for the subject ("in western Kansas")', () => {
    const kansas: EntitySpec = { canonical: 'Kansas', names: ['Kansas'], type: 'ORG' };
    const text = 'In western Kansas, Biden saw the storms as “terrible.”';
    expect(run(text, 'en', [kansas, biden]).map((q) => q.speaker?.name ?? null)).toEqual(['Joe Biden']);
  });

  it('does not read a participle after "be" or "as" as a speech verb', () => {
    const text = 'Storms erupted as predicted in Kansas. Only a few weak “landspout” tornadoes were observed near Denver.';
    for (const q of run(text, 'en')) expect(q.cue, q.text).toBeNull();
    // "was quoted as saying" still attributes
    const quoted = run('Biden was quoted as saying “we will win.”', 'en', [biden]);
    expect(quoted[0]?.speaker?.name).toBe('Joe Biden');
  });

  it('does not take a name after "a"/"an" for the speaker: it modifies the noun that speaks', () => {
    const whiteHouse: EntitySpec = { canonical: 'White House', names: ['White House'], type: 'ORG' };
    const obama: EntitySpec = { canonical: 'Barack Obama', names: ['President Obama', 'Obama'] };
    const text = 'In a White House statement, President Obama condemned the test as “provocative and destabilizing.”';
    expect(speech(text, 'en', [whiteHouse, obama])).toEqual([['provocative and destabilizing.', 'Barack Obama']]);
  });

  it('reads “…,” X said / said X / X said: and according to', () => {
    const text =
      '“We will win,” Biden said on Monday. “It is close,” said Harris. Biden told reporters: “We are ready.” ' +
      'The plan is “on track,” according to Harris.';
    expect(speech(text, 'en', [biden, harris])).toEqual([
      ['We will win,', 'Joe Biden'],
      ['It is close,', 'Kamala Harris'],
      ['We are ready.', 'Joe Biden'],
      ['on track,', 'Kamala Harris'],
    ]);
  });

  it('resolves he and she and links role nouns', () => {
    const text = 'President Joe Biden met Kamala Harris. She said “the talks went well.” Later he added: “We agree.” The president wrote that it was “a good day.”';
    expect(speech(text, 'en', [biden, harris])).toEqual([
      ['the talks went well.', 'Kamala Harris'],
      ['We agree.', 'Joe Biden'],
      ['a good day.', 'Joe Biden'],
    ]);
  });

  it('attributes a multi-paragraph quote once', () => {
    const text = 'Harris said:\n\n“We have a plan.\n\n“And we will carry it out.”\n\nThe end.';
    const qs = speech(text, 'en', [harris]);
    expect(qs).toHaveLength(1);
    expect(qs[0]![1]).toBe('Kamala Harris');
  });

  it('reads dash attributions, doubled-apostrophe quotes and a person after an organisation', () => {
    const text = "“We are tired of waiting.” ― Maria Lopez\n\n''It works,'' said CNN host Jake Tapper. ''We will see.''";
    expect(speech(text, 'en', [{ canonical: 'Jake Tapper', names: ['Jake Tapper'] }, { canonical: 'CNN', names: ['CNN'], type: 'ORG' }])).toEqual([
      ['We are tired of waiting.', 'Maria Lopez'],
      ['It works,', 'Jake Tapper'],
      ['We will see.', 'Jake Tapper'],
    ]);
  });

  it('gives a cue-less partial quote to the subject of its sentence', () => {
    const text = 'In recent weeks, Harris has gone after Biden as a “tired old man” and worse.';
    expect(speech(text, 'en', [biden, harris])).toEqual([['tired old man', 'Kamala Harris']]);
  });

  it('does not attribute apostrophes or stray marks', () => {
    const text = "Biden's aides say it's \"done\". A 12\" screen isn't a quote. Harris said: \"Fine.";
    const qs = run(text, 'en', [biden, harris]);
    expect(qs.map((q) => q.text)).toEqual(['done']);
  });
});

describe('findQuotes: robustness', () => {
  it('never throws and keeps offsets in range on random text', () => {
    const word = fc.constantFrom('sagte', 'said', 'Merkel', 'er', 'sie', 'he', 'Er', 'Sie', ':', ',', '.', '„', '“', '"', "'", '‚', '‘', '’', '«', '»', '\n\n', 'Trump', 'als', 'nannte');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 80 }), fc.constantFrom<Lang>('de', 'en'), (words, lang) => {
        const text = words.join(' ');
        for (const q of run(text, lang, [merkel])) {
          expect(q.start).toBeGreaterThanOrEqual(0);
          expect(q.end).toBeLessThanOrEqual(text.length);
          expect(q.start).toBeLessThanOrEqual(q.end);
          expect(q.text).toBe(text.slice(q.start, q.end));
          expect(q.confidence).toBeGreaterThanOrEqual(0);
          expect(q.confidence).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 200 },
    );
  });
});
