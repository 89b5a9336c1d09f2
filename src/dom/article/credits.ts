/**
 * Agency credits and datelines, read from short strings (bylines, credit
 * lines such as "RND/dpa/ngo", the opening words of the first paragraph).
 * Pure string logic: the extractor decides which strings to show it.
 */

/** Canonical agency names by lower-cased spelling seen on pages. */
const AGENCIES: ReadonlyMap<string, string> = new Map([
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
  return AGENCIES.get(token.trim().toLowerCase().replace(/\s+/g, ' ')) ?? null;
}

/**
 * A line that is only a credit: "RND/dpa/ngo", "(dpa)", "dpa/AFP/lk",
 * "Von RND/dpa", "Mit Material von dpa und Reuters", "© dpa-infocom". Returns
 * the agencies it names, or null when the line is something else.
 */
export function parseCreditLine(line: string): string[] | null {
  let s = line.trim();
  if (s.length === 0 || s.length > 90) return null;
  s = s.replace(/^[©(\[]\s*|\s*[)\]]\.?$/g, '').replace(/^(von|by|quelle|source|text|mit material (von|der nachrichtenagentur(en)?|aus)|material from|with reporting by|with additional reporting from|additional reporting by|reporting by)\s*:?\s+/i, '');
  s = s.replace(/,?\s*dpa:\s*\d[\w/-]*$/i, '').replace(/-infocom\b/i, '');
  const tokens = s.split(/\s*(?:\/|,|;|&|\+|\bund\b|\band\b|\s·\s)\s*/i).filter((t) => t.length > 0);
  if (tokens.length === 0 || tokens.length > 8) return null;
  const found: string[] = [];
  let initials = 0;
  for (const t of tokens) {
    const a = canonicalAgency(t);
    if (a) {
      if (!found.includes(a)) found.push(a);
    } else if (/^[a-zäöü]{1,4}$/i.test(t) && t.length <= 4) initials++;
    else return null;
  }
  if (found.length === 0) return null;
  // Editors' initials ("ngo", "lk") are allowed beside an agency, not alone.
  return initials <= 4 ? found : null;
}

/** Agencies named inside a byline such as "Von Anna Meier, dpa" or "By JOHN SMITH Associated Press". */
export function agenciesInByline(byline: string): string[] {
  const found: string[] = [];
  const parts = byline.split(/\s*(?:\/|,|;|\||·|\bund\b|\band\b|\bmit\b|\bwith\b|\(|\))\s*/i);
  for (const p of parts) {
    const t = p.replace(/^(von|by)\s+/i, '').trim();
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
  const m = /\(([^()]{2,40})\)\s*$/.exec(paragraph);
  if (!m?.[1]) return [];
  return parseCreditLine(m[1]) ?? [];
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

const PLACE = "[\\p{Lu}][\\p{L}'’.-]*(?:[ /-][\\p{Lu}][\\p{L}'’.-]*){0,3}";
const AGENCY_DATELINE = new RegExp(`^(${PLACE})(?:,\\s*[\\p{L}. ]{2,20})?\\s*\\(([^()]{2,40})\\)\\s*[-–—:]\\s*`, 'u');
const UPPER_DATELINE = new RegExp(`^([\\p{Lu}][\\p{Lu}'’.-]+(?:[ /-][\\p{Lu}][\\p{Lu}'’.-]+){0,3})(?:,\\s*[\\p{L}. ]{2,20})?\\s*[-–—]\\s+`, 'u');
const DOT_DATELINE = new RegExp(`^(${PLACE})\\.\\s+(?=[\\p{Lu}„"“«‚'])`, 'u');

function visible(s: string): number {
  return s.replace(/\s+/g, '').length;
}

/**
 * The dateline at the start of a story's first paragraph: "HANOI (dpa) –",
 * "WASHINGTON (AP) —", "BERLIN –", "Hanoi. Bei ihrem…". For the bare "Place."
 * form the place must be a short capitalised word group that is not a common
 * one-word sentence ("Ja.", "Update.").
 */
export function parseDateline(paragraph: string): Dateline | null {
  const a = AGENCY_DATELINE.exec(paragraph);
  if (a?.[1] && a[2]) {
    const agencies = parseCreditLine(a[2]);
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

/** Whether an agency short name may be credited from free text (not ambiguous with ordinary words). */
export function isUnambiguousAgency(token: string): boolean {
  return !AMBIGUOUS.has(token.toLowerCase());
}
