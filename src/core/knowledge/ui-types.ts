/**
 * What the popup and the side panel display, as plain serialisable data
 * (they travel from the background script in messages): an entity's
 * context as of the article's date, and a topic's background split into
 * before / at / after the article. Texts are already in the reader's
 * language; dates are ISO partial dates plus a formatted label.
 */
import type { Lang } from '../types.ts';
import type { PackEntityType } from './pack-types.ts';

export interface ContextOptions {
  /** Language of the texts to return (the reader's or the article's). */
  lang: Lang;
  /** The article's published date (ISO date or date-time), or null if unknown. */
  published: string | null;
}

/** "Sources differ": a recorded disagreement between sources. */
export interface SourceNote {
  id: string;
  title: string;
  text: string;
  sources: string[];
}

export interface TimelineItem {
  id: string;
  /** ISO partial date ("2019-02-28", "1945-08"). */
  date: string;
  end: string | null;
  /** Formatted for display ("28. Februar 2019"). */
  dateLabel: string;
  text: string;
  entities: string[];
  sources: string[];
  /** Sources differ on this entry (see Background.disagreements / EntityContext.disagreements). */
  disputed: boolean;
}

export interface KeyIssueItem {
  id: string;
  title: string;
  text: string;
  entities: string[];
  sources: string[];
  disagreements: SourceNote[];
}

export interface EntityLinks {
  /** Opens the Wikipedia article in the given language (via Wikidata when the id is known, else Wikipedia's search). */
  wikipedia: string;
  wikidata: string | null;
}

export interface EntityContext {
  id: string;
  topicId: string;
  type: PackEntityType;
  name: string;
  /** Roles held on the article's date, with their start ("US-Präsident seit Januar 2017"). */
  roles: string[];
  /** Roles that had ended by the article's date ("bis Juni 2019 …"). */
  formerRoles: string[];
  description: string;
  /** For events: when ("27.–28. Februar 2019"); null otherwise. */
  when: string | null;
  /** For events, where they sit relative to the article: before it, on its days, or after it ("what came next"). */
  relation: 'past' | 'current' | 'later' | null;
  /** Up to three timeline entries on this entity before or at the article's date, latest last. */
  before: TimelineItem[];
  /** Timeline entries on this entity after the article's date. */
  after: TimelineItem[];
  /** Explainers that cover this entity. */
  issues: KeyIssueItem[];
  disagreements: SourceNote[];
  links: EntityLinks;
  sources: string[];
  /** Part of what the sources say could not be verified. */
  unverified: boolean;
}

export interface PersonItem {
  id: string;
  name: string;
  /** First role held on the article's date, formatted; null if none. */
  role: string | null;
  description: string;
}

export interface Background {
  topicId: string;
  title: string;
  lang: Lang;
  published: string | null;
  /** Entries before the article's day (all entries when the date is unknown). */
  past: TimelineItem[];
  /** Entries on the article's day or the day before: what the article reports on. */
  now: TimelineItem[];
  /** Entries after the article's date: "what came next", never mixed into the past. */
  next: TimelineItem[];
  keyPeople: PersonItem[];
  keyIssues: KeyIssueItem[];
  disagreements: SourceNote[];
  /** The date the pack's descriptions are written as of. */
  asOf: string;
}
