/**
 * Place names with a compass part ("Nordkorea", "Süd-Tirol", "North Korea"):
 * the document pass also registers the place without it ("Korea"), so a
 * later bare mention the tagger left out is still found.
 */
import { allLower, capitalisedRest } from '../knowledge/letter-case.ts';

/** Compass prefixes of place names, German (one word, capitalised rest after hyphen or not) and English (two words). */
const COMPASS_DE = ['Nord', 'Süd', 'Ost', 'West', 'Nordost', 'Nordwest', 'Südost', 'Südwest'];
const COMPASS_EN = ['North', 'South', 'East', 'West'];

/** What \s matches in a JavaScript regex. */
function isRegexSpace(c: number): boolean {
  return (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * A place name without its compass part ("Nordkorea" → "korea", "North Korea" → "Korea"), or
 * undefined: the capture of /^(?:Nord|Süd|Ost|West|Nordost|Nordwest|Südost|Südwest)-?(\p{Lu}\p{Ll}+|\p{Ll}{3,})$|
 * ^(?:North|South|East|West)\s+(\p{Lu}\p{Ll}+)$/u, prefixes tried in that order, written out because that
 * regex costs about a millisecond the first times it runs in a fresh engine.
 */
export function compassRest(name: string): string | undefined {
  for (const p of COMPASS_DE) {
    if (!name.startsWith(p)) continue;
    const from = name.charCodeAt(p.length) === 45 ? p.length + 1 : p.length;
    if (capitalisedRest(name, from) || allLower(name.slice(from), 3)) return name.slice(from);
  }
  for (const p of COMPASS_EN) {
    if (!name.startsWith(p)) continue;
    let from = p.length;
    while (from < name.length && isRegexSpace(name.charCodeAt(from))) from++;
    if (from > p.length && capitalisedRest(name, from)) return name.slice(from);
  }
  return undefined;
}
