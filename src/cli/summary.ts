/**
 * The readable summary `kontext analyze` prints by default: metadata, then
 * quotes grouped by speaker, entities grouped by kind with mention counts,
 * concepts and topics. Page text is flattened to printable single lines so
 * a hostile page cannot inject terminal escape sequences.
 */
import type { AnalysisResult, EntityType } from '../core/types.ts';
import { oneLine } from './errors.ts';

const KIND_LABEL: Record<EntityType, string> = { PER: 'People', LOC: 'Places', ORG: 'Organisations', MISC: 'Other' };
const QUOTE_WIDTH = 160;

function clean(s: string, max = 200): string {
  return oneLine(s, max);
}

/** Distinct values with counts, most frequent first, ties in order of first appearance; labelled by their longest form ("Kim Jong Un", not "Kim"). */
function countByKey<T>(items: readonly T[], key: (t: T) => string, label: (t: T) => string): Array<{ label: string; count: number }> {
  const map = new Map<string, { label: string; count: number }>();
  for (const it of items) {
    const k = key(it);
    const e = map.get(k);
    if (e) {
      e.count++;
      const l = label(it);
      if (l.length > e.label.length) e.label = l;
    } else map.set(k, { label: label(it), count: 1 });
  }
  return [...map.values()].sort((a, b) => b.count - a.count);
}

function listWithCounts(entries: Array<{ label: string; count: number }>): string {
  return entries.map((e) => (e.count > 1 ? `${clean(e.label, 80)} ×${e.count}` : clean(e.label, 80))).join(', ');
}

export function formatSummary(r: AnalysisResult, file: string | null): string {
  const out: string[] = [];
  if (file) out.push(`== ${clean(file)}`);
  if (r.url) out.push(`URL:        ${clean(r.url)}`);
  const a = r.article;
  if (!a) {
    out.push('No article found on this page (nothing to analyse).');
    return out.join('\n') + '\n';
  }
  const field = (name: string, v: string | null): void => {
    out.push(`${(name + ':').padEnd(11)} ${v ? clean(v) : '–'}`);
  };
  field('Title', a.title);
  field('Byline', a.byline);
  field('Published', a.published);
  field('Language', a.language);
  field('Agencies', a.agencies.length ? a.agencies.join(', ') : null);
  field('Dateline', a.dateline);
  const words = a.text.split(/\s+/).filter(Boolean).length;
  out.push(`Text:       ${words} words, ${a.text.split(/\n\n/).length} paragraphs`);

  out.push('', `Quotes (${r.quotes.length})`);
  const bySpeaker = new Map<string, string[]>();
  for (const q of r.quotes) {
    const who = q.speaker ? q.speaker.name : '(no speaker found)';
    const list = bySpeaker.get(who) ?? [];
    list.push(q.text);
    bySpeaker.set(who, list);
  }
  for (const [who, quotes] of bySpeaker) {
    out.push(`  ${clean(who, 80)} (${quotes.length})`);
    for (const q of quotes) out.push(`    “${clean(q, QUOTE_WIDTH)}”`);
  }

  out.push('', `Entities (${r.entities.length} mentions)`);
  for (const type of ['PER', 'LOC', 'ORG', 'MISC'] as const) {
    const of = r.entities.filter((e) => e.type === type);
    if (of.length === 0) continue;
    const counted = countByKey(of, (e) => e.entityId ?? `text:${e.text.toLowerCase()}`, (e) => e.text);
    out.push(`  ${(KIND_LABEL[type] + ':').padEnd(15)} ${listWithCounts(counted)}`);
  }

  const concepts = countByKey(r.concepts, (c) => c.entityId, (c) => c.text);
  out.push('', `Concepts:   ${concepts.length ? listWithCounts(concepts) : '–'}`);
  const topics = r.topics.map((t) => `${clean(t.id, 60)} (${t.score.toFixed(2)})`);
  out.push(`Topics:     ${topics.length ? topics.join(', ') : '–'}`);
  return out.join('\n') + '\n';
}
