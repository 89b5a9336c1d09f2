/**
 * Building a gazetteer at training time from annotated corpora (names as
 * they were annotated, first names, per-word entity priors) and from plain
 * name lists (countries). Only the training script calls this; the result
 * is serialized into the model file.
 */
import type { EntityType } from '../types.ts';
import { GAZ_FIRST, GAZ_LOC, GAZ_MISC, GAZ_ORG, GAZ_PER, Gazetteer, gazetteerKey } from './index.ts';

export interface AnnotatedSentence {
  words: string[];
  spans: ReadonlyArray<{ start: number; end: number; type: EntityType }>;
}

export const TYPE_FLAG: Record<EntityType, number> = { PER: GAZ_PER, LOC: GAZ_LOC, ORG: GAZ_ORG, MISC: GAZ_MISC };

export interface CorpusGazetteerOptions {
  /** Single-word names must be seen at least this often (noisy corpora tag some common nouns). */
  minSingleCount: number;
  /** Also derive per-word priors (only sensible for corpora in the model's own language). */
  priors: boolean;
}

/** Add names, first names and (optionally) word priors seen in annotated sentences. */
export function addCorpusNames(g: Gazetteer, sentences: readonly AnnotatedSentence[], opts: CorpusGazetteerOptions): void {
  const nameCounts = new Map<string, { words: string[]; counts: Map<EntityType, number> }>();
  const wordTotals = new Map<string, number>();
  const wordIn = new Map<string, Map<EntityType, number>>();
  for (const s of sentences) {
    if (opts.priors) for (const w of s.words) wordTotals.set(w.toLowerCase(), (wordTotals.get(w.toLowerCase()) ?? 0) + 1);
    for (const sp of s.spans) {
      const words = s.words.slice(sp.start, sp.end);
      if (!words.length || !/^\p{Lu}/u.test(words[0]!)) continue;
      const key = gazetteerKey(words);
      const e = nameCounts.get(key) ?? { words, counts: new Map<EntityType, number>() };
      e.counts.set(sp.type, (e.counts.get(sp.type) ?? 0) + 1);
      nameCounts.set(key, e);
      if (opts.priors) {
        for (const w of words) {
          const lw = w.toLowerCase();
          const m = wordIn.get(lw) ?? new Map<EntityType, number>();
          m.set(sp.type, (m.get(sp.type) ?? 0) + 1);
          wordIn.set(lw, m);
        }
      }
      if (sp.type === 'PER' && words.length >= 2 && /^\p{Lu}\p{Ll}+$/u.test(words[0]!)) g.add([words[0]!], GAZ_FIRST);
    }
  }
  for (const { words, counts } of nameCounts.values()) {
    let total = 0;
    for (const c of counts.values()) total += c;
    if (words.length === 1 && total < opts.minSingleCount) continue;
    let flags = 0;
    for (const [type, c] of counts) if (c / total >= 0.3) flags |= TYPE_FLAG[type];
    g.add(words, flags);
  }
  if (opts.priors) {
    // words seen often and never (or almost never) inside a name: mostly common nouns in German
    for (const [w, total] of wordTotals) {
      if (total < 3 || !/^\p{Ll}/u.test(w)) continue;
      let inside = 0;
      for (const c of wordIn.get(w)?.values() ?? []) inside += c;
      if (inside / total < 0.02) g.setPrior(w, total >= 10 ? 'OH' : 'OL');
    }
    for (const [w, m] of wordIn) {
      const total = wordTotals.get(w) ?? 0;
      if (total < 2) continue;
      let best: EntityType | null = null;
      let bestC = 0;
      for (const [t, c] of m) if (c > bestC) [best, bestC] = [t, c];
      if (!best) continue;
      const p = bestC / total;
      if (p >= 0.5) g.setPrior(w, `${best}H`);
      else if (p >= 0.15) g.setPrior(w, `${best}L`);
    }
  }
}

/** Add a plain list of names of one kind (e.g. country names). */
export function addNameList(g: Gazetteer, names: readonly string[], type: EntityType, tokenize: (s: string) => string[]): void {
  for (const n of names) {
    const words = tokenize(n);
    if (words.length) g.add(words, TYPE_FLAG[type]);
  }
}
