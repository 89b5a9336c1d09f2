/**
 * The string steps of credit-line and byline parsing (credits.ts), as
 * character loops instead of the /i regexes they replace (each step names its
 * regex; dateline-equivalence.test.ts checks them against it). These run on
 * a cold page, where compiling a dozen regexes for a few short strings cost
 * more than the parsing itself. Case-insensitive comparisons fold ASCII only,
 * as a non-Unicode /i regex does.
 */
import { asciiWordAt, isAsciiWord, isSpace, spaceEnd } from './dateline-chars.ts';

/** Lead-ins before a credit, in the order the former regex alternation tried them. */
const LEAD_INS = ['von', 'by', 'quelle', 'source', 'text', 'mit material von', 'mit material der nachrichtenagenturen',
  'mit material der nachrichtenagentur', 'mit material aus', 'material from', 'with reporting by',
  'with additional reporting from', 'additional reporting by'];

/** `s.replace(/\s+/g, ' ')` */
export function collapseSpaces(s: string): string {
  let i = 0;
  while (i < s.length && !isSpace(s.charCodeAt(i))) i++;
  if (i === s.length) return s;
  let out = s.slice(0, i);
  while (i < s.length) {
    const j = spaceEnd(s, i);
    if (j > i) {
      out += ' ';
      i = j;
    } else out += s[i++];
  }
  return out;
}

/** `s.replace(/^[©(\[]\s*|\s*[)\]]\.?$/g, '')`: an opening mark and a closing bracket (the latter searched after the former). */
export function stripBrackets(s: string): string {
  let start = 0;
  const first = s.charCodeAt(0);
  if (first === 0xa9 || first === 0x28 || first === 0x5b) start = spaceEnd(s, 1);
  let b = s.length - 1;
  if (s.charCodeAt(b) === 0x2e) b--;
  const c = s.charCodeAt(b);
  if (b < start || (c !== 0x29 && c !== 0x5d)) return start === 0 ? s : s.slice(start);
  while (b > start && isSpace(s.charCodeAt(b - 1))) b--;
  return s.slice(start, b);
}

/** `s.replace(/^(von|by|…|additional reporting by)\s*:?\s+/i, '')` */
export function stripLeadIn(s: string): string {
  for (const lead of LEAD_INS) {
    if (!asciiWordAt(s, 0, lead)) continue;
    const i = lead.length;
    const j = spaceEnd(s, i);
    // `\s*:?\s+` backtracks to end before a colon that no space follows.
    if (s.charCodeAt(j) === 0x3a && isSpace(s.charCodeAt(j + 1))) return s.slice(spaceEnd(s, j + 1));
    if (j > i) return s.slice(j);
  }
  return s;
}

/** `s.replace(/,?\s*dpa:\s*\d[\w/-]*$/i, '')`: the match can only use the last colon. */
export function stripDpaCode(s: string): string {
  const colon = s.lastIndexOf(':');
  if (colon < 3 || !asciiWordAt(s, colon - 3, 'dpa')) return s;
  let i = spaceEnd(s, colon + 1);
  const d = s.charCodeAt(i);
  if (!(d >= 0x30 && d <= 0x39)) return s;
  for (i++; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isAsciiWord(c) && c !== 0x2f && c !== 0x2d) return s;
  }
  let start = colon - 3;
  while (start > 0 && isSpace(s.charCodeAt(start - 1))) start--;
  if (start > 0 && s.charCodeAt(start - 1) === 0x2c) start--;
  return s.slice(0, start);
}

/** `s.replace(/-infocom\b/i, '')` */
export function stripInfocom(s: string): string {
  for (let i = s.indexOf('-'); i >= 0; i = s.indexOf('-', i + 1)) {
    if (asciiWordAt(s, i, '-infocom') && !isAsciiWord(s.charCodeAt(i + 8))) return s.slice(0, i) + s.slice(i + 8);
  }
  return s;
}

/** `\b` without /u: ASCII word characters on one side only. */
function boundary(s: string, i: number): boolean {
  return isAsciiWord(s.charCodeAt(i - 1)) !== isAsciiWord(s.charCodeAt(i));
}

/** ASCII upper case folded to lower case, as a non-Unicode /i regex folds it; other code units unchanged. */
function foldedLower(c: number): number {
  return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
}

/** End of a match of `\s*(?:\/|,|;|&|\+|\bund\b|\band\b|\s·\s)\s*` (with /i) starting at q, or -1. */
function creditSeparatorEnd(s: string, q: number): number {
  let c = s.charCodeAt(q);
  // Most positions hold a letter that starts no separator: one read, no calls.
  if (c > 0x20 && c !== 0x2f && c !== 0x2c && c !== 0x3b && c !== 0x26 && c !== 0x2b && c !== 0xb7) {
    const l = foldedLower(c);
    if (l !== 0x75 && l !== 0x61 && !isSpace(c)) return -1;
  }
  const j = spaceEnd(s, q);
  c = s.charCodeAt(j);
  let core = -1;
  if (c === 0x2f || c === 0x2c || c === 0x3b || c === 0x26 || c === 0x2b) core = j + 1;
  else if (c === 0xb7) {
    // Backtracking the leading `\s*` by one lets `\s·\s` start at the last space.
    if (j > q && isSpace(s.charCodeAt(j + 1))) core = j + 2;
  } else {
    const l = foldedLower(c);
    if ((l === 0x75 || l === 0x61) && (asciiWordAt(s, j, 'und') || asciiWordAt(s, j, 'and')) && boundary(s, j) && boundary(s, j + 3)) core = j + 3;
  }
  return core < 0 ? -1 : spaceEnd(s, core);
}

/** End of a match of `\s*(?:\/|,|;|\||·|\bund\b|\band\b|\bmit\b|\bwith\b|\(|\))\s*` (with /i) starting at q, or -1. */
function bylineSeparatorEnd(s: string, q: number): number {
  let c = s.charCodeAt(q);
  if (c > 0x20 && c !== 0x2f && c !== 0x2c && c !== 0x3b && c !== 0x7c && c !== 0xb7 && c !== 0x28 && c !== 0x29) {
    const l = foldedLower(c);
    if (l !== 0x75 && l !== 0x61 && l !== 0x6d && l !== 0x77 && !isSpace(c)) return -1;
  }
  const j = spaceEnd(s, q);
  c = s.charCodeAt(j);
  let core = -1;
  if (c === 0x2f || c === 0x2c || c === 0x3b || c === 0x7c || c === 0xb7 || c === 0x28 || c === 0x29) core = j + 1;
  else {
    const l = foldedLower(c);
    if ((l === 0x75 || l === 0x61 || l === 0x6d) && (asciiWordAt(s, j, 'und') || asciiWordAt(s, j, 'and') || asciiWordAt(s, j, 'mit')) && boundary(s, j) && boundary(s, j + 3)) core = j + 3;
    else if (l === 0x77 && asciiWordAt(s, j, 'with') && boundary(s, j) && boundary(s, j + 4)) core = j + 4;
  }
  return core < 0 ? -1 : spaceEnd(s, core);
}

/** `s.split(separator)` following String.prototype.split's regex algorithm (separators never match empty). */
function splitAt(s: string, separatorEnd: (s: string, q: number) => number): string[] {
  const out: string[] = [];
  let p = 0;
  for (let q = 0; q < s.length;) {
    const e = separatorEnd(s, q);
    if (e < 0) q++;
    else {
      out.push(s.slice(p, q));
      p = q = e;
    }
  }
  out.push(s.slice(p));
  return out;
}

/** The split of parseCreditLine: "/", ",", ";", "&", "+", "und", "and", " · ". */
export function splitCredit(s: string): string[] {
  return splitAt(s, creditSeparatorEnd);
}

/** The split of agenciesInByline: "/", ",", ";", "|", "·", "und", "and", "mit", "with", brackets. */
export function splitByline(s: string): string[] {
  return splitAt(s, bylineSeparatorEnd);
}

/** `s.replace(/^(von|by)\s+/i, '')` */
export function stripVonBy(s: string): string {
  const n = asciiWordAt(s, 0, 'von') ? 3 : asciiWordAt(s, 0, 'by') ? 2 : 0;
  return n > 0 && isSpace(s.charCodeAt(n)) ? s.slice(spaceEnd(s, n)) : s;
}

/** `/^[a-zäöü]{1,4}$/i` (non-Unicode /i folds only these letters' own capitals). */
export function isInitials(t: string): boolean {
  if (t.length < 1 || t.length > 4) return false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i) | 0x20;
    const upperOrLower = (c >= 0x61 && c <= 0x7a) || c === 0xe4 || c === 0xf6 || c === 0xfc;
    if (!upperOrLower) return false;
  }
  return true;
}
