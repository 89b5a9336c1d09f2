/**
 * Feature hashing. The tagger never stores feature strings: each feature is
 * reduced to a 32-bit FNV-1a hash, so the shipped model is a table of
 * integers and weights, and training and tagging agree by construction.
 */

/** FNV-1a over UTF-16 code units, as an unsigned 32-bit integer. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
