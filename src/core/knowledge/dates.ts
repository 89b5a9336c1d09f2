/**
 * Partial dates ("2019", "2019-02", "2019-02-28") as day numbers, so that
 * roles, refs and timeline entries can be compared with an article's
 * published date whatever precision either side has.
 */

const DATE_RE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/** Days since 1970-01-01 of the first (edge "start") or last (edge "end") day the partial date covers; null if unparsable. */
export function dayNumber(date: string | null | undefined, edge: 'start' | 'end'): number | null {
  if (date == null) return null;
  const m = DATE_RE.exec(date.trim());
  if (m === null) return null;
  const y = Number(m[1]);
  const mo = m[2] === undefined ? null : Number(m[2]);
  const d = m[3] === undefined ? null : Number(m[3]);
  if (mo !== null && (mo < 1 || mo > 12)) return null;
  if (d !== null && (d < 1 || d > 31)) return null;
  if (edge === 'start') return Math.floor(Date.UTC(y, (mo ?? 1) - 1, d ?? 1) / 86_400_000);
  if (d !== null) return Math.floor(Date.UTC(y, (mo ?? 1) - 1, d) / 86_400_000);
  // last day of the month or year: day 0 of the following month
  const lastMonth = mo ?? 12;
  return Math.floor(Date.UTC(y, lastMonth, 0) / 86_400_000);
}

/** True if the string is a valid partial date. */
export function isPackDate(date: string): boolean {
  return /^\d{4}(-\d{2}(-\d{2})?)?$/.test(date) && dayNumber(date, 'start') !== null;
}

/**
 * The article's day. Published dates come from pages as dates or date-times;
 * a month-only date ("2019-02") is taken as its last day, so that what the
 * month held counts as past rather than "what came next".
 */
export function articleDay(published: string | null | undefined): number | null {
  return dayNumber(published, 'end');
}

const MONTHS: Record<'de' | 'en', string[]> = {
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** A partial date for people: "28. Februar 2019" / "28 February 2019", "Februar 2019", "2019". */
export function formatDate(date: string, lang: 'de' | 'en'): string {
  const m = DATE_RE.exec(date);
  if (m === null) return date;
  const month = m[2] === undefined ? null : MONTHS[lang][Number(m[2]) - 1];
  if (month == null) return m[1] ?? date;
  if (m[3] === undefined) return `${month} ${m[1]}`;
  const day = Number(m[3]);
  return lang === 'de' ? `${day}. ${month} ${m[1]}` : `${day} ${month} ${m[1]}`;
}

/** Month precision only, for roles ("seit Januar 2017"). */
export function formatMonth(date: string, lang: 'de' | 'en'): string {
  return formatDate(date.slice(0, 7), lang);
}
