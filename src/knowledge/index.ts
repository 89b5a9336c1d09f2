/**
 * The knowledge packs that ship with Kontext. Each pack is a JSON file in
 * this folder (format: docs/knowledge-packs.md); it is validated when
 * loaded, so a broken pack fails loudly (and in the unit tests) instead of
 * half working. To add a topic, add its JSON here and to PACK_DATA.
 */
import { parsePack } from '../core/knowledge/validate-pack.ts';
import type { KnowledgePack } from '../core/knowledge/pack-types.ts';
import koreaTalks from './korea-talks.json';

/** Raw pack data, for the validation tests. */
export const PACK_DATA: readonly unknown[] = [koreaTalks];

export const PACKS: readonly KnowledgePack[] = PACK_DATA.map((raw) => parsePack(raw));
