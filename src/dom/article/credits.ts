/**
 * Agency credits and datelines, read from short strings (bylines, credit
 * lines such as "RND/dpa/ngo", the opening words of the first paragraph).
 * Pure string logic: the extractor decides which strings to show it.
 * Runs once per page on a cold start, so it compiles no regexes on its common
 * paths: the former regexes became character loops and a small matcher
 * (dateline-*.ts), checked against those regexes in dateline-equivalence.test.ts.
 */
import { isSpace, letterLength, visibleLength } from './dateline-chars.ts';
import {
  collapseSpaces, isInitials, splitByline, splitCredit, stripBrackets, stripDpaCode, stripInfocom, stripLeadIn, stripVonBy,
} from './dateline-credit-text.ts';
import {
  AGENCY_FORM, DOT_FORM, matchAgencyDateline, matchDotDateline, matchUpperDateline, possibleForms, UPPER_FORM,
} from './dateline-match.ts';

/** Canonical agency names by lower-cased spelling seen on pages. */
export const AGENCIES: ReadonlyMap<string, string> = new Map([
  ['dpa', 'dpa'], ['deutsche presse-agentur', 'dpa'], ['dpa-afx', 'dpa-AFX'], ['afp', 'AFP'],
  ['agence france-presse', 'AFP'], ['agence france presse', 'AFP'], ['reuters', 'Reuters'], ['ap', 'AP'],
  ['associated press', 'AP'], ['the associated press', 'AP'], ['kna', 'KNA'], ['epd', 'epd'], ['rnd', 'RND'],
  ['apa', 'APA'], ['sda', 'SDA'], ['keystone-sda', 'Keystone-SDA'], ['ats', 'ATS'], ['ddp', 'ddp'], ['dapd', 'dapd'],
  ['sid', 'SID'], ['dts', 'dts'], ['yonhap', 'Yonhap'], ['xinhua', 'Xinhua'], ['kyodo', 'Kyodo'], ['ansa', 'ANSA'],
  ['efe', 'EFE'], ['tass', 'TASS'], ['interfax', 'Interfax'], ['pa', 'PA'], ['pa media', 'PA'], ['aap', 'AAP'],
  ['upi', 'UPI'], ['anp', 'ANP'], ['belga', 'Belga'], ['kcna', 'KCNA'], ['bloomberg', 'Bloomberg'], ['ips', 'IPS'],
  ['idea', 'idea'], ['afx', 'AFX'], ['ots', 'ots'],
]);

/** Agencies whose short name is also an ordinary word or name: only credited from credit-like contexts. */
const AMBIGUOUS = new Set(['ap', 'pa', 'sid', 'ips', 'idea', 'ats', 'ots', 'efe', 'bloomberg', 'upi']);

export function canonicalAgency(token: string): string | null {
  return AGENCIES.get(collapseSpaces(token.trim().toLowerCase())) ?? null;
}

/**
 * A line that is only a credit: "RND/dpa/ngo", "(dpa)", "dpa/AFP/lk",
 * "Von RND/dpa", "Mit Material von dpa und Reuters", "© dpa-infocom". Returns
 * the agencies it names, or null when the line is something else.
 *
 * Runs on credit lines, bylines and the first paragraph's dateline credit, on
 * a cold page: so it is written as character loops (each step documents the
 * regex it stands for, see credit-line tests) rather than /i regexes that V8
 * would compile first.
 */
export function parseCreditLine(line: string): string[] | null {
  let s = line.trim();
  if (s.length === 0 || s.length > 90) return null;
  s = stripInfocom(stripDpaCode(stripLeadIn(stripBrackets(s))));
  const tokens = splitCredit(s).filter((t) => t.length > 0);
  if (tokens.length === 0 || tokens.length > 8) return null;
  const found: string[] = [];
  let initials = 0;
  for (const t of tokens) {
    const a = canonicalAgency(t);
    if (a) {
      if (!found.includes(a)) found.push(a);
    } else if (isInitials(t)) initials++;
    else return null;
  }
  if (found.length === 0) return null;
  // Editors' initials ("ngo", "lk") are allowed beside an agency, not alone.
  return initials <= 4 ? found : null;
}

/** Agencies named inside a byline such as "Von Anna Meier, dpa" or "By JOHN SMITH Associated Press". */
export function agenciesInByline(byline: string): string[] {
  const found: string[] = [];
  for (const p of splitByline(byline)) {
    const t = stripVonBy(p).trim();
    const a = canonicalAgency(t);
    if (a && !found.includes(a)) found.push(a);
    for (const long of ['associated press', 'agence france-presse', 'deutsche presse-agentur', 'reuters']) {
      if (t.toLowerCase().includes(long)) {
        const c = canonicalAgency(long);
        if (c && !found.includes(c)) found.push(c);
      }
    }
  }
  return found;
}

/** A trailing "(dpa)" / "(AFP/Reuters)" at the very end of a paragraph. */
export function trailingCredit(paragraph: string): string[] {
  // `/\(([^()]{2,40})\)\s*$/`: the ')' is the last visible character, the '(' the nearest bracket before it.
  let close = paragraph.length - 1;
  while (close >= 0 && isSpace(paragraph.charCodeAt(close))) close--;
  if (paragraph.charCodeAt(close) !== 0x29) return [];
  let open = close - 1;
  while (open >= 0 && close - open <= 41) {
    const c = paragraph.charCodeAt(open);
    if (c === 0x29) return [];
    if (c === 0x28) break;
    open--;
  }
  if (open < 0 || close - open > 41 || close - open < 3) return [];
  return parseCreditLine(paragraph.slice(open + 1, close)) ?? [];
}

export interface Dateline {
  place: string;
  agencies: string[];
  /** Number of non-whitespace characters the dateline takes at the start of the paragraph. */
  visibleChars: number;
}

const NOT_PLACES = new Set([
  'ja', 'nein', 'doch', 'danke', 'hallo', 'genau', 'okay', 'ok', 'yes', 'no', 'thanks', 'update', 'achtung',
  'stop', 'so', 'nun', 'also', 'well', 'wow', 'aha', 'gut', 'schade', 'endlich', 'warum', 'why', 'what', 'was',
  'wer', 'who', 'fazit', 'conclusion', 'nicht', 'not', 'exactly', 'wirklich', 'really', 'ende', 'the', 'der', 'die',
  'das', 'er', 'sie', 'es', 'he', 'she', 'it', 'we', 'wir', 'ich', 'i', 'you',
]);

/**
 * The dateline at the start of a story's first paragraph: "HANOI (dpa) –",
 * "WASHINGTON (AP) —", "BERLIN –", "Hanoi. Bei ihrem…". For the bare "Place."
 * form the place must be a short capitalised word group that is not a common
 * one-word sentence ("Ja.", "Update."). The forms are matched by
 * dateline-match.ts (regexes there in comments).
 */
export function parseDateline(paragraph: string): Dateline | null {
  const forms = possibleForms(paragraph);
  if (forms === 0) return null;
  const a = forms & AGENCY_FORM ? matchAgencyDateline(paragraph) : null;
  if (a?.place && a.credit) {
    const agencies = parseCreditLine(a.credit);
    if (agencies) return { place: a.place.trim(), agencies, visibleChars: visibleLength(paragraph, a.end) };
  }
  const u = forms & UPPER_FORM ? matchUpperDateline(paragraph) : null;
  if (u?.place && letterLength(u.place) >= 3 && paragraph.length > u.end + 40) {
    return { place: u.place.trim(), agencies: [], visibleChars: visibleLength(paragraph, u.end) };
  }
  const d = forms & DOT_FORM ? matchDotDateline(paragraph) : null;
  if (d?.place) {
    const place = d.place.trim();
    if (letterLength(place) >= 3 && place.length <= 30 && !NOT_PLACES.has(firstWord(place).toLowerCase()) && !place.endsWith('.') &&
      paragraph.length > d.end + 40) {
      return { place, agencies: [], visibleChars: visibleLength(paragraph, d.end) };
    }
  }
  return null;
}

/** `place.split(/[ /-]/)[0]` */
function firstWord(place: string): string {
  for (let i = 0; i < place.length; i++) {
    const c = place.charCodeAt(i);
    if (c === 0x20 || c === 0x2f || c === 0x2d) return place.slice(0, i);
  }
  return place;
}

/** Whether an agency short name may be credited from free text (not ambiguous with ordinary words). */
export function isUnambiguousAgency(token: string): boolean {
  return !AMBIGUOUS.has(token.toLowerCase());
}
