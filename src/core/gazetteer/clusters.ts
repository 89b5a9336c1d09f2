/**
 * Word classes learnt from unannotated text, a cheap stand-in for Brown
 * clusters or embeddings: each frequent word is described by the frequent
 * words seen right before and after it, and k-means groups words with
 * similar neighbourhoods ("Montag", "Dienstag" …; "sagte", "erklärte" …;
 * surnames; town names). The tagger uses the class of a word and of its
 * neighbours as features, which helps on names it never saw annotated.
 * Deterministic: no randomness in initialisation or iteration order.
 */

export interface ClusterOptions {
  /** Words seen fewer times get no class. */
  minCount: number;
  /** Number of context words per side. */
  contexts: number;
  /** Class counts, one clustering per granularity. */
  ks: readonly number[];
  iterations: number;
}

interface SparseVec {
  idx: Int32Array;
  val: Float32Array;
}

function kmeans(vecs: readonly SparseVec[], dim: number, k: number, iterations: number): Int32Array {
  const n = vecs.length;
  const assign = new Int32Array(n);
  const cent = new Float32Array(k * dim);
  // deterministic initialisation: evenly spaced through the frequency-sorted vocabulary
  for (let c = 0; c < k; c++) {
    const v = vecs[Math.floor((c * n) / k)]!;
    for (let j = 0; j < v.idx.length; j++) cent[c * dim + v.idx[j]!] = v.val[j]!;
  }
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) {
      const v = vecs[i]!;
      let best = 0;
      let bestS = -Infinity;
      for (let c = 0; c < k; c++) {
        let s = 0;
        const base = c * dim;
        for (let j = 0; j < v.idx.length; j++) s += cent[base + v.idx[j]!]! * v.val[j]!;
        if (s > bestS) [best, bestS] = [c, s];
      }
      assign[i] = best;
    }
    cent.fill(0);
    for (let i = 0; i < n; i++) {
      const v = vecs[i]!;
      const base = assign[i]! * dim;
      for (let j = 0; j < v.idx.length; j++) cent[base + v.idx[j]!]! += v.val[j]!;
    }
    // spherical k-means: unit-length centroids
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < dim; d++) norm += cent[c * dim + d]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dim; d++) cent[c * dim + d]! /= norm;
    }
  }
  return assign;
}

/** Word (lowercased) → class ids, one per granularity, joined by ".". */
export function buildClusters(sentences: readonly (readonly string[])[], opts: ClusterOptions): Map<string, string> {
  const freq = new Map<string, number>();
  for (const s of sentences) for (const w of s) freq.set(w.toLowerCase(), (freq.get(w.toLowerCase()) ?? 0) + 1);
  const byFreq = [...freq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const ctxIndex = new Map<string, number>();
  byFreq.slice(0, opts.contexts).forEach(([w], i) => ctxIndex.set(w, i));
  const vocab = byFreq.filter(([, c]) => c >= opts.minCount).map(([w]) => w);
  const vocabIndex = new Map(vocab.map((w, i) => [w, i]));
  const counts: Array<Map<number, number>> = vocab.map(() => new Map());
  const dim = opts.contexts * 2 + 4;
  for (const s of sentences) {
    const lower = s.map((w) => w.toLowerCase());
    lower.forEach((w, i) => {
      const vi = vocabIndex.get(w);
      if (vi === undefined) return;
      const m = counts[vi]!;
      const left = i > 0 ? ctxIndex.get(lower[i - 1]!) : undefined;
      const right = i < lower.length - 1 ? ctxIndex.get(lower[i + 1]!) : undefined;
      // rare neighbours and sentence edges get shared slots
      const l = left ?? (i === 0 ? opts.contexts * 2 : opts.contexts * 2 + 1);
      const r = right !== undefined ? opts.contexts + right : i === lower.length - 1 ? opts.contexts * 2 + 2 : opts.contexts * 2 + 3;
      m.set(l, (m.get(l) ?? 0) + 1);
      m.set(r, (m.get(r) ?? 0) + 1);
    });
  }
  const vecs: SparseVec[] = counts.map((m) => {
    const entries = [...m].sort((a, b) => a[0] - b[0]);
    const val = Float32Array.from(entries, ([, c]) => Math.sqrt(c));
    let norm = 0;
    for (const x of val) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < val.length; j++) val[j]! /= norm;
    return { idx: Int32Array.from(entries, ([d]) => d), val };
  });
  const assignments = opts.ks.map((k) => kmeans(vecs, dim, Math.min(k, vecs.length), opts.iterations));
  const out = new Map<string, string>();
  vocab.forEach((w, i) => out.set(w, assignments.map((a) => a[i]!.toString(36)).join('.')));
  return out;
}
