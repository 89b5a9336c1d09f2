/**
 * The tag scheme: which tag sequences are legal, and how tags map to and
 * from entity spans. Decoding uses `allowedTransition` and `allowedEnd` so
 * that the tagger can never emit a broken span.
 *
 * BIO ships. The code also handles BILOU (ROLES = B, I, L, U: a one-token
 * name is U-X, a longer one B-X I-X … L-X), which was measured and lost:
 * German CV F1 +0.3 points, English GUM dev −2.8, at almost twice the tags
 * (docs/ner.md). Changing ROLES is all it takes to try it again.
 */
import type { EntityType } from '../types.ts';

export const ENTITY_TYPES: readonly EntityType[] = ['PER', 'LOC', 'ORG', 'MISC'];

/** Position of a tag inside its name. */
const ROLES: readonly string[] = ['B', 'I'];

/** Tag inventory: index 0 is O, then one tag per role for each type. */
export const TAGS: readonly string[] = ['O', ...ENTITY_TYPES.flatMap((t) => ROLES.map((r) => `${r}-${t}`))];

export const NUM_TAGS = TAGS.length;

const R = ROLES.length;
const ROLE_OF: readonly string[] = TAGS.map((t) => (t === 'O' ? 'O' : t[0]!));

export function tagIndex(tag: string): number {
  const i = TAGS.indexOf(tag);
  if (i < 0) throw new Error(`unknown tag ${tag}`);
  return i;
}

/** Index of the tag with `role` ("B", "I", "L", "U") for a type. */
export function roleTag(type: EntityType, role: string): number {
  return 1 + ENTITY_TYPES.indexOf(type) * R + ROLES.indexOf(role);
}

/** Entity type of a tag index, or null for O. */
export function tagType(tag: number): EntityType | null {
  if (tag === 0) return null;
  return ENTITY_TYPES[Math.floor((tag - 1) / R)] ?? null;
}

/** Does the tag continue a name begun on an earlier token (I or L)? */
export function isInside(tag: number): boolean {
  const r = ROLE_OF[tag];
  return r === 'I' || r === 'L';
}

const HAS_LAST = ROLES.includes('L');

/** Does a name with this tag need another token after it (B or I, when L exists)? */
function needsMore(tag: number): boolean {
  if (!HAS_LAST) return false;
  const r = ROLE_OF[tag];
  return r === 'B' || r === 'I';
}

/** May tag `to` follow tag `from` (from = -1 for the sentence start)? */
export function allowedTransition(from: number, to: number): boolean {
  if (from >= 0 && needsMore(from)) return isInside(to) && tagType(from) === tagType(to);
  if (!isInside(to)) return true;
  // BIO: I-X continues a B-X or I-X
  return from > 0 && !HAS_LAST && tagType(from) === tagType(to);
}

/** Tags that continue a name of `type` from the token before. */
export function continuingTags(type: EntityType): number[] {
  return TAGS.map((_, t) => t).filter((t) => isInside(t) && tagType(t) === type);
}

/** May a sentence end on this tag? */
export function allowedEnd(tag: number): boolean {
  return !needsMore(tag);
}

/** The tag of token k (0-based) of a name of `length` tokens. */
export function tagForPosition(type: EntityType, k: number, length: number): number {
  if (!HAS_LAST) return roleTag(type, k === 0 ? 'B' : 'I');
  if (length === 1) return roleTag(type, 'U');
  return roleTag(type, k === 0 ? 'B' : k === length - 1 ? 'L' : 'I');
}

/** A typed span over token indices [start, end). */
export interface TokenSpan {
  start: number;
  end: number;
  type: EntityType;
}

/** Spans of a tag sequence (legal sequences; a stray I/L is read as continuing or starting a name, never dropped). */
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
  for (const s of spans) for (let i = s.start; i < s.end; i++) tags[i] = tagForPosition(s.type, i - s.start, s.end - s.start);
  return tags;
}
