/**
 * German attribution patterns beyond "X sagte": documents as sources,
 * reported-speech chains, appositions, articles before names, quoted names
 * inside the introducing clause, "Mit den Worten „…“ …", topic labels.
 * Every text here is our own.
 */
import { describe, expect, it } from 'vitest';
import { splitSentences, tokenize } from '../tokenize.ts';
import { findQuotes } from './index.ts';
import { markEntities, type EntitySpec } from './test-entities.ts';

function speech(text: string, people: EntitySpec[] = []): [string, string | null][] {
  const tokens = tokenize(text);
  const sentences = splitSentences(text, tokens, 'de');
  return findQuotes({ text, tokens, sentences, lang: 'de', entities: markEntities(text, people) })
    .filter((q) => q.kind === 'direct' && q.confidence >= 0.5)
    .map((q) => [q.text, q.speaker?.name ?? null]);
}

const meier: EntitySpec = { canonical: 'Karin Meier', names: ['Karin Meier', 'Meier'] };
const schulz: EntitySpec = { canonical: 'Jonas Schulz', names: ['Jonas Schulz', 'Schulz'] };
const vogt: EntitySpec = { canonical: 'Peter Vogt', names: ['Peter Vogt', 'Vogt'] };
const stadtwerke: EntitySpec = { canonical: 'Stadtwerke', names: ['Stadtwerke'], type: 'ORG' };
const verein: EntitySpec = { canonical: 'Mieterverein', names: ['Mieterverein'], type: 'ORG' };

describe('findQuotes: German documents as sources', () => {
  it('takes the text of "heißt es in dem Schreiben" as the source', () => {
    const text = 'Die Behörde verschickte im Mai Briefe an alle Mieter. So heißt es in dem Schreiben wörtlich: „Die Frist endet am Freitag.“';
    expect(speech(text)).toEqual([['Die Frist endet am Freitag.', 'Schreiben']]);
  });

  it('reads "Darin steht:" as the document named in the sentence before', () => {
    const text = 'Die Stadtverwaltung veröffentlichte am Montag eine Stellungnahme. Darin steht unter anderem: „Wir bedauern die Verzögerung sehr.“';
    expect(speech(text)).toEqual([['Wir bedauern die Verzögerung sehr.', 'Stellungnahme']]);
  });
});

describe('findQuotes: German reported-speech chains', () => {
  it('gives a cue-less quote in a Konjunktiv sentence to the source that introduced the chain', () => {
    const text = 'Die Mieten würden weiter steigen, schreibt der Mieterverein auf seiner Website. ' +
      'Viele Haushalte müssten schon jetzt sparen. Die neuen Regeln seien „völlig überzogen“.';
    expect(speech(text, [verein])).toEqual([['völlig überzogen', 'Mieterverein']]);
  });

  it('keeps the floor with the last speaker when their quote starts the chain, over a person named inside', () => {
    const text = '„Das war ein Fehler“, so Meier am Abend. Außerdem hätte der Sender Schulz „eine Bühne ohne Widerspruch geboten“.';
    expect(speech(text, [meier, schulz])).toEqual([
      ['Das war ein Fehler', 'Karin Meier'],
      ['eine Bühne ohne Widerspruch geboten', 'Karin Meier'],
    ]);
  });

  it('prefers the subject of "Sie fügte hinzu." to the previous quote speaker', () => {
    const text = '„Wir sind vorbereitet“, sagte Schulz. Auch Karin Meier äußerte sich. Sie fügte hinzu. „Die Lage bleibt ernst.“';
    expect(speech(text, [meier, schulz])).toEqual([
      ['Wir sind vorbereitet', 'Jonas Schulz'],
      ['Die Lage bleibt ernst.', 'Karin Meier'],
    ]);
  });

  it('reads a Konjunktiv cue verb with a thing as subject as part of what the person before reports', () => {
    const text = 'Der Kritiker Peter Vogt schreibt in der Zeitung „Der Morgen“, die Ausstellung erinnere „an die schlimmsten Jahre“.';
    expect(speech(text, [vogt])).toEqual([['an die schlimmsten Jahre', 'Peter Vogt']]);
  });
});

describe('findQuotes: German subjects', () => {
  it('takes the name in apposition to a fronted role', () => {
    const text = 'Der Vorsitzende des Verbands, Peter Vogt, kritisierte die Entscheidung scharf: „Das ist ein schwerer Fehler.“';
    expect(speech(text, [vogt])).toEqual([['Das ist ein schwerer Fehler.', 'Peter Vogt']]);
  });

  it('keeps the article with an organisation that opens the clause ("Die Stadtwerke … nannten sie")', () => {
    const text = 'Die Stadtwerke bestätigten die Zahlen des Verbands nicht und nannten sie „reine Spekulation“.';
    expect(speech(text, [stadtwerke])).toEqual([['reine Spekulation', 'Stadtwerke']]);
  });

  it('finds the subject after the verb when "Mit den Worten „…“" opens the sentence', () => {
    const text = 'Jonas Schulz blieb gelassen. Mit den Worten „Das klären wir nächste Woche in Ruhe“ verließ er den Saal.';
    expect(speech(text, [schulz])).toEqual([['Das klären wir nächste Woche in Ruhe', 'Jonas Schulz']]);
  });

  it('does not take a topic label before a colon as the speaker', () => {
    const text = 'Verkehr: Der Mieterverein will am Plan festhalten. „Wir brauchen mehr Busse in den Randbezirken.“';
    expect(speech(text, [verein])).toEqual([['Wir brauchen mehr Busse in den Randbezirken.', 'Mieterverein']]);
  });

  it('still reads the subject after the verb after a comma that ends a clause', () => {
    const text = 'Die Kosten seien viel zu hoch, sagte Karin Meier. Die Stadt müsse „endlich handeln“.';
    expect(speech(text, [meier])).toEqual([['endlich handeln', 'Karin Meier']]);
  });
});

describe('findQuotes: sentence adverbs are no speakers', () => {
  it('does not take a capitalised adverb opening the introducing sentence ("Umso deutlicher wurde er: „…“") for the speaker', () => {
    for (const adverb of ['Umso', 'Somit', 'Immerhin', 'Stattdessen']) {
      const got = speech(`${adverb} deutlicher wurde er: „Das reicht nicht.“`);
      expect(got.map(([, who]) => who), adverb).not.toContain(adverb);
    }
  });
});

describe('findQuotes: German age nouns refer back to a person', () => {
  it('gives "der 35-Jährige", "die 58-Jährige" and "der 35 Jahre alte …" to the person named before, by the article\'s gender', () => {
    const text = 'Karin Meier traf Jonas Schulz. „Das war gut“, sagte die 58-Jährige. „Das sehe ich anders“, sagte der 35-Jährige. ' +
      '„Wir reden weiter“, twitterte der 35 Jahre alte Abgeordnete.';
    expect(speech(text, [meier, schulz])).toEqual([
      ['Das war gut', 'Karin Meier'],
      ['Das sehe ich anders', 'Jonas Schulz'],
      ['Wir reden weiter', 'Jonas Schulz'],
    ]);
  });

  it('keeps the person just named even if an earlier one has a first name of known gender', () => {
    const tanaka: EntitySpec = { canonical: 'Rui Tanaka', names: ['Rui Tanaka', 'Tanaka'] };
    const text = 'Peter Vogt hatte vor dem Spiel gewarnt. Danach entschuldigte sich Rui Tanaka. „Das war falsch“, sagte der 35-Jährige.';
    expect(speech(text, [vogt, tanaka])).toEqual([['Das war falsch', 'Rui Tanaka']]);
  });
});

describe('findQuotes: names the tagger doubts', () => {
  it('neither speak nor take the last speaker\'s floor, unless they are confident or the knowledge pack knows them', () => {
    const text = '„Das ist falsch“, sagte Peter Vogt. Auch Thüringer Kreise widersprachen. „Es gibt dort keinen Platz.“';
    const thueringer = (confidence: number, id: string | null = null): EntitySpec => ({ canonical: 'Thüringer', names: ['Thüringer'], confidence, id });
    expect(speech(text, [vogt, thueringer(0.3)])).toEqual([['Das ist falsch', 'Peter Vogt'], ['Es gibt dort keinen Platz.', 'Peter Vogt']]);
    for (const other of [thueringer(0.8), thueringer(0.3, 'thueringer')]) expect(speech(text, [vogt, other])[1]?.[1]).toBe('Thüringer');
  });
});

describe('findQuotes: what is said is not who says it', () => {
  it('takes no speaker from "Das Fazit", "Das Gesamturteil", and the source from a genitive after such a noun', () => {
    const text = 'Das Gesamturteil fiel durchwachsen aus: „Keinen der Anbieter können wir empfehlen.“ ' +
      'Das Fazit zu Wish: „Die Geräte waren minderwertig.“ Die Bilanz der Tester: „Zu teuer.“';
    expect(speech(text)).toEqual([
      ['Keinen der Anbieter können wir empfehlen.', null],
      ['Die Geräte waren minderwertig.', null],
      ['Zu teuer.', 'Tester'],
    ]);
  });

  it('reads "so" after a quote as a source only before a name or a noun phrase ("So sei es …" goes on with the story)', () => {
    const text = '„Dann platzt der Beton auf.“ So sei es während der Hitzewelle passiert. „Wir warten ab“, so der Sprecher.';
    expect(speech(text)).toEqual([['Dann platzt der Beton auf.', null], ['Wir warten ab', 'Sprecher']]);
  });

  it('does not let a sentence adverb the tagger took for a name speak ("Irgendwann könne …")', () => {
    const irgendwann: EntitySpec = { canonical: 'Irgendwann', names: ['Irgendwann'], confidence: 0.53 };
    const text = 'Irgendwann könne die Fahrbahn die Spannung nicht mehr tragen. „Dann platzt sie an verschiedenen Stellen auf.“';
    expect(speech(text, [irgendwann])).toEqual([['Dann platzt sie an verschiedenen Stellen auf.', null]]);
  });
});

describe('findQuotes: verb-final clauses and plain person nouns', () => {
  it('finds the subject of a cue that ends a clause opened by "als", "nachdem" or "wie"', () => {
    const aviram: EntitySpec = { canonical: 'Roni Aviram', names: ['Roni Aviram'], confidence: 0.62 };
    const merz: EntitySpec = { canonical: 'Friedrich Merz', names: ['Merz'] };
    const text = 'Seine Augen sind glasig, als die Interviewerin Roni Aviram fragt: „Wie würden Sie das nennen?“ ' +
      'Die Sitzung begann, nachdem Merz erklärt hatte: „Wir warten.“ „Wir bleiben hier“, wie der Sprecher sagte.';
    expect(speech(text, [aviram, merz])).toEqual([
      ['Wie würden Sie das nennen?', 'Roni Aviram'],
      ['Wir warten.', 'Friedrich Merz'],
      ['Wir bleiben hier', 'Sprecher'],
    ]);
  });

  it('gives "der Mann", "der junge Mann", "die Frau" to the person of that gender named before', () => {
    const text = 'Karin Meier traf Peter Vogt. „Ich habe gebetet“, erinnert sich der junge Mann. „Es war schwer“, sagt die Frau. ' +
      '„Es fällt mir schwer“, sagt der Mann.';
    expect(speech(text, [meier, vogt])).toEqual([
      ['Ich habe gebetet', 'Peter Vogt'],
      ['Es war schwer', 'Karin Meier'],
      ['Es fällt mir schwer', 'Peter Vogt'],
    ]);
  });
});

describe('findQuotes: German words that open no subject', () => {
  it('takes neither "Wer" nor an accusative object before a colon for the speaker', () => {
    const text = 'Wer den Star-Wars-Tag noch nicht kennt: „Möge die Macht mit dir sein!“ ist ein Zitat. Wem das nicht reicht: „Es gibt noch viel mehr Filme zu sehen.“ ' +
      'Diesen Preis sieht er jedes Mal, wenn er schaut: „Viele Kameraden sind gefallen, ich vermisse sie.“';
    expect(speech(text).map(([, who]) => who)).not.toContain('Star-Wars-Tag');
    expect(speech(text).map(([, who]) => who)).not.toContain('Diesen Preis');
    expect(speech(text).map(([, who]) => who).slice(0, 2)).toEqual([null, null]);
  });
});

describe('findQuotes: capitalised words that open a sentence without naming anyone', () => {
  it('skips adverbs, ordinals and "Thema" and finds the speaker after them', () => {
    const dury: EntitySpec = { canonical: 'Nora Dury', names: ['Dury'] };
    const text = 'Für die Schule eh kein Thema: „Wir fahren mit dem Zug.“ Ganz generell sei es so: „Alles passiert auch hier.“ ' +
      'Erste zaghafte Versuche will Dury nicht kommentieren. „Wir haben ein Dokument vorgelegt.“';
    expect(speech(text, [dury]).map(([, who]) => who)).toEqual([null, null, 'Nora Dury']);
  });
});

describe('findQuotes: shouts, slogans and passive naming', () => {
  it('takes no speaker from "-Rufe", "Sätze wie diese" or the subject of a passive "bezeichnet"', () => {
    const merz: EntitySpec = { canonical: 'Friedrich Merz', names: ['Merz'] };
    const text = 'Doch dann ertönten „Allahu akbar“-Rufe: „Gott ist groß, wir sind viele.“ Auf Plakaten wurde Deutschland als „eine echte Wertediktatur“ bezeichnet und das Kalifat als „die einzige Lösung für uns“. ' +
      'Es fielen Sätze wie diese: „Ihr solltet euch wohl bedacht positionieren.“ Merz bezeichnete das als „einen Skandal für das ganze Land“.';
    const tokens = tokenize(text);
    const got = findQuotes({ text, tokens, sentences: splitSentences(text, tokens, 'de'), lang: 'de', entities: markEntities(text, [merz]) });
    expect(got.map((q) => q.speaker?.name ?? null)).toEqual([null, null, null, null, null, 'Friedrich Merz']);
  });
});

describe('findQuotes: compounds with a quote', () => {
  it('reads „Müll“-Fauxpas as one word: no speech of its own, and no end of the clause that "Wie Biden … sagte:" opens', () => {
    const biden: EntitySpec = { canonical: 'Joe Biden', names: ['Biden'] };
    const text = 'Wie Biden vor seinem „Müll“-Fauxpas sagte: „Historiker sagen uns, dass das Wichtigste der Charakter ist.“';
    const tokens = tokenize(text);
    const got = findQuotes({ text, tokens, sentences: splitSentences(text, tokens, 'de'), lang: 'de', entities: markEntities(text, [biden]) });
    expect(got.map((q) => [q.text, q.confidence >= 0.5])).toEqual([['Müll', false], ['Historiker sagen uns, dass das Wichtigste der Charakter ist.', true]]);
    expect(speech(text, [biden])).toEqual([['Historiker sagen uns, dass das Wichtigste der Charakter ist.', 'Joe Biden']]);
  });
});
