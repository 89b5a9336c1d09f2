/**
 * The knowledge-pack format: everything Kontext knows about one news topic,
 * as plain data. A pack is a JSON file in src/knowledge/ (documented in
 * docs/knowledge-packs.md); adding a topic means adding a pack and its
 * validation test, no code. These types are what `validatePack` checks, so
 * a pack that does not fit them fails the unit tests (and the build's test
 * step) before it can reach a reader.
 */
import type { Lang } from '../types.ts';

/** Text in both languages the product speaks. */
export interface LocalText {
  de: string;
  en: string;
}

export type PackEntityType = 'person' | 'place' | 'org' | 'event' | 'concept';

/**
 * A date as precise as it is known: "2019", "2019-02" or "2019-02-28".
 * Periods are written as two fields (start/end, from/to), never as "27/28".
 */
export type PackDate = string;

/**
 * An expression that refers to an entity without being its name: a role
 * noun ("US-Präsident"), a demonym adjective ("nordkoreanische"), or a
 * term or phrase for a concept ("atomare Abrüstung"). Words are matched on
 * their stems, so German endings (-e, -en, -er, -es, -s, -n, -ern) need
 * not be listed. "…" in a phrase stands for up to four words of any kind.
 */
export interface PackRef {
  lang: Lang;
  text: string;
  kind: 'descriptor' | 'adjective' | 'term';
  /** Only for articles published on or after this date (a role noun refers to whoever held the role then). */
  from?: PackDate;
  /** Only for articles published on or before this date. */
  to?: PackDate;
  /** Entity ids that must be named in the same text ("Ex-Anwalt" means Cohen only in a Trump story). */
  needs?: string[];
  /** A common word ("Sanktionen", "Kontrollen"): linked only when the text is otherwise about the topic. */
  needsTopic?: boolean;
}

/** A position or office held in a period, shown "as of" the article's date. */
export interface PackRole {
  from: PackDate | null;
  to: PackDate | null;
  de: string;
  en: string;
}

export interface PackEntity {
  /** Stable id; for the seed topic the ids of korea-talks-facts.json (they appear in the public JSON as entityId). */
  id: string;
  type: PackEntityType;
  /** Display name per language. */
  name: LocalText;
  /**
   * Names and name forms as written in running text, per language: matched
   * word-bounded and case-sensitively, the last word may carry a German
   * ending (-s, -es, -n, -en) or an English possessive. Concepts list their
   * key terms here (matched like refs of kind "term").
   */
  names: { de: string[]; en: string[] };
  /**
   * Surnames and short forms other people share ("Kim", "Moon", "Sanders"),
   * in any language: linked only when the text also gives a full name of the
   * entity or is otherwise about the topic (Kim Min-jae in a football report
   * is not Kim Jong Un).
   */
  shortNames?: string[];
  refs?: PackRef[];
  /** Wikidata item id ("Q22686") where verified, else null. */
  wikidata: string | null;
  /** One or two sentences in our own words; timeless where possible (dated facts go in roles and the timeline). */
  description: LocalText;
  roles?: PackRole[];
  /** For events: when they happened. */
  when?: { start: PackDate; end?: PackDate };
  /** Weight of a mention as evidence for the topic (default: topic.defaultWeight; 0 = no evidence). */
  weight?: number;
  /** Where the facts come from (URLs). Every entity has at least one. */
  sources: string[];
  /** Part of what the sources say could not be verified. */
  unverified?: boolean;
}

export interface PackTimelineEntry {
  id: string;
  date: PackDate;
  end?: PackDate;
  text: LocalText;
  /** Entities the entry is about (used to show an entity's past and future around an article). */
  entities: string[];
  sources: string[];
}

export interface PackKeyIssue {
  id: string;
  title: LocalText;
  text: LocalText;
  /** Entities (usually concepts) the issue explains: a link to one of them opens this explainer. */
  entities: string[];
  sources: string[];
}

/** Where sources disagree: said, not silently resolved. */
export interface PackDisagreement {
  id: string;
  /** Entity, timeline or key-issue ids the disagreement concerns. */
  about: string[];
  title: LocalText;
  text: LocalText;
  sources: string[];
}

/** How to tell an article belongs to the topic (see docs/knowledge-packs.md, "Topic matching"). */
export interface PackTopicSignals {
  /** Weight of an entity mention when the entity sets none. */
  defaultWeight: number;
  /** Raw score at which an article matches (normalised score 0.5). */
  threshold: number;
  /**
   * Evidence (sum of the weights of distinct entities named in full) that
   * makes a text "about the topic" for short names and common words; one
   * core entity (weight 3) should be enough.
   */
  contextMin: number;
  /** Distinct entities with weight >= 2 an article must name to match. */
  minCore: number;
  /** Mentions of core entities, all together, an article must have to match. */
  minCoreMentions: number;
  /** Multiplier for evidence found in the title. */
  titleBoost: number;
  /** Multiplier for evidence found in the first `leadChars` characters. */
  leadBoost: number;
  leadChars: number;
}

export interface KnowledgePack {
  format: 1;
  /** Topic id, reported in AnalysisResult.topics. */
  id: string;
  title: LocalText;
  /** The date the descriptions are written as of. */
  asOf: PackDate;
  topic: PackTopicSignals;
  entities: PackEntity[];
  timeline: PackTimelineEntry[];
  keyIssues: PackKeyIssue[];
  disagreements: PackDisagreement[];
}
