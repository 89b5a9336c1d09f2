/**
 * Does an article belong to a pack's topic? Each known entity the article
 * names adds its weight, more for repeated mentions (logarithmically) and
 * for mentions in the title or lead; long texts are damped so that a
 * passing mention in a long piece does not drag it in. An article matches
 * when the raw score reaches the pack's threshold and it names enough core
 * entities (weight >= 2), mentioned often enough (one sentence on North Korea
 * in a trade-war story is not a Korea story) — Trump and the USA alone do
 * not make a Korea story either. Missing core evidence also scales the score down.
 * The reported score is raw / (raw + threshold): 0.5 at the threshold.
 */
import type { Concept, EntityDetail, Lang, TopicMatch } from '../types.ts';
import { entityWeight, type Mention, type PackIndex } from './mentions.ts';

export interface TopicEvidenceInput {
  text: string;
  title: string | null;
  lang: Lang;
  entities: readonly EntityDetail[];
  concepts: readonly Concept[];
  /** Mentions the knowledge base found itself in text and title. */
  mentions: readonly Mention[];
  titleMentions: readonly Mention[];
}

interface Tally {
  count: number;
  boost: number;
  factor: number;
}

export function scoreTopics(index: PackIndex, input: TopicEvidenceInput): TopicMatch[] {
  const perPack = new Map<string, Map<string, Tally>>();
  const note = (entityId: string, start: number, factor: number, inTitle: boolean): void => {
    const known = index.byId.get(entityId);
    if (known === undefined) return;
    const { topic } = known.pack;
    let tallies = perPack.get(known.pack.id);
    if (tallies === undefined) {
      tallies = new Map();
      perPack.set(known.pack.id, tallies);
    }
    const boost = inTitle ? topic.titleBoost : start < topic.leadChars ? topic.leadBoost : 1;
    const t = tallies.get(entityId);
    if (t === undefined) tallies.set(entityId, { count: 1, boost, factor });
    else {
      t.count++;
      t.boost = Math.max(t.boost, boost);
      t.factor = Math.max(t.factor, factor);
    }
  };
  // Each span counts once, whoever found it: the tagger's linked entities, the concepts, or our own scan.
  const seen = new Set<string>();
  const take = (entityId: string | null, start: number, end: number, factor: number): void => {
    if (entityId === null) return;
    const key = `${start}:${end}:${entityId}`;
    if (seen.has(key)) return;
    seen.add(key);
    note(entityId, start, factor, false);
  };
  for (const e of input.entities) take(e.entityId, e.start, e.end, 1);
  for (const c of input.concepts) take(c.entityId, c.start, c.end, 1);
  for (const m of input.mentions) take(m.entityId, m.start, m.end, m.kind === 'adjective' ? 0.5 : 1);
  const titleSeen = new Set<string>();
  for (const m of input.titleMentions) {
    if (titleSeen.has(m.entityId)) continue;
    titleSeen.add(m.entityId);
    note(m.entityId, 0, m.kind === 'adjective' ? 0.5 : 1, true);
  }

  const damping = Math.max(1, Math.sqrt(input.text.length / 4000));
  const results: TopicMatch[] = [];
  for (const pack of index.packs) {
    const tallies = perPack.get(pack.id) ?? new Map<string, Tally>();
    const contributions: { id: string; value: number }[] = [];
    let core = 0;
    let coreMentions = 0;
    for (const [id, t] of tallies) {
      const known = index.byId.get(id);
      if (known === undefined) continue;
      const w = entityWeight(known);
      if (w >= 2 && t.factor === 1) {
        core++;
        coreMentions += t.count;
      }
      const value = w * t.factor * (1 + Math.log2(t.count)) * t.boost;
      if (value > 0) contributions.push({ id, value });
    }
    // Without enough core evidence the score is scaled down, so that score >= 0.5 always means "matched".
    const { minCore, minCoreMentions, threshold } = pack.topic;
    const coreFactor = Math.min(1, (core + 1) / (minCore + 1), (coreMentions + 1) / (minCoreMentions + 1));
    const raw = (contributions.reduce((s, c) => s + c.value, 0) / damping) * coreFactor;
    const matched = raw >= threshold && core >= minCore && coreMentions >= minCoreMentions;
    contributions.sort((a, b) => b.value - a.value);
    const evidence = contributions.slice(0, 6).map((c) => index.byId.get(c.id)?.entity.name[input.lang] ?? c.id);
        const score = Math.round((raw / (raw + threshold)) * 1000) / 1000;
    results.push({ id: pack.id, score: matched ? Math.max(score, 0.5) : Math.min(score, 0.499), matched, evidence });
  }
  return results.sort((a, b) => b.score - a.score);
}
