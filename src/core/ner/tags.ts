/**
 * The BIO tag scheme: which tag sequences are legal, and how tags map to
 * and from entity spans. Decoding uses `allowedTransition` so that the
 * tagger can never emit an I- tag that does not continue its own type.
 */
import type { EntityType } from '../types.ts';

export const ENTITY_TYPES: readonly EntityType[] = ['PER', 'LOC', 'ORG', 'MISC'];

/** Tag inventory: index 0 is O, then B-/I- for each type. */
export const TAGS: readonly string[] = ['O', ...ENTITY_TYPES.flatMap((t) => [`B-${t}`, `I-${t}`])];

export const NUM_TAGS = TAGS.length;

export function tagIndex(tag: string): number {
  const i = TAGS.indexOf(tag);
  if (i < 0) throw new Error(`unknown tag ${tag}`);
  return i;
}

/** Entity type of a tag index, or null for O. */
export function tagType(tag: number): EntityType | null {
  if (tag === 0) return null;
  return ENTITY_TYPES[(tag - 1) >> 1] ?? null;
}

export function isInside(tag: number): boolean {
  return tag > 0 && (tag - 1) % 2 === 1;
}

/** May tag `to` follow tag `from` (from = -1 for the sentence start)? */
export function allowedTransition(from: number, to: number): boolean {
  if (!isInside(to)) return true;
  if (from < 0 || from === 0) return false;
  return tagType(from) === tagType(to);
}

/** A typed span over token indices [start, end). */
export interface TokenSpan {
  start: number;
  end: number;
  type: EntityType;
}

export function spansFromTags(tags: ArrayLike<number>): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let cur: TokenSpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i]!;
    const type = tagType(t);
    if (cur && (type === null || !isInside(t) || type !== cur.type)) {
      spans.push(cur);
      cur = null;
    }
    if (type !== null && (!isInside(t) || cur === null)) cur = { start: i, end: i + 1, type };
    else if (cur) cur.end = i + 1;
  }
  if (cur) spans.push(cur);
  return spans;
}

export function tagsFromSpans(length: number, spans: readonly TokenSpan[]): Int8Array {
  const tags = new Int8Array(length);
  for (const s of spans) {
    const b = tagIndex(`B-${s.type}`);
    tags[s.start] = b;
    for (let i = s.start + 1; i < s.end; i++) tags[i] = b + 1;
  }
  return tags;
}
