/**
 * Exact-span precision, recall and F1 per entity type and overall (a
 * mention counts only when its boundaries and its type both match).
 */
import type { EntityType } from '../types.ts';
import { ENTITY_TYPES } from './tags.ts';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores extends Counts {
  p: number;
  r: number;
  f1: number;
}

export type ScoreTable = Record<EntityType | 'ALL', Counts>;

export function emptyTable(): ScoreTable {
  return { PER: { tp: 0, fp: 0, fn: 0 }, LOC: { tp: 0, fp: 0, fn: 0 }, ORG: { tp: 0, fp: 0, fn: 0 }, MISC: { tp: 0, fp: 0, fn: 0 }, ALL: { tp: 0, fp: 0, fn: 0 } };
}

interface TypedSpan {
  start: number;
  end: number;
  type: EntityType;
}

/** Add one unit (sentence or document) of gold and predicted spans to the table. */
export function addCounts(table: ScoreTable, gold: readonly TypedSpan[], pred: readonly TypedSpan[], types: readonly EntityType[] = ENTITY_TYPES): void {
  const key = (s: TypedSpan): string => `${s.start}:${s.end}:${s.type}`;
  const g = new Set(gold.filter((s) => types.includes(s.type)).map(key));
  const p = pred.filter((s) => types.includes(s.type));
  const seen = new Set<string>();
  for (const s of p) {
    const k = key(s);
    if (seen.has(k)) continue;
    seen.add(k);
    const hit = g.has(k);
    table[s.type][hit ? 'tp' : 'fp']++;
    table.ALL[hit ? 'tp' : 'fp']++;
  }
  for (const k of g) {
    if (!seen.has(k)) {
      const type = k.split(':')[2] as EntityType;
      table[type].fn++;
      table.ALL.fn++;
    }
  }
}

export function scores(c: Counts): Scores {
  const p = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const r = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { ...c, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

export function mergeTables(a: ScoreTable, b: ScoreTable): ScoreTable {
  const out = emptyTable();
  for (const k of Object.keys(out) as Array<keyof ScoreTable>) {
    out[k] = { tp: a[k].tp + b[k].tp, fp: a[k].fp + b[k].fp, fn: a[k].fn + b[k].fn };
  }
  return out;
}

/** Printable table: one row per type and overall. */
export function formatTable(title: string, t: ScoreTable, types: readonly EntityType[] = ENTITY_TYPES): string {
  const rows = [title, 'type     P       R       F1      tp     fp     fn'];
  const line = (name: string, c: Counts): string => {
    const s = scores(c);
    return `${name.padEnd(8)} ${s.p.toFixed(4)}  ${s.r.toFixed(4)}  ${s.f1.toFixed(4)}  ${String(c.tp).padStart(5)}  ${String(c.fp).padStart(5)}  ${String(c.fn).padStart(5)}`;
  };
  for (const ty of types) rows.push(line(ty, t[ty]));
  rows.push(line('overall', t.ALL));
  return rows.join('\n');
}
