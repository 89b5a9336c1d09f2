/**
 * Class and id strings cut into lower-case words with a character loop:
 * split at whitespace, "-" and "_", and between a lower-case and an
 * upper-case ASCII letter ("contentWithSidebar" → content, with, sidebar).
 * The scan asks this for most elements of a page; regex passes (a replace,
 * a split) cost more there, and V8 drops compiled regex code at garbage
 * collection, so each regex pays its compilation again on the next call.
 */
import { isJsSpace } from './block-text.ts';

function isSeparator(c: number): boolean {
  return c === 45 || c === 95 || isJsSpace(c);
}

/** The words of `raw`: what raw.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s_-]+/) gives, empty words left out. */
export function classWords(raw: string): string[] {
  const lower = raw.toLowerCase();
  // Lower-casing maps unit to unit unless a character expands ("İ" → "i̇"); such rare strings take the regex route.
  if (lower.length !== raw.length) return raw.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s_-]+/).filter((w) => w.length > 0);
  const out: string[] = [];
  let start = -1;
  let prevLowerAscii = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (isSeparator(c)) {
      if (start >= 0) out.push(lower.slice(start, i));
      start = -1;
      prevLowerAscii = false;
      continue;
    }
    if (prevLowerAscii && c >= 65 && c <= 90) {
      out.push(lower.slice(start, i));
      start = i;
    } else if (start < 0) start = i;
    prevLowerAscii = c >= 97 && c <= 122;
  }
  if (start >= 0) out.push(lower.slice(start));
  return out;
}

/** How many pieces id.split(/[-_]+/) gives (empty pieces at the ends included). */
export function idPieceCount(id: string): number {
  let pieces = 1;
  let inRun = false;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    const sep = c === 45 || c === 95;
    if (sep && !inRun) pieces++;
    inRun = sep;
  }
  return pieces;
}
