/**
 * Knowledge base entry point (contract): what the packs in src/knowledge/
 * know, for the engine (names for the entity tagger, concept links, topic
 * matches) and for the UI (an entity's context and a topic's background as
 * of the article's date). Pure and synchronous: the background script
 * calls it for every page, so the tries are built once per instance and
 * each call is one scan of the text.
 */
import type { Concept, EntityDetail, EntityType, Lang, TopicMatch } from '../types.ts';
import { PACKS } from '../../knowledge/index.ts';
import { entityContext, topicBackground, type BackgroundOptions } from './context.ts';
import { PackIndex, type Mention } from './mentions.ts';
import type { KnowledgePack, PackEntityType } from './pack-types.ts';
import { scoreTopics } from './topics.ts';
import type { Background, ContextOptions, EntityContext } from './ui-types.ts';

export type { Background, ContextOptions, EntityContext, KeyIssueItem, PersonItem, SourceNote, TimelineItem, EntityLinks } from './ui-types.ts';
export type { BackgroundOptions } from './context.ts';
export type { Mention, MentionKind } from './mentions.ts';
export type { KnowledgePack } from './pack-types.ts';

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

/** Optional context for linking: the article's published date (ISO) makes dated references resolvable. */
export interface LinkOptions {
  published?: string | null;
}

const TAGGER_TYPE: Record<Exclude<PackEntityType, 'concept'>, EntityType> = { person: 'PER', place: 'LOC', org: 'ORG', event: 'MISC' };

export class KnowledgeBase {
  private static instance: KnowledgeBase | null = null;
  static default(): KnowledgeBase {
    KnowledgeBase.instance ??= new KnowledgeBase();
    return KnowledgeBase.instance;
  }

  private readonly index: PackIndex;

  /** Packs must be valid (see validatePack); the default is every pack in src/knowledge/. */
  constructor(packs: readonly KnowledgePack[] = PACKS) {
    this.index = new PackIndex(packs);
  }

  get packs(): readonly KnowledgePack[] {
    return this.index.packs;
  }

  /** Everything the packs recognise in the text: names, short names, role nouns, demonyms, concept terms (may overlap). */
  findMentions(text: string, lang: Lang, opts: LinkOptions = {}): Mention[] {
    return this.index.scan(text, lang, opts.published ?? null);
  }

  /** Names and aliases of known entities (people, places, organisations, events) in the text. */
  findNames(text: string, lang: Lang): NameHit[] {
    const hits: NameHit[] = [];
    for (const m of this.index.scan(text, lang, null, { namesOnly: true })) {
      if (m.kind !== 'name' && m.kind !== 'short') continue;
      const known = this.index.byId.get(m.entityId);
      if (known === undefined || known.entity.type === 'concept') continue;
      hits.push({ start: m.start, end: m.end, entityId: m.entityId, type: TAGGER_TYPE[known.entity.type], alias: m.alias });
    }
    return hits;
  }

  /** The entity's display name in a language, or null for an unknown id. */
  displayName(entityId: string, lang: Lang): string | null {
    return this.index.byId.get(entityId)?.entity.name[lang] ?? null;
  }

  /**
   * Phrases the pack links that are not names (Denuklearisierung, Verbindungsbüro, …).
   * Dated references ("seines Ex-Anwalts" in a 2019 Trump story) need `opts.published`.
   */
  linkConcepts(text: string, lang: Lang, entities: EntityDetail[], opts: LinkOptions = {}): Concept[] {
    const out: Concept[] = [];
    // Both lists in text order, walked together: a span the tagger already linked to the
    // same entity is a name, not a concept (linear, also for long texts).
    const linked = entities.filter((e) => e.entityId !== null).sort((a, b) => a.start - b.start);
    let j = 0;
    for (const m of this.index.scan(text, lang, opts.published ?? null)) {
      if (m.kind !== 'term') continue;
      while (j < linked.length && (linked[j]?.end ?? 0) <= m.start) j++;
      let covered = false;
      for (let k = j; k < linked.length; k++) {
        const e = linked[k];
        if (e === undefined || e.start >= m.end) break;
        if (e.entityId === m.entityId) covered = true;
      }
      if (!covered) out.push({ text: text.slice(m.start, m.end), start: m.start, end: m.end, entityId: m.entityId });
    }
    return out;
  }

  matchTopics(input: TopicInput): TopicMatch[] {
    const mentions = this.index.scan(input.text, input.lang, null);
    const titleMentions = input.title === null ? [] : this.index.scan(input.title, input.lang, null);
    return scoreTopics(this.index, { ...input, mentions, titleMentions });
  }

  /** Who or what an entity is, as of the article's date; null for an id no pack knows. */
  contextFor(entityId: string, opts: ContextOptions): EntityContext | null {
    const known = this.index.byId.get(entityId);
    return known === undefined ? null : entityContext(known.pack, known.entity, opts);
  }

  /** A topic's background around the article's date; null for an unknown topic id. */
  background(topicId: string, opts: BackgroundOptions): Background | null {
    const pack = this.index.packs.find((p) => p.id === topicId);
    return pack === undefined ? null : topicBackground(pack, opts);
  }
}
