/**
 * The regex version of credits.ts, kept as the oracle: the hand-written
 * matchers must answer exactly as these regexes did, for any input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGENCIES, agenciesInByline, canonicalAgency, parseCreditLine, parseDateline, trailingCredit } from './credits.ts';
import { isLetter, isSpace, isUpper } from './dateline-chars.ts';
import { splitByline, splitCredit } from './dateline-credit-text.ts';
import {
  AGENCY_FORM, type DatelineMatch, DOT_FORM, matchAgencyDateline, matchDotDateline, matchUpperDateline, possibleForms, UPPER_FORM,
} from './dateline-match.ts';

function oldCanonical(token: string): string | null {
  return AGENCIES.get(token.trim().toLowerCase().replace(/\s+/g, ' ')) ?? null;
}

function oldCreditLine(line: string): string[] | null {
  let s = line.trim();
  if (s.length === 0 || s.length > 90) return null;
  s = s.replace(/^[©(\[]\s*|\s*[)\]]\.?$/g, '').replace(/^(von|by|quelle|source|text|mit material (von|der nachrichtenagentur(en)?|aus)|material from|with reporting by|with additional reporting from|additional reporting by)\s*:?\s+/i, '');
  s = s.replace(/,?\s*dpa:\s*\d[\w/-]*$/i, '').replace(/-infocom\b/i, '');
  const tokens = s.split(/\s*(?:\/|,|;|&|\+|\bund\b|\band\b|\s·\s)\s*/i).filter((t) => t.length > 0);
  if (tokens.length === 0 || tokens.length > 8) return null;
  const found: string[] = [];
  let initials = 0;
  for (const t of tokens) {
    const a = oldCanonical(t);
    if (a) {
      if (!found.includes(a)) found.push(a);
    } else if (/^[a-zäöü]{1,4}$/i.test(t) && t.length <= 4) initials++;
    else return null;
  }
  if (found.length === 0) return null;
  return initials <= 4 ? found : null;
}

function oldAgenciesInByline(byline: string): string[] {
  const found: string[] = [];
  const parts = byline.split(/\s*(?:\/|,|;|\||·|\bund\b|\band\b|\bmit\b|\bwith\b|\(|\))\s*/i);
  for (const p of parts) {
    const t = p.replace(/^(von|by)\s+/i, '').trim();
    const a = oldCanonical(t);
    if (a && !found.includes(a)) found.push(a);
    for (const long of ['associated press', 'agence france-presse', 'deutsche presse-agentur', 'reuters']) {
      if (t.toLowerCase().includes(long)) {
        const c = oldCanonical(long);
        if (c && !found.includes(c)) found.push(c);
      }
    }
  }
  return found;
}

function oldTrailingCredit(paragraph: string): string[] {
  const m = /\(([^()]{2,40})\)\s*$/.exec(paragraph);
  if (!m?.[1]) return [];
  return oldCreditLine(m[1]) ?? [];
}

const NOT_PLACES = new Set([
  'ja', 'nein', 'doch', 'danke', 'hallo', 'genau', 'okay', 'ok', 'yes', 'no', 'thanks', 'update', 'achtung',
  'stop', 'so', 'nun', 'also', 'well', 'wow', 'aha', 'gut', 'schade', 'endlich', 'warum', 'why', 'what', 'was',
  'wer', 'who', 'fazit', 'conclusion', 'nicht', 'not', 'exactly', 'wirklich', 'really', 'ende', 'the', 'der', 'die',
  'das', 'er', 'sie', 'es', 'he', 'she', 'it', 'we', 'wir', 'ich', 'i', 'you',
]);
const PLACE = "[\\p{Lu}][\\p{L}'’.-]*(?:[ /-][\\p{Lu}][\\p{L}'’.-]*){0,3}";
const AGENCY_DATELINE = new RegExp(`^(${PLACE})(?:,\\s*[\\p{L}\\d. ]{2,20})?\\s*\\(([^()]{2,40})\\)\\s*[-–—:]\\s*`, 'u');
const UPPER_DATELINE = new RegExp(`^([\\p{Lu}][\\p{Lu}'’.-]+(?:[ /-][\\p{Lu}][\\p{Lu}'’.-]+){0,3})(?:,\\s*[\\p{L}\\d. ]{2,20})?\\s*[-–—]\\s+`, 'u');
const DOT_DATELINE = new RegExp(`^(${PLACE})\\.\\s+(?=[\\p{Lu}„"“«‚'])`, 'u');
const visible = (s: string): number => s.replace(/\s+/g, '').length;

function oldDateline(paragraph: string): ReturnType<typeof parseDateline> {
  const a = AGENCY_DATELINE.exec(paragraph);
  if (a?.[1] && a[2]) {
    const agencies = oldCreditLine(a[2]);
    if (agencies) return { place: a[1].trim(), agencies, visibleChars: visible(a[0]) };
  }
  const u = UPPER_DATELINE.exec(paragraph);
  if (u?.[1] && u[1].replace(/[^\p{L}]/gu, '').length >= 3 && paragraph.length > u[0].length + 40) {
    return { place: u[1].trim(), agencies: [], visibleChars: visible(u[0]) };
  }
  const d = DOT_DATELINE.exec(paragraph);
  if (d?.[1]) {
    const place = d[1].trim();
    const letters = place.replace(/[^\p{L}]/gu, '');
    if (letters.length >= 3 && place.length <= 30 && !NOT_PLACES.has((place.split(/[ /-]/)[0] ?? '').toLowerCase()) && !place.endsWith('.') &&
      paragraph.length > d[0].length + 40) {
      return { place, agencies: [], visibleChars: visible(d[0]) };
    }
  }
  return null;
}

function asMatch(m: RegExpExecArray | null): DatelineMatch | null {
  return m ? { end: m[0].length, place: m[1] ?? '', credit: m[2] ?? '' } : null;
}

/** The matchers' raw answers (before parseDateline's filters) are the regexes' own. */
function expectSameMatches(p: string): void {
  expect(matchAgencyDateline(p)).toEqual(asMatch(AGENCY_DATELINE.exec(p)));
  expect(matchUpperDateline(p)).toEqual(asMatch(UPPER_DATELINE.exec(p)));
  expect(matchDotDateline(p)).toEqual(asMatch(DOT_DATELINE.exec(p)));
  // The pre-check may let through what cannot match, never turn away what can.
  const forms = possibleForms(p);
  if (AGENCY_DATELINE.test(p)) expect(forms & AGENCY_FORM).toBeTruthy();
  if (UPPER_DATELINE.test(p)) expect(forms & UPPER_FORM).toBeTruthy();
  if (DOT_DATELINE.test(p)) expect(forms & DOT_FORM).toBeTruthy();
}

const pick = (chars: string): fc.Arbitrary<string> => fc.constantFrom(...Array.from(chars));
const join = (parts: fc.Arbitrary<string>[]): fc.Arbitrary<string> => fc.tuple(...parts).map((p) => p.join(''));
const many = (a: fc.Arbitrary<string>, max: number, min = 0): fc.Arbitrary<string> =>
  fc.array(a, { minLength: min, maxLength: max, size: 'max' }).map((p) => p.join(''));

const UPPERS = 'ABHKLSWZÄÖÜÉΑΔΣАБДЖ\u{1D400}\u{10400}Ǆǅ';
const LOWERS = 'aeinorstuäöüßéαδσжя中東京\u{10428}\u{1D41A}ªº';
const ODD = "'’.-–—:,;()/ \u00a0\t\n\u3000„\"“«‚·&+©[]0123456789\ud800\udc00ſKİ";
const upper = pick(UPPERS);
const lower = pick(LOWERS);
const anyChar = fc.oneof(upper, lower, pick(ODD), fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)));
const word = fc.oneof(
  join([upper, many(fc.oneof({ weight: 6, arbitrary: lower }, pick("'’.-")), 8)]),
  join([upper, many(fc.oneof({ weight: 6, arbitrary: upper }, pick("'’.-")), 8)]),
  fc.constantFrom('St.', 'Louis', 'B.', 'Ab.', 'X-', 'Y’', 'DC.', 'HANOI', 'Frankfurt', 'Main', 'New', 'York', 'Ja', 'The', "N'Djamena", 'D.C.', 'U.S.'),
  many(lower, 5, 1),
);
const place = fc.tuple(word, fc.array(fc.tuple(pick(' /-'), word), { maxLength: 4, size: 'max' }))
  .map(([w, rest]) => w + rest.map(([j, x]) => j + x).join(''));
const credit = fc.oneof(
  fc.constantFrom('dpa', 'AP/AFP', 'ng', 'dpa/lno', 'AFP', 'Reuters', 'x', 'dpa-AFX', 'RND/dpa/ngo', 'AP'),
  many(fc.oneof(lower, upper, pick('/ ,')), 45),
);
const agencyForm = join([
  fc.oneof(fc.constant(''), join([fc.constant(','), many(pick(' \u00a0'), 2), many(fc.oneof(lower, upper, pick('. 0123456789')), 22, 1)])),
  many(pick(' \u00a0'), 2), fc.constant('('), credit, fc.constant(')'), many(pick(' \u00a0'), 2), pick('-–—:'), many(pick(' \u00a0'), 2),
]);
const otherForm = join([
  fc.oneof(fc.constant(''), join([fc.constant(', '), many(fc.oneof(lower, upper, pick('. 0123456789')), 22, 1)])),
  fc.constantFrom(' – ', ' - ', ' — ', '–', '-', '. ', '.  ', '. „', '.\u00a0"', '.“', ". '", '.«', '. ‚', '.', ': ', ' ', ''),
]);
const tail = fc.oneof(
  join([fc.oneof(upper, pick('„"“«‚\'')), fc.constant('ie Gespräche sollen im März weitergehen, sagte ein Sprecher.')]),
  fc.constantFrom('Bei ihrem zweiten Treffen haben die beiden keine Einigung erzielt.', 'The president said on Thursday that talks would continue.', ''),
  many(anyChar, 60),
);
const upperWord = join([upper, many(fc.oneof({ weight: 8, arbitrary: upper }, pick("'’.-")), 7, 1)]);
const upperPlace = fc.tuple(upperWord, fc.array(fc.tuple(pick(' /-'), upperWord), { maxLength: 4, size: 'max' }))
  .map(([w, rest]) => w + rest.map(([j, x]) => j + x).join(''));
const datelineLike = join([
  fc.oneof(join([place, fc.oneof(agencyForm, otherForm)]), join([fc.oneof(upperPlace, place), otherForm])),
  tail, fc.oneof(fc.constant(''), many(anyChar, 5)),
]);
const creditLike = many(fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('dpa', 'DPA', 'Afp', 'reuters', 'Associated  Press', 'the associated\u00a0press', 'dpa-infocom', 'DPA-InfoCom', 'ngo', 'lk', 'äöü', 'ÄÖÜX', 'ſ', 'K') },
  { weight: 2, arbitrary: fc.constantFrom('/', ',', ';', '&', '+', ' und ', ' AND ', 'und', ' · ', '·', '  ', ' ', '\u00a0', ' mit ', 'With', '|', '(', ')') },
  fc.constantFrom('Anna Meier', 'JOHN SMITH', 'von\u00a0', 'bY  ', 'Agence France-Presse', 'deutsche presse-agenturen', 'withx', 'Smith'),
  fc.constantFrom('Von ', 'BY: ', 'Quelle :', 'mit material der nachrichtenagenturen ', 'Mit Material aus:x ', 'with reporting by ', 'text:', '© ', '(', '[', ')', ').', ']', '.', 'dpa:190228-99-123456/3', ', dpa: 1ab/c', 'dpa:x'),
  anyChar,
), 12);

const spaces = many(pick(' \u00a0\t'), 2);
const creditToken = fc.oneof(
  fc.constantFrom('dpa', 'DPA', 'Afp', 'reuters', 'Associated  Press', 'dpa-infocom', 'dpa-AFX', 'KNA', 'ngo', 'lk', 'äöü', 'ÄÖx', 'ſ', 'und', 'Andrea'),
  many(fc.oneof(lower, upper), 5, 1),
);
const creditStructured = join([
  fc.constantFrom('', '', '© ', '(', '[ ', '©'),
  fc.constantFrom('', '', 'Von ', 'by:', 'BY : ', 'Quelle:  ', 'Mit Material der Nachrichtenagenturen ', 'mit material der nachrichtenagentur:x', 'Text', 'additional reporting by '),
  fc.array(fc.tuple(creditToken, spaces, fc.constantFrom('/', ',', ';', '&', '+', 'und', 'AND', '·', '', ' · ', '-'), spaces), { maxLength: 6, size: 'max' })
    .map((parts) => parts.flat().join('')),
  creditToken,
  fc.constantFrom('', '', ', dpa:190228-99-123456/3', ' dpa: 1', ',dpa:x', 'DPA:2_a-b'),
  spaces, fc.constantFrom('', '', ')', ').', ']', '.', ' )'),
]);

describe('credits.ts against its former regexes', () => {
  it('letter, uppercase and space tests agree with \\p{L}, \\p{Lu} and \\s on every BMP code point', () => {
    const L = /^\p{L}$/u, LU = /^\p{Lu}$/u, S = /^\s$/;
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (isLetter(c) !== L.test(ch) || isUpper(c) !== LU.test(ch) || isSpace(c) !== S.test(ch)) throw new Error(`U+${c.toString(16)}`);
    }
    for (const cp of [0x10400, 0x10428, 0x1d400, 0x1d41a, 0x1f600, 0x20000, 0x1e900, 0x1e922]) {
      expect([isLetter(cp), isUpper(cp)]).toEqual([L.test(String.fromCodePoint(cp)), LU.test(String.fromCodePoint(cp))]);
    }
  });

  it('parseCreditLine agrees for every single code unit beside an agency', () => {
    for (let c = 0; c < 0x10000; c++) {
      const line = `dpa/${String.fromCharCode(c)}`;
      const got = parseCreditLine(line), want = oldCreditLine(line);
      if (JSON.stringify(got) !== JSON.stringify(want)) throw new Error(`U+${c.toString(16)}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
    }
  });

  it('generates paragraphs that reach every dateline form and its filters', () => {
    const samples = fc.sample(datelineLike, { numRuns: 3000, seed: 7 });
    const counts = [AGENCY_DATELINE, UPPER_DATELINE, DOT_DATELINE].map((re) => samples.filter((p) => re.test(p)).length);
    const accepted = samples.map(oldDateline).filter((d) => d !== null);
    for (const n of counts) expect(n).toBeGreaterThan(80);
    expect(accepted.filter((d) => d.agencies.length > 0).length).toBeGreaterThan(100);
    expect(accepted.filter((d) => d.agencies.length === 0).length).toBeGreaterThan(100);
  });

  it('parseDateline and parseCreditLine agree on dateline-like paragraphs', () => {
    fc.assert(fc.property(datelineLike, (p) => {
      expectSameMatches(p);
      expect(parseDateline(p)).toEqual(oldDateline(p));
      const credit = AGENCY_DATELINE.exec(p)?.[2];
      if (credit !== undefined) expect(parseCreditLine(credit)).toEqual(oldCreditLine(credit));
    }), { numRuns: 6000 });
  });

  it('parseCreditLine, canonicalAgency and trailingCredit agree on credit-like lines', () => {
    fc.assert(fc.property(fc.oneof(creditLike, creditStructured), fc.constantFrom('', 'Text. ', 'Er sagte es (laut '), (line, before) => {
      expect(parseCreditLine(line)).toEqual(oldCreditLine(line));
      expect(canonicalAgency(line)).toEqual(oldCanonical(line));
      expect(agenciesInByline(line)).toEqual(oldAgenciesInByline(line));
      expect(trailingCredit(`${before}(${line})`)).toEqual(oldTrailingCredit(`${before}(${line})`));
      expect(trailingCredit(line)).toEqual(oldTrailingCredit(line));
    }), { numRuns: 4000 });
  });

  it('the credit and byline splits agree with the regex split, for every code unit beside a separator and on random lines', () => {
    const CREDIT_SPLIT = /\s*(?:\/|,|;|&|\+|\bund\b|\band\b|\s·\s)\s*/i;
    const BYLINE_SPLIT = /\s*(?:\/|,|;|\||·|\bund\b|\band\b|\bmit\b|\bwith\b|\(|\))\s*/i;
    const check = (s: string): void => {
      expect(splitCredit(s)).toEqual(s.split(CREDIT_SPLIT));
      expect(splitByline(s)).toEqual(s.split(BYLINE_SPLIT));
    };
    for (let c = 0; c < 0x10000; c++) {
      const x = String.fromCharCode(c);
      for (const s of [`dpa${x}und ${x}`, `${x}·${x} / AND${x}with`, `a ${x} mit,${x}`]) {
        if (JSON.stringify(splitCredit(s)) !== JSON.stringify(s.split(CREDIT_SPLIT)) || JSON.stringify(splitByline(s)) !== JSON.stringify(s.split(BYLINE_SPLIT))) {
          throw new Error(`U+${c.toString(16)} in ${JSON.stringify(s)}`);
        }
      }
    }
    fc.assert(fc.property(fc.oneof(creditLike, creditStructured, many(anyChar, 40)), check), { numRuns: 4000 });
  });

  it('all agree on fully random strings', () => {
    fc.assert(fc.property(fc.oneof(many(anyChar, 80), fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ maxLength: 60 })), (s) => {
      expect(parseDateline(s)).toEqual(oldDateline(s));
      expect(parseCreditLine(s)).toEqual(oldCreditLine(s));
      expect(trailingCredit(s)).toEqual(oldTrailingCredit(s));
      expect(agenciesInByline(s)).toEqual(oldAgenciesInByline(s));
      expectSameMatches(s);
    }), { numRuns: 3000 });
  });

  it('picks the same place when "." is both a place character and the terminator', () => {
    for (const p of ['St. Louis. Die Stadt am Mississippi hat am Montag einen neuen Bürgermeister gewählt.',
      'U.S. Army. Soldiers were deployed on Monday after the storm had passed through the area.',
      'A-B-C-D-E-F. Der Text danach ist lang genug, um als Absatz durchzugehen, wirklich lang.']) {
      expectSameMatches(p);
      expect(parseDateline(p)).toEqual(oldDateline(p));
    }
    expect(matchDotDateline('A B. C. Text')?.place).toBe(DOT_DATELINE.exec('A B. C. Text')?.[1]);
  });
});
