/**
 * Readers for the training and evaluation corpora (pure: text in,
 * sentences out; the scripts do the file reading). Every corpus becomes the
 * same shape: words plus typed token spans, outer level only.
 *
 * - GermEval 2014 TSV: column 3 is the outer level; OTH becomes MISC;
 *   -deriv and -part tags ("nordkoreanische", "US-Präsident") count as O.
 * - Two-column CoNLL (token TAB tag), as in german-ner-extra.
 * - GUM JSON lines: raw text with character offsets, tokenized here with
 *   the product's own tokenizer so training sees what tagging will see.
 */
import type { EntityType } from '../types.ts';
import { tokenize, normalizeToken } from '../tokenize.ts';
import type { TokenSpan } from './tags.ts';

export interface CorpusSentence {
  words: string[];
  spans: TokenSpan[];
  /** Source document id, for document-level splits. */
  doc?: string;
}

function mapType(t: string): EntityType | null {
  if (t === 'PER' || t === 'LOC' || t === 'ORG') return t;
  if (t === 'OTH' || t === 'MISC') return 'MISC';
  return null;
}

/** BIO tags (strings) to spans; unknown types and suffixed types (LOCderiv, ORGpart) are O. */
export function spansFromBio(tags: readonly string[]): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let cur: TokenSpan | null = null;
  tags.forEach((tag, i) => {
    const m = /^([BI])-(.+)$/.exec(tag);
    const type = m ? mapType(m[2]!) : null;
    if (!m || type === null) {
      if (cur) spans.push(cur);
      cur = null;
      return;
    }
    if (m[1] === 'I' && cur && cur.type === type) {
      cur.end = i + 1;
      return;
    }
    if (cur) spans.push(cur);
    cur = { start: i, end: i + 1, type };
  });
  if (cur) spans.push(cur);
  return spans;
}

export function parseGermEval(text: string): CorpusSentence[] {
  const out: CorpusSentence[] = [];
  let words: string[] = [];
  let tags: string[] = [];
  let doc = '';
  const flush = (): void => {
    if (words.length) out.push({ words, spans: spansFromBio(tags), doc });
    words = [];
    tags = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) {
      flush();
      doc = line.split('\t')[1] ?? '';
      continue;
    }
    const cols = line.split('\t');
    if (cols.length < 3 || line.trim() === '') {
      flush();
      continue;
    }
    words.push(cols[1]!);
    tags.push(cols[2]!);
  }
  flush();
  return out;
}

export function parseConll2(text: string): CorpusSentence[] {
  const out: CorpusSentence[] = [];
  let words: string[] = [];
  let tags: string[] = [];
  const flush = (): void => {
    if (words.length) out.push({ words, spans: spansFromBio(tags) });
    words = [];
    tags = [];
  };
  for (const line of text.split('\n')) {
    const cols = line.split('\t');
    if (line.trim() === '' || cols.length < 2) {
      flush();
      continue;
    }
    words.push(cols[0]!);
    tags.push(cols[cols.length - 1]!.trim());
  }
  flush();
  return out;
}

interface GumEntity {
  start: number;
  end: number;
  type: string;
}

interface GumDoc {
  id: string;
  text: string;
  entities: GumEntity[];
  sentences: Array<[number, number]>;
}

function isGumDoc(x: unknown): x is GumDoc {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  return typeof o['text'] === 'string' && Array.isArray(o['entities']) && Array.isArray(o['sentences']);
}

/** One GUM document (a JSON line) as sentences of product tokens. */
export function parseGumDoc(line: string): CorpusSentence[] {
  const parsed: unknown = JSON.parse(line);
  if (!isGumDoc(parsed)) throw new Error('not a GUM document');
  const d = parsed;
  const tokens = tokenize(d.text);
  const out: CorpusSentence[] = [];
  let ti = 0;
  for (const [ss, se] of d.sentences) {
    while (ti < tokens.length && tokens[ti]!.end <= ss) ti++;
    const first = ti;
    while (ti < tokens.length && tokens[ti]!.start < se) ti++;
    const toks = tokens.slice(first, ti);
    if (!toks.length) continue;
    const taken = new Array<boolean>(toks.length).fill(false);
    const spans: TokenSpan[] = [];
    const ents = d.entities
      .filter((e) => e.start < se && e.end > ss)
      .sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    for (const e of ents) {
      const type = mapType(e.type);
      if (!type) continue;
      let a = -1;
      let b = -1;
      toks.forEach((t, k) => {
        if (t.start < e.end && t.end > e.start) {
          if (a < 0) a = k;
          b = k + 1;
        }
      });
      if (a < 0) continue;
      let free = true;
      for (let k = a; k < b; k++) if (taken[k]) free = false;
      if (!free) continue;
      for (let k = a; k < b; k++) taken[k] = true;
      spans.push({ start: a, end: b, type });
    }
    spans.sort((x, y) => x.start - y.start);
    out.push({ words: toks.map((t) => normalizeToken(t.text)), spans, doc: d.id });
  }
  return out;
}
