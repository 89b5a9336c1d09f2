/**
 * The three dateline patterns as a small backtracking matcher instead of
 * Unicode regexes. The regexes (kept as the oracle in
 * dateline-equivalence.test.ts) cost about a millisecond each to compile on a
 * cold page, and parseDateline runs once per page, so compiling them never
 * paid off. The combinators below follow ECMAScript's matching order
 * (greedy quantifiers, alternatives left to right, captures from the first
 * successful path), so the match and its captures are the ones the regex
 * picks, e.g. for "St. Louis. Text" where '.' is both a place character and
 * the terminator.
 */
import { isLetter, isSpace, isUpper } from './dateline-chars.ts';

type Cont = (i: number) => boolean;
type Matcher = (i: number, k: Cont) => boolean;
type CharTest = (cp: number) => boolean;

/** Input of the running match and its capture slots (start, end per group). */
let input = '';
const caps = [-1, -1, -1, -1, -1, -1];

function width(cp: number): number {
  return cp > 0xffff ? 2 : 1;
}

/** One code point in the class. */
function one(test: CharTest): Matcher {
  return (i, k) => {
    if (i >= input.length) return false;
    const cp = input.codePointAt(i)!;
    return test(cp) && k(i + width(cp));
  };
}

/** `[class]{min,max}`, greedy: the longest run first, then shorter ones. */
function run(test: CharTest, min: number, max = Infinity): Matcher {
  return (i, k) => {
    const ends = [i];
    let j = i;
    while (ends.length - 1 < max && j < input.length) {
      const cp = input.codePointAt(j)!;
      if (!test(cp)) break;
      j += width(cp);
      ends.push(j);
    }
    for (let n = ends.length - 1; n >= min; n--) if (k(ends[n]!)) return true;
    return false;
  };
}

function seq(...parts: Matcher[]): Matcher {
  const at = (n: number, i: number, k: Cont): boolean => n === parts.length ? k(i) : parts[n]!(i, (j) => at(n + 1, j, k));
  return (i, k) => at(0, i, k);
}

/** `(?:m)?`, greedy (m never matches empty here, so no empty-check is needed). */
function optional(m: Matcher): Matcher {
  return (i, k) => m(i, k) || k(i);
}

/**
 * `(?:m){0,max}`, greedy. Failed (count, position) states are remembered for
 * the call, so inputs like "A-A-A-A-…" cost no more than their length squared.
 */
function repeat(m: Matcher, max: number): Matcher {
  return (i, k) => {
    const failed = new Set<number>();
    const step = (count: number, j: number): boolean => {
      const key = j * (max + 1) + count;
      if (failed.has(key)) return false;
      const ok = (count < max && m(j, (next) => step(count + 1, next))) || k(j);
      if (!ok) failed.add(key);
      return ok;
    };
    return step(0, i);
  };
}

function capture(group: number, m: Matcher): Matcher {
  return (i, k) => m(i, (j) => {
    const oldStart = caps[2 * group]!, oldEnd = caps[2 * group + 1]!;
    caps[2 * group] = i;
    caps[2 * group + 1] = j;
    if (k(j)) return true;
    caps[2 * group] = oldStart;
    caps[2 * group + 1] = oldEnd;
    return false;
  });
}

/** `(?=[class])`. */
function ahead(test: CharTest): Matcher {
  return (i, k) => i < input.length && test(input.codePointAt(i)!) && k(i);
}

const chars = (list: string): CharTest => {
  const set = new Set([...list].map((c) => c.codePointAt(0)!));
  return (cp) => set.has(cp);
};
const either = (a: CharTest, b: CharTest): CharTest => (cp) => a(cp) || b(cp);

const APOSTROPHES_DOT_HYPHEN = chars("'\u2019.-");
const placeChar = either(isLetter, APOSTROPHES_DOT_HYPHEN);
const upperPlaceChar = either(isUpper, APOSTROPHES_DOT_HYPHEN);
const joiner = one(chars(' /-'));
const space: CharTest = (cp) => cp < 0x10000 && isSpace(cp);
const notParen: CharTest = (cp) => cp !== 0x28 && cp !== 0x29;
const quoteOrUpper = either(chars('\u201e"\u201c\u00ab\u201a\''), isUpper);

/** `[\p{Lu}][\p{L}'’.-]*(?:[ /-][\p{Lu}][\p{L}'’.-]*){0,3}` */
const PLACE = seq(one(isUpper), run(placeChar, 0), repeat(seq(joiner, one(isUpper), run(placeChar, 0)), 3));
/** `(?:,\s*[\p{L}\d. ]{2,20})?`: a district or a date after the place ("Berlin, Mitte", "KATHMANDU, April 25", "Washington, 26. November"). */
const DISTRICT = optional(seq(one(chars(',')), run(space, 0), run(either(isLetter, chars('. 0123456789')), 2, 20)));

/** `^(PLACE)(?:,\s*[\p{L}\d. ]{2,20})?\s*\(([^()]{2,40})\)\s*[-–—:]\s*` */
const AGENCY = seq(capture(0, PLACE), DISTRICT, run(space, 0), one(chars('(')), capture(1, run(notParen, 2, 40)),
  one(chars(')')), run(space, 0), one(chars('-\u2013\u2014:')), run(space, 0));
/** `^([\p{Lu}][\p{Lu}'’.-]+(?:[ /-][\p{Lu}][\p{Lu}'’.-]+){0,3})(?:,\s*[\p{L}\d. ]{2,20})?\s*[-–—]\s+` */
const UPPER = seq(
  capture(0, seq(one(isUpper), run(upperPlaceChar, 1), repeat(seq(joiner, one(isUpper), run(upperPlaceChar, 1)), 3))),
  DISTRICT, run(space, 0), one(chars('-\u2013\u2014')), run(space, 1));
/** `^(PLACE)\.\s+(?=[\p{Lu}„"“«‚'])` */
const DOT = seq(capture(0, PLACE), one(chars('.')), run(space, 1), ahead(quoteOrUpper));

export interface DatelineMatch {
  /** Length of the whole match (index 0 of the regex result). */
  end: number;
  place: string;
  /** The parenthesised credit of the agency form, '' otherwise. */
  credit: string;
}

function exec(pattern: Matcher, s: string): DatelineMatch | null {
  input = s;
  caps.fill(-1);
  let end = -1;
  const found = pattern(0, (i) => {
    end = i;
    return true;
  });
  input = '';
  if (!found) return null;
  return { end, place: s.slice(caps[0], caps[1]), credit: caps[2]! >= 0 ? s.slice(caps[2], caps[3]) : '' };
}

export const AGENCY_FORM = 1;
export const UPPER_FORM = 2;
export const DOT_FORM = 4;

/** ASCII characters possibleForms scans over: letters, digits (a date after the place), the place marks, '/', ',' and spaces. */
const ASCII_SCAN = new Uint8Array(128);
for (const c of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.-/, \t\n\v\f\r") ASCII_SCAN[c.charCodeAt(0)] = 1;

/**
 * Which forms can match at all, from one pass over the opening characters:
 * an exact necessary condition, so that a paragraph without a dateline (most
 * pages) is turned away without running, or even compiling, the matchers.
 * Everything a form allows before its '(' / dash / ". " lies in letters, ASCII
 * digits, the place marks, ',' and spaces, so the scan stops at the first other character.
 */
export function possibleForms(s: string): number {
  if (s.length === 0) return 0;
  const first = s.codePointAt(0)!;
  if (!isUpper(first)) return 0;
  const second = s.codePointAt(width(first));
  const upperStart = second !== undefined && upperPlaceChar(second);
  let forms = 0;
  for (let i = 0; i < s.length;) {
    const cp = s.codePointAt(i)!;
    const next = i + width(cp);
    if (cp === 0x28) return forms | AGENCY_FORM;
    if (cp === 0x2e || cp === 0x2d || cp === 0x2013 || cp === 0x2014) {
      if (isSpace(s.charCodeAt(next))) forms |= cp === 0x2e ? DOT_FORM : upperStart ? UPPER_FORM : 0;
    }
    // ASCII from a table (most opening words), anything else by the class tests.
    if (cp < 0x80 ? ASCII_SCAN[cp] === 0 : !(placeChar(cp) || isSpace(cp))) return forms;
    i = next;
  }
  return forms;
}

/** "HANOI (dpa) – …", "Berlin/Hamburg (dpa/lno) - …", "KATHMANDU, April 25 (Reuters) - …" */
export function matchAgencyDateline(s: string): DatelineMatch | null {
  return exec(AGENCY, s);
}

/** "BERLIN – …" */
export function matchUpperDateline(s: string): DatelineMatch | null {
  return exec(UPPER, s);
}

/** "Hanoi. Bei …" */
export function matchDotDateline(s: string): DatelineMatch | null {
  return exec(DOT, s);
}
