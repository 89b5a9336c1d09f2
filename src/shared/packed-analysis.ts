/**
 * A compact wire format for the analysis the background sends to the content
 * script. On a huge article (30,000 entity mentions, thousands of quotes) the
 * object-per-span shape made the receiving task long: the browser rebuilt tens
 * of thousands of small objects while deserialising the message, and the
 * validator then read every property of each. Columns of plain JSON numbers
 * (format 1) still cost the receiving task ≈ 16 ms of number parsing plus
 * ≈ 12 ms of checks on the 1 MB test article.
 *
 * So each table travels as two typed arrays (32-bit integers and 64-bit
 * floats, column after column) in base64 strings: Chrome's runtime messaging
 * is JSON, where typed arrays do not survive, but one long string is cheap to
 * deserialise. Repeated strings travel once, in a table. Decoding and checking
 * the columns is a few tight loops over typed arrays, and turning them back
 * into objects happens in the content script's own, separate task.
 */
import type { Concept, EntityDetail, QuoteDetail, Span, TextAnalysis, TopicMatch } from '../core/types.ts';

export const PACKED_FORMAT = 'kontext-packed-2';

const ENTITY_TYPES = ['PER', 'LOC', 'ORG', 'MISC'] as const;
const QUOTE_KINDS = ['direct', 'indirect'] as const;
/** Stands for null in index and span columns. */
const NONE = -1;

/** Integer columns, in this order, then float columns. */
const E_INT = { start: 0, end: 1, text: 2, type: 3, entityId: 4, canonical: 5 } as const;
const E_FLOAT = { confidence: 0, cluster: 1 } as const;
const Q_INT = {
  start: 0, end: 1, text: 2, speakerName: 3, speakerEntityId: 4, kind: 5, cueStart: 6, cueEnd: 7, mentionStart: 8, mentionEnd: 9,
} as const;
/** speakerCluster: NaN for null. */
const Q_FLOAT = { confidence: 0, speakerCluster: 1 } as const;
const E_INTS = 6, E_FLOATS = 2, Q_INTS = 10, Q_FLOATS = 2;

/** One table of rows: `count` rows, int columns then float columns, each column-major, base64 of the typed array's bytes. */
export interface PackedTable {
  count: number;
  ints: string;
  floats: string;
}

export interface PackedAnalysis {
  format: typeof PACKED_FORMAT;
  language: string;
  strings: string[];
  entities: PackedTable;
  quotes: PackedTable;
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

// ---------------------------------------------------------------- base64 of typed arrays

interface Base64Codec {
  toBase64?: () => string;
}
type FromBase64 = (s: string) => Uint8Array;

function toBase64(view: Int32Array | Float64Array): string {
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  const native = (bytes as Base64Codec).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** The bytes of a base64 string, or null when it is not valid base64. */
function fromBase64(s: string): Uint8Array | null {
  try {
    const native = (Uint8Array as unknown as { fromBase64?: FromBase64 }).fromBase64;
    if (typeof native === 'function') return native.call(Uint8Array, s);
    const bin = atob(s);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------- packing (background)

export function packAnalysis(a: TextAnalysis): PackedAnalysis {
  const table = new StringTable();
  const n = a.entities.length;
  const ei = new Int32Array(n * E_INTS);
  const ef = new Float64Array(n * E_FLOATS);
  a.entities.forEach((x, i) => {
    ei[E_INT.start * n + i] = x.start;
    ei[E_INT.end * n + i] = x.end;
    ei[E_INT.text * n + i] = table.of(x.text);
    ei[E_INT.type * n + i] = ENTITY_TYPES.indexOf(x.type);
    ei[E_INT.entityId * n + i] = table.ofNullable(x.entityId);
    ei[E_INT.canonical * n + i] = table.of(x.canonical);
    ef[E_FLOAT.confidence * n + i] = x.confidence;
    ef[E_FLOAT.cluster * n + i] = x.cluster;
  });
  const m = a.quotes.length;
  const qi = new Int32Array(m * Q_INTS);
  const qf = new Float64Array(m * Q_FLOATS);
  a.quotes.forEach((x, i) => {
    qi[Q_INT.start * m + i] = x.start;
    qi[Q_INT.end * m + i] = x.end;
    qi[Q_INT.text * m + i] = table.of(x.text);
    qi[Q_INT.speakerName * m + i] = x.speaker ? table.of(x.speaker.name) : NONE;
    qi[Q_INT.speakerEntityId * m + i] = x.speaker ? table.ofNullable(x.speaker.entityId) : NONE;
    qi[Q_INT.kind * m + i] = QUOTE_KINDS.indexOf(x.kind);
    qi[Q_INT.cueStart * m + i] = x.cue ? x.cue.start : NONE;
    qi[Q_INT.cueEnd * m + i] = x.cue ? x.cue.end : NONE;
    qi[Q_INT.mentionStart * m + i] = x.speakerMention ? x.speakerMention.start : NONE;
    qi[Q_INT.mentionEnd * m + i] = x.speakerMention ? x.speakerMention.end : NONE;
    qf[Q_FLOAT.confidence * m + i] = x.confidence;
    qf[Q_FLOAT.speakerCluster * m + i] = x.speakerCluster ?? Number.NaN;
  });
  return {
    format: PACKED_FORMAT, language: a.language, strings: table.strings,
    entities: { count: n, ints: toBase64(ei), floats: toBase64(ef) },
    quotes: { count: m, ints: toBase64(qi), floats: toBase64(qf) },
    concepts: a.concepts, topics: a.topics,
  };
}

// ---------------------------------------------------------------- checks (one loop per column)

type Rec = Record<string, unknown>;

function isRec(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

interface Columns { n: number; ints: Int32Array; floats: Float64Array }

/** Decoded once by the check, reused by unpackAnalysis (the message object is the key). */
const decoded = new WeakMap<object, Columns>();

function decodeTable(v: unknown, intCols: number, floatCols: number): Columns | null {
  if (!isRec(v)) return null;
  const known = decoded.get(v);
  if (known) return known;
  const n = v['count'];
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || typeof v['ints'] !== 'string' || typeof v['floats'] !== 'string') return null;
  const ib = fromBase64(v['ints']);
  const fb = fromBase64(v['floats']);
  if (!ib || !fb || ib.byteLength !== n * intCols * 4 || fb.byteLength !== n * floatCols * 8) return null;
  // Fresh buffers from the decoder start at offset 0, so they are aligned for both views.
  const cols = { n, ints: new Int32Array(ib.buffer, ib.byteOffset, n * intCols), floats: new Float64Array(fb.buffer, fb.byteOffset, n * floatCols) };
  decoded.set(v, cols);
  return cols;
}

/** Column c holds only values in [min, max]. */
function intsIn(c: Columns, col: number, min: number, max: number): boolean {
  const a = c.ints;
  for (let i = col * c.n, end = i + c.n; i < end; i++) {
    const x = a[i]!;
    if (x < min || x > max) return false;
  }
  return true;
}

function floatsFinite(c: Columns, col: number, nullable: boolean): boolean {
  const a = c.floats;
  for (let i = col * c.n, end = i + c.n; i < end; i++) {
    const x = a[i]!;
    if (!Number.isFinite(x) && !(nullable && Number.isNaN(x))) return false;
  }
  return true;
}

/** start/end columns of real spans (end ≥ start ≥ 0), or NONE in both where nullable. */
function spansOk(c: Columns, startCol: number, endCol: number, nullable: boolean): boolean {
  const a = c.ints;
  const s0 = startCol * c.n, e0 = endCol * c.n;
  for (let i = 0; i < c.n; i++) {
    const s = a[s0 + i]!, e = a[e0 + i]!;
    if (nullable && (s === NONE || e === NONE)) { if (s !== e) return false; continue; }
    if (s < 0 || e < s) return false;
  }
  return true;
}

function stringColumn(v: unknown): v is string[] {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
  return true;
}

function entitiesOk(c: Columns, strings: number): boolean {
  const s = strings - 1;
  return spansOk(c, E_INT.start, E_INT.end, false) && intsIn(c, E_INT.text, 0, s) && intsIn(c, E_INT.type, 0, ENTITY_TYPES.length - 1)
    && intsIn(c, E_INT.entityId, NONE, s) && intsIn(c, E_INT.canonical, 0, s)
    && floatsFinite(c, E_FLOAT.confidence, false) && floatsFinite(c, E_FLOAT.cluster, false);
}

function quotesOk(c: Columns, strings: number): boolean {
  const s = strings - 1;
  if (!(spansOk(c, Q_INT.start, Q_INT.end, false) && intsIn(c, Q_INT.text, 0, s)
    && intsIn(c, Q_INT.speakerName, NONE, s) && intsIn(c, Q_INT.speakerEntityId, NONE, s)
    && intsIn(c, Q_INT.kind, 0, QUOTE_KINDS.length - 1)
    && spansOk(c, Q_INT.cueStart, Q_INT.cueEnd, true) && spansOk(c, Q_INT.mentionStart, Q_INT.mentionEnd, true)
    && floatsFinite(c, Q_FLOAT.confidence, false) && floatsFinite(c, Q_FLOAT.speakerCluster, true))) return false;
  // An entity id without a speaker name cannot be unpacked into the object shape.
  const names = Q_INT.speakerName * c.n, ids = Q_INT.speakerEntityId * c.n;
  for (let i = 0; i < c.n; i++) if (c.ints[names + i] === NONE && c.ints[ids + i] !== NONE) return false;
  return true;
}

/**
 * The packed shape, checked column by column (every number and index, not
 * every object). Concepts and topics are checked by the caller's own guards.
 */
export function isPackedAnalysisShape(v: unknown): v is PackedAnalysis {
  if (!isRec(v) || v['format'] !== PACKED_FORMAT || typeof v['language'] !== 'string' || !stringColumn(v['strings'])) return false;
  const n = v['strings'].length;
  const e = decodeTable(v['entities'], E_INTS, E_FLOATS);
  const q = decodeTable(v['quotes'], Q_INTS, Q_FLOATS);
  return e !== null && q !== null && entitiesOk(e, n) && quotesOk(q, n) && Array.isArray(v['concepts']) && Array.isArray(v['topics']);
}

// ---------------------------------------------------------------- unpacking

function spanOrNull(start: number, end: number): Span | null {
  return start === NONE ? null : { start, end };
}

/** Back to the object shape everything else reads. Only for input that passed isPackedAnalysisShape. */
export function unpackAnalysis(p: PackedAnalysis): TextAnalysis {
  const str = p.strings;
  const e = decodeTable(p.entities, E_INTS, E_FLOATS);
  const q = decodeTable(p.quotes, Q_INTS, Q_FLOATS);
  if (!e || !q) throw new Error('Kontext: unpacking an analysis that did not pass its check');
  const n = e.n, ei = e.ints, ef = e.floats;
  const entities: EntityDetail[] = new Array<EntityDetail>(n);
  for (let i = 0; i < n; i++) {
    const id = ei[E_INT.entityId * n + i]!;
    entities[i] = {
      text: str[ei[E_INT.text * n + i]!]!, start: ei[E_INT.start * n + i]!, end: ei[E_INT.end * n + i]!, type: ENTITY_TYPES[ei[E_INT.type * n + i]!]!,
      // "+ 0": as over JSON, -0 arrives as 0.
      entityId: id === NONE ? null : str[id]!, confidence: ef[E_FLOAT.confidence * n + i]! + 0, cluster: ef[E_FLOAT.cluster * n + i]! + 0,
      canonical: str[ei[E_INT.canonical * n + i]!]!,
    };
  }
  const m = q.n, qi = q.ints, qf = q.floats;
  const at = (col: number, i: number): number => qi[col * m + i]!;
  const quotes: QuoteDetail[] = new Array<QuoteDetail>(m);
  for (let i = 0; i < m; i++) {
    const name = at(Q_INT.speakerName, i);
    const id = at(Q_INT.speakerEntityId, i);
    const cluster = qf[Q_FLOAT.speakerCluster * m + i]!;
    quotes[i] = {
      text: str[at(Q_INT.text, i)]!, start: at(Q_INT.start, i), end: at(Q_INT.end, i),
      speaker: name === NONE ? null : { name: str[name]!, entityId: id === NONE ? null : str[id]! },
      confidence: qf[Q_FLOAT.confidence * m + i]! + 0, kind: QUOTE_KINDS[at(Q_INT.kind, i)]!,
      cue: spanOrNull(at(Q_INT.cueStart, i), at(Q_INT.cueEnd, i)),
      speakerMention: spanOrNull(at(Q_INT.mentionStart, i), at(Q_INT.mentionEnd, i)),
      speakerCluster: Number.isNaN(cluster) ? null : cluster + 0,
    };
  }
  return { language: p.language, quotes, entities, concepts: p.concepts, topics: p.topics };
}
