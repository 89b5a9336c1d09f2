/**
 * The Korea-talks pack against the fact sheet it was written from
 * (../shared/knowledge/korea-talks-facts.json): every entity, timeline
 * entry, key issue and recorded disagreement is present, under the fact
 * sheet's ids and with its sources, and the prose is our own (no run of
 * ten words copied). Skips, saying so, where ../shared is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PACKS } from '../../knowledge/index.ts';

const FACTS = fileURLToPath(new URL('../../../../shared/knowledge/korea-talks-facts.json', import.meta.url));
const present = existsSync(FACTS);
if (!present) console.warn(`pack-completeness: skipped, ${FACTS} not found (../shared absent)`);

interface Facts {
  entities: { id: string; type: string; wikidata_qid: string | null; source: string[]; description: { de: string; en: string } }[];
  timeline: { date: string; source: string[]; summary: { de: string; en: string } }[];
  key_issues: { id: string; source: string[]; explainer: { de: string; en: string } }[];
  source_disagreements: { sources: string[] }[];
}

const pack = PACKS.find((p) => p.id === 'korea-talks');

function shingles(text: string, n: number): Set<string> {
  const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const out = new Set<string>();
  for (let i = 0; i + n <= words.length; i++) out.add(words.slice(i, i + n).join(' '));
  return out;
}

describe.skipIf(!present)('korea-talks pack covers the fact sheet', () => {
  const facts = present ? (JSON.parse(readFileSync(FACTS, 'utf8')) as Facts) : null;

  it('has the pack', () => {
    expect(pack).toBeDefined();
  });

  it('every entity, with its type, Wikidata id and sources', () => {
    const byId = new Map(pack!.entities.map((e) => [e.id, e]));
    for (const f of facts!.entities) {
      const e = byId.get(f.id);
      expect(e, f.id).toBeDefined();
      expect(e!.type, f.id).toBe(f.type);
      expect(e!.wikidata, f.id).toBe(f.wikidata_qid);
      for (const s of f.source) expect(e!.sources, f.id).toContain(s);
    }
  });

  it('every timeline entry (same dates) and key issue, with sources', () => {
    const dates = pack!.timeline.map((t) => t.date);
    expect(dates).toEqual(facts!.timeline.map((t) => t.date));
    facts!.timeline.forEach((t, i) => {
      for (const s of t.source) expect(pack!.timeline[i]!.sources).toContain(s);
    });
    for (const k of facts!.key_issues) {
      const mine = pack!.keyIssues.find((x) => x.id === k.id);
      expect(mine, k.id).toBeDefined();
      for (const s of k.source) expect(mine!.sources).toContain(s);
    }
  });

  it('every recorded disagreement between sources', () => {
    expect(pack!.disagreements.length).toBeGreaterThanOrEqual(facts!.source_disagreements.length);
    facts!.source_disagreements.forEach((d, i) => {
      for (const s of d.sources.filter((x) => x.startsWith('http'))) expect(pack!.disagreements[i]!.sources).toContain(s);
    });
  });

  it('prose is written anew, not copied (no ten-word run shared with the fact sheet)', () => {
    const theirs = new Set<string>();
    const add = (t: string): void => shingles(t, 10).forEach((s) => theirs.add(s));
    for (const e of facts!.entities) (add(e.description.de), add(e.description.en));
    for (const t of facts!.timeline) (add(t.summary.de), add(t.summary.en));
    for (const k of facts!.key_issues) (add(k.explainer.de), add(k.explainer.en));
    const ours = [
      ...pack!.entities.flatMap((e) => [e.description.de, e.description.en]),
      ...pack!.timeline.flatMap((t) => [t.text.de, t.text.en]),
      ...pack!.keyIssues.flatMap((k) => [k.text.de, k.text.en]),
    ];
    const copied = ours.flatMap((t) => [...shingles(t, 10)].filter((s) => theirs.has(s)));
    expect(copied).toEqual([]);
  });
});

describe('korea-talks pack: every fact carries a source', () => {
  it('entities, timeline, key issues and disagreements', () => {
    const all = [...pack!.entities, ...pack!.timeline, ...pack!.keyIssues, ...pack!.disagreements];
    const without = all.filter((x) => x.sources.length === 0).map((x) => x.id);
    expect(without).toEqual([]);
  });
});
