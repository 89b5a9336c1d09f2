/**
 * Knowledge base entry point (contract). PLACEHOLDER: the knowledge module
 * replaces this body.
 */
import type { Concept, EntityDetail, Lang, TopicMatch } from '../types.ts';

export interface TopicInput {
  text: string;
  title: string | null;
  lang: Lang;
  entities: EntityDetail[];
  concepts: Concept[];
}

export class KnowledgeBase {
  private static instance: KnowledgeBase | null = null;
  static default(): KnowledgeBase {
    KnowledgeBase.instance ??= new KnowledgeBase();
    return KnowledgeBase.instance;
  }
  linkConcepts(_text: string, _lang: Lang, _entities: EntityDetail[]): Concept[] {
    return [];
  }
  matchTopics(_input: TopicInput): TopicMatch[] {
    return [];
  }
}
