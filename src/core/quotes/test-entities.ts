/**
 * Test helper: builds the EntityDetail list a tagger would give, by marking
 * every occurrence of the given names in a text. Lets the quote tests run
 * independently of the entity tagger.
 */
import type { EntityDetail, EntityType } from '../types.ts';

export interface EntitySpec {
  canonical: string;
  /** Surface forms to mark (longest first is not required). */
  names: string[];
  type?: EntityType;
  id?: string | null;
  /** The tagger's confidence (default 1). */
  confidence?: number;
}

export function markEntities(text: string, specs: EntitySpec[]): EntityDetail[] {
  const found: EntityDetail[] = [];
  specs.forEach((spec, cluster) => {
    const names = [...spec.names].sort((a, b) => b.length - a.length);
    for (const name of names) {
      const re = new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu');
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        const start = m.index;
        const end = start + name.length;
        if (found.some((e) => e.start < end && start < e.end)) continue;
        found.push({
          text: name, start, end, type: spec.type ?? 'PER', entityId: spec.id ?? null, confidence: spec.confidence ?? 1, cluster, canonical: spec.canonical,
        });
      }
    }
  });
  return found.sort((a, b) => a.start - b.start);
}
