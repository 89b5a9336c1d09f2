/**
 * Class and id strings cut into lower-case words: split at whitespace, "-"
 * and "_", and between a lower-case and an upper-case ASCII letter
 * ("contentWithSidebar" → content, with, sidebar). The scan asks this once
 * per distinct class string of a page, on its first extraction, when a
 * JavaScript loop per character still runs in the interpreter; two simple
 * regexes and the builtin split and toLowerCase do the work natively.
 */
const CAMEL = /([a-z])([A-Z])/g;
const SEPARATORS = /[\s_-]+/;

/** The words of `raw`: what raw.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[\s_-]+/) gives, empty words left out. */
export function classWords(raw: string): string[] {
  const words = raw.replace(CAMEL, '$1 $2').toLowerCase().split(SEPARATORS);
  // Separator runs are one split point, so empty words can only stand first and last.
  if (words[0] === '') words.shift();
  if (words.length > 0 && words[words.length - 1] === '') words.pop();
  return words;
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
