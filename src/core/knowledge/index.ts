/**
 * Knowledge base entry point (contract). PLACEHOLDER bodies: the knowledge
 * module replaces them, keeping these signatures (other modules call them).
 */
import type { Concept, EntityDetail, EntityType, Lang, TopicMatch } from '../types.ts';

export interface TopicInput {
  text: string;
  title: string | null;
  lang: Lang;
  entities: EntityDetail[];
  concepts: Concept[];
}

/** A knowledge-pack name or alias found in text (word-bounded, longest match first, non-overlapping). */
export interface NameHit {
  start: number;
  end: number;
  entityId: string;
  /** Entity type as a tagger type: person→PER, place→LOC, org→ORG, event→MISC. Concepts are not names. */
  type: EntityType;
  /** The alias as listed in the pack. */
  alias: string;
}

export class KnowledgeBase {
  private static instance: KnowledgeBase | null = null;
  static default(): KnowledgeBase {
    KnowledgeBase.instance ??= new KnowledgeBase();
    return KnowledgeBase.instance;
  }
  /** Names and aliases of known entities (people, places, organisations, events) in the text. */
  findNames(_text: string, _lang: Lang): NameHit[] {
    return [];
  }
  /** The entity's display name in a language, or null for an unknown id. */
  displayName(_entityId: string, _lang: Lang): string | null {
    return null;
  }
  /** Phrases the pack links that are not names (Denuklearisierung, Verbindungsbüro, …). */
  linkConcepts(_text: string, _lang: Lang, _entities: EntityDetail[]): Concept[] {
    return [];
  }
  matchTopics(_input: TopicInput): TopicMatch[] {
    return [];
  }
}
