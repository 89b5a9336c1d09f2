/**
 * A compact wire format for the analysis the background sends to the content
 * script. On a huge article (30,000 entity mentions, thousands of quotes) the
 * object-per-span shape made the receiving task long: the browser rebuilt tens
 * of thousands of small objects while deserialising the message, and the
 * validator then read every property of each. Here spans travel as columns of
 * plain numbers (plain arrays: Chrome's runtime messaging is JSON, where typed
 * arrays do not survive) and repeated strings once, in a table. Checking the
 * columns is a few tight loops; turning them back into objects happens in the
 * content script's own, separate task.
 */
import type { Concept, EntityDetail, QuoteDetail, Span, TextAnalysis, TopicMatch } from '../core/types.ts';

export const PACKED_FORMAT = 'kontext-packed-1';

const ENTITY_TYPES = ['PER', 'LOC', 'ORG', 'MISC'] as const;
const QUOTE_KINDS = ['direct', 'indirect'] as const;
/** Stands for null in index and span columns. */
const NONE = -1;

export interface PackedEntities {
  start: number[];
  end: number[];
  /** Indexes into PackedAnalysis.strings. */
  text: number[];
  /** Index into ENTITY_TYPES. */
  type: number[];
  /** String index or NONE. */
  entityId: number[];
  confidence: number[];
  cluster: number[];
  canonical: number[];
}

export interface PackedQuotes {
  start: number[];
  end: number[];
  text: number[];
  /** String index, or NONE when the quote has no speaker. */
  speakerName: number[];
  speakerEntityId: number[];
  confidence: number[];
  /** Index into QUOTE_KINDS. */
  kind: number[];
  /** NONE in both for a null span. */
  cueStart: number[];
  cueEnd: number[];
  mentionStart: number[];
  mentionEnd: number[];
  speakerCluster: (number | null)[];
}

export interface PackedAnalysis {
  format: typeof PACKED_FORMAT;
  language: string;
  strings: string[];
  entities: PackedEntities;
  quotes: PackedQuotes;
  /** Few per page (knowledge-pack phrases), so they keep their object shape. */
  concepts: Concept[];
  topics: TopicMatch[];
}

class StringTable {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();

  of(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.index.set(s, i);
    }
    return i;
  }

  ofNullable(s: string | null): number {
    return s === null ? NONE : this.of(s);
  }
}

export function packAnalysis(a: TextAnalysis): PackedAnalysis {
  const table = new StringTable();
  const e: PackedEntities = { start: [], end: [], text: [], type: [], entityId: [], confidence: [], cluster: [], canonical: [] };
  for (const x of a.entities) {
    e.start.push(x.start);
    e.end.push(x.end);
    e.text.push(table.of(x.text));
    e.type.push(ENTITY_TYPES.indexOf(x.type));
    e.entityId.push(table.ofNullable(x.entityId));
    e.confidence.push(x.confidence);
    e.cluster.push(x.cluster);
    e.canonical.push(table.of(x.canonical));
  }
  const q: PackedQuotes = {
    start: [], end: [], text: [], speakerName: [], speakerEntityId: [], confidence: [], kind: [],
    cueStart: [], cueEnd: [], mentionStart: [], mentionEnd: [], speakerCluster: [],
  };
  for (const x of a.quotes) {
    q.start.push(x.start);
    q.end.push(x.end);
    q.text.push(table.of(x.text));
    q.speakerName.push(x.speaker ? table.of(x.speaker.name) : NONE);
    q.speakerEntityId.push(x.speaker ? table.ofNullable(x.speaker.entityId) : NONE);
    q.confidence.push(x.confidence);
    q.kind.push(QUOTE_KINDS.indexOf(x.kind));
    q.cueStart.push(x.cue ? x.cue.start : NONE);
    q.cueEnd.push(x.cue ? x.cue.end : NONE);
    q.mentionStart.push(x.speakerMention ? x.speakerMention.start : NONE);
    q.mentionEnd.push(x.speakerMention ? x.speakerMention.end : NONE);
    q.speakerCluster.push(x.speakerCluster);
  }
  return {
    format: PACKED_FORMAT, language: a.language, strings: table.strings, entities: e, quotes: q,
    concepts: a.concepts, topics: a.topics,
  };
}

// ---------------------------------------------------------------- checks (one loop per column)

type Rec = Record<string, unknown>;

function isRec(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Integers in [min, max], exactly n of them. */
function intColumn(v: unknown, n: number, min: number, max: number): v is number[] {
  if (!Array.isArray(v) || v.length !== n) return false;
  for (let i = 0; i < n; i++) {
    const x: unknown = v[i];
    if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max) return false;
  }
  return true;
}

function finiteColumn(v: unknown, n: number, nullable: boolean): boolean {
  if (!Array.isArray(v) || v.length !== n) return false;
  for (let i = 0; i < n; i++) {
    const x: unknown = v[i];
    if (x === null && nullable) continue;
    if (typeof x !== 'number' || !Number.isFinite(x)) return false;
  }
  return true;
}

/** start/end columns of real spans (end ≥ start ≥ 0), or NONE in both where nullable. */
function spanColumns(starts: unknown, ends: unknown, n: number, nullable: boolean): boolean {
  const min = nullable ? NONE : 0;
  if (!intColumn(starts, n, min, Number.MAX_SAFE_INTEGER) || !intColumn(ends, n, min, Number.MAX_SAFE_INTEGER)) return false;
  for (let i = 0; i < n; i++) {
    const s = starts[i] as number;
    const e = ends[i] as number;
    if (s === NONE || e === NONE ? s !== e : e < s) return false;
  }
  return true;
}

function stringColumn(v: unknown): v is string[] {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
  return true;
}

function isEntityColumns(v: unknown, strings: number): boolean {
  if (!isRec(v) || !Array.isArray(v['start'])) return false;
  const n = v['start'].length;
  const s = strings - 1;
  return spanColumns(v['start'], v['end'], n, false) && intColumn(v['text'], n, 0, s)
    && intColumn(v['type'], n, 0, ENTITY_TYPES.length - 1) && intColumn(v['entityId'], n, NONE, s)
    && finiteColumn(v['confidence'], n, false) && finiteColumn(v['cluster'], n, false) && intColumn(v['canonical'], n, 0, s);
}

function isQuoteColumns(v: unknown, strings: number): boolean {
  if (!isRec(v) || !Array.isArray(v['start'])) return false;
  const n = v['start'].length;
  const s = strings - 1;
  if (!(spanColumns(v['start'], v['end'], n, false) && intColumn(v['text'], n, 0, s)
    && intColumn(v['speakerName'], n, NONE, s) && intColumn(v['speakerEntityId'], n, NONE, s)
    && finiteColumn(v['confidence'], n, false) && intColumn(v['kind'], n, 0, QUOTE_KINDS.length - 1)
    && spanColumns(v['cueStart'], v['cueEnd'], n, true) && spanColumns(v['mentionStart'], v['mentionEnd'], n, true)
    && finiteColumn(v['speakerCluster'], n, true))) return false;
  // An entity id without a speaker name cannot be unpacked into the object shape.
  const names = v['speakerName'] as number[];
  const ids = v['speakerEntityId'] as number[];
  for (let i = 0; i < n; i++) if (names[i] === NONE && ids[i] !== NONE) return false;
  return true;
}

/**
 * The packed shape, checked column by column (every number and index, not
 * every object). Concepts and topics are checked by the caller's own guards.
 */
export function isPackedAnalysisShape(v: unknown): v is PackedAnalysis {
  if (!isRec(v) || v['format'] !== PACKED_FORMAT || typeof v['language'] !== 'string' || !stringColumn(v['strings'])) return false;
  const n = v['strings'].length;
  return isEntityColumns(v['entities'], n) && isQuoteColumns(v['quotes'], n)
    && Array.isArray(v['concepts']) && Array.isArray(v['topics']);
}

// ---------------------------------------------------------------- unpacking

function spanOrNull(start: number, end: number): Span | null {
  return start === NONE ? null : { start, end };
}

/** Back to the object shape everything else reads. Only for input that passed isPackedAnalysisShape. */
export function unpackAnalysis(p: PackedAnalysis): TextAnalysis {
  const str = p.strings;
  const e = p.entities;
  const entities: EntityDetail[] = new Array<EntityDetail>(e.start.length);
  for (let i = 0; i < entities.length; i++) {
    const id = e.entityId[i]!;
    entities[i] = {
      text: str[e.text[i]!]!, start: e.start[i]!, end: e.end[i]!, type: ENTITY_TYPES[e.type[i]!]!,
      entityId: id === NONE ? null : str[id]!, confidence: e.confidence[i]!, cluster: e.cluster[i]!, canonical: str[e.canonical[i]!]!,
    };
  }
  const q = p.quotes;
  const quotes: QuoteDetail[] = new Array<QuoteDetail>(q.start.length);
  for (let i = 0; i < quotes.length; i++) {
    const name = q.speakerName[i]!;
    const id = q.speakerEntityId[i]!;
    quotes[i] = {
      text: str[q.text[i]!]!, start: q.start[i]!, end: q.end[i]!,
      speaker: name === NONE ? null : { name: str[name]!, entityId: id === NONE ? null : str[id]! },
      confidence: q.confidence[i]!, kind: QUOTE_KINDS[q.kind[i]!]!,
      cue: spanOrNull(q.cueStart[i]!, q.cueEnd[i]!), speakerMention: spanOrNull(q.mentionStart[i]!, q.mentionEnd[i]!),
      speakerCluster: q.speakerCluster[i] ?? null,
    };
  }
  return { language: p.language, quotes, entities, concepts: p.concepts, topics: p.topics };
}
