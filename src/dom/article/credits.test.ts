/** Agency credits and datelines from the short strings pages put around a story. */
import { describe, expect, it } from 'vitest';
import { agenciesInByline, parseCreditLine, parseDateline, trailingCredit } from './credits.ts';

describe('parseCreditLine', () => {
  it.each([
    ['RND/dpa/ngo', ['RND', 'dpa']],
    ['dpa/AFP/lk', ['dpa', 'AFP']],
    ['(dpa)', ['dpa']],
    ['Von RND/dpa', ['RND', 'dpa']],
    ['Mit Material von dpa und Reuters', ['dpa', 'Reuters']],
    ['© dpa-infocom, dpa:190228-99-123456/3', ['dpa']],
    ['KNA/epd', ['KNA', 'epd']],
  ])('%s → %j', (line, expected) => {
    expect(parseCreditLine(line)).toEqual(expected);
  });

  it.each(['Das sagte er am Montag in Berlin.', 'Anna Meier', 'ngo', 'Foto: Michael Kappeler'])('rejects %j', (line) => {
    expect(parseCreditLine(line)).toBeNull();
  });
});

describe('agencies in bylines and trailing credits', () => {
  it('finds agencies named beside authors', () => {
    expect(agenciesInByline('Von Anna Meier, dpa')).toEqual(['dpa']);
    expect(agenciesInByline('By JOHN SMITH Associated Press')).toEqual(['AP']);
  });
  it('reads a closing "(AFP)"', () => {
    expect(trailingCredit('Die Gespräche sollen im März weitergehen. (AFP)')).toEqual(['AFP']);
    expect(trailingCredit('Er sprach von einem Erfolg (siehe oben)')).toEqual([]);
  });
});

describe('parseDateline', () => {
  it('reads agency datelines', () => {
    expect(parseDateline('HANOI (dpa) – Bei ihrem zweiten Treffen haben die beiden keine Einigung erzielt.'))
      .toEqual({ place: 'HANOI', agencies: ['dpa'], visibleChars: 'HANOI(dpa)–'.length });
    expect(parseDateline('WASHINGTON (AP) — The president said on Thursday that talks would continue.')?.agencies).toEqual(['AP']);
  });
  it('reads agency datelines with a date after the place, as Reuters and AFP write them', () => {
    expect(parseDateline("KATHMANDU, April 25 (Reuters) - Nepal's civil aviation authority disputed the account on Tuesday."))
      .toEqual({ place: 'KATHMANDU', agencies: ['Reuters'], visibleChars: 'KATHMANDU,April25(Reuters)-'.length });
    expect(parseDateline('NEW YORK, Nov 26 (Reuters) - Stocks fell on Wednesday as investors weighed the data.')?.place).toBe('NEW YORK');
    expect(parseDateline('Washington, 26. November (dpa) - Der Präsident hat am Mittwoch neue Zölle angekündigt.')?.agencies).toEqual(['dpa']);
    // a number in the opening words is no dateline without an agency credit or a dash after the place
    expect(parseDateline('Berlin, 2024 war ein schwieriges Jahr für die Stadt und ihre vielen Bezirke.')).toBeNull();
  });
  it('reads the bare "Place." form of German regional papers', () => {
    expect(parseDateline('Hanoi. Bei ihrem zweiten Treffen haben die beiden keine Einigung erzielt.')?.place).toBe('Hanoi');
    expect(parseDateline('Frankfurt/Main. Die Börse schloss am Freitag mit deutlichen Gewinnen.')?.place).toBe('Frankfurt/Main');
  });
  it('does not take a one-word sentence or a plain sentence for a dateline', () => {
    expect(parseDateline('Ja. Das hat er wirklich so gesagt, und zwar mehrmals am selben Tag.')).toBeNull();
    expect(parseDateline('Der Gipfel endete ohne Einigung, beide Seiten wollen weiter reden.')).toBeNull();
  });
});
