/**
 * The analysis result: the one shape shared by the engine, the command line
 * (`kontext analyze --format json`), the content script, the side panel and
 * the evaluations. Offsets are JavaScript string indices (UTF-16 code units)
 * into `article.text` (or the plain text given to `analyzeText`).
 *
 * Keep the public part (`AnalysisResult` and what it references) stable: the
 * command line's JSON is documented in README and relied on by outside
 * evaluations. Extra detail for the UI lives in the `*Detail` fields, which
 * the command line strips.
 */

export type EntityType = 'PER' | 'LOC' | 'ORG' | 'MISC';

/** A character span [start, end) into the analysed text. */
export interface Span {
  start: number;
  end: number;
}

export interface ArticleMeta {
  title: string | null;
  byline: string | null;
  /** ISO 8601 date or date-time as found on the page, or null. */
  published: string | null;
  /** BCP 47 primary language of the text itself ("de", "en", …). */
  language: string;
  /** News agencies credited: "dpa", "AFP", "Reuters", "AP", "RND", … */
  agencies: string[];
  /** Dateline place ("Hanoi", "WASHINGTON"), or null. */
  dateline: string | null;
}

export interface Article extends ArticleMeta {
  /** Body paragraphs joined by "\n\n". */
  text: string;
}

export interface Speaker {
  /** The most complete name the article gives for the speaker. */
  name: string;
  /** Knowledge-pack entity id, or null. */
  entityId: string | null;
}

export interface Quote extends Span {
  /** The quoted words, without the enclosing marks. */
  text: string;
  speaker: Speaker | null;
}

export interface QuoteDetail extends Quote {
  /** 0..1: how sure we are that this is reported speech (not a scare quote or title). */
  confidence: number;
  /** "direct" for marked quotes; "indirect" for reported speech (German Konjunktiv), off by default in the UI. */
  kind: 'direct' | 'indirect';
  /** Span of the speech cue ("sagte", "said", "zufolge"), if any. */
  cue: Span | null;
  /** Span of the speaker mention the attribution was read from (name, pronoun or role noun), if any. */
  speakerMention: Span | null;
  /** Entity cluster of the speaker (see EntityDetail.cluster), if any. */
  speakerCluster: number | null;
}

export interface Entity extends Span {
  text: string;
  type: EntityType;
  /** Knowledge-pack entity id, or null. */
  entityId: string | null;
}

export interface EntityDetail extends Entity {
  /** 0..1 model confidence for this mention. */
  confidence: number;
  /** Mentions of the same real-world thing in this document share a cluster number. */
  cluster: number;
  /** The most complete name in this cluster ("Kim Jong Un" for "Kim"). */
  canonical: string;
}

/** A phrase the knowledge pack links that is not a name ("Denuklearisierung"). */
export interface Concept extends Span {
  text: string;
  entityId: string;
}

export interface TopicScore {
  id: string;
  score: number;
}

export interface TopicMatch extends TopicScore {
  /** Above the pack's threshold: show its background. */
  matched: boolean;
  /** Why: the names/concepts that contributed most, in document language. */
  evidence: string[];
}

/** The documented, stable public result. */
export interface AnalysisResult {
  url: string | null;
  article: Article | null;
  quotes: Quote[];
  entities: Entity[];
  concepts: Concept[];
  topics: TopicScore[];
}

/** What the engine computes on a text; a superset of the public result's analysis part. */
export interface TextAnalysis {
  language: string;
  quotes: QuoteDetail[];
  entities: EntityDetail[];
  concepts: Concept[];
  topics: TopicMatch[];
}

export type Lang = 'de' | 'en';

/** Narrow any language tag to one the engine has models for (German or English). */
export function engineLanguage(tag: string | null | undefined): Lang {
  return tag != null && tag.toLowerCase().startsWith('de') ? 'de' : 'en';
}
