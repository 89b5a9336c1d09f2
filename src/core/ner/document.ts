/**
 * Document-level consistency. Within one article a name keeps one kind,
 * short forms refer back to the full name ("Kim" → "Kim Jong Un", "Moons"
 * → "Moon Jae In", "Trumps" → "Trump"), every mention of one real-world
 * thing shares a cluster, an entityId and a canonical name, and a name the
 * tagger found confidently once is also found where it repeats.
 */
import type { EntityDetail, EntityType, Lang } from '../types.ts';
import type { Token } from '../tokenize.ts';
import type { KnowledgeBase } from '../knowledge/index.ts';
import type { Gazetteer } from '../gazetteer/index.ts';
import { startsUpper } from '../knowledge/letter-case.ts';
import { isTitleWord } from '../roles.ts';
import { compassRest } from './compass.ts';
import { compatibleTypes, visibleText, type Mention } from './mentions.ts';

type DisplayNames = Pick<KnowledgeBase, 'displayName'>;

const S = 115;
const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019;

/** Genitive/possessive stem: "Trumps" → "trump", "Trump's" → "trump", "Jones'" → "jones". */
export function nameStem(word: string, lang: Lang): string {
  // character tests instead of three regexes: this runs for every capitalised word of the article
  const w = visibleText(word).toLowerCase();
  const n = w.length;
  if (n < 2) return w;
  const last = w.charCodeAt(n - 1);
  const prev = w.charCodeAt(n - 2);
  if (last === S && isApostrophe(prev)) return w.slice(0, -2);
  if (isApostrophe(last) && prev === S) return w.slice(0, -1);
  if (lang === 'de' && n > 3 && last === S && prev !== S) return w.slice(0, -1);
  return w;
}

/** Normalised words of a token array, computed on first use (most tokens are never looked at). */
function lazyWords(tokens: readonly Token[]): (k: number) => string {
  const words: Array<string | undefined> = new Array<string | undefined>(tokens.length);
  return (k) => (words[k] ??= visibleText(tokens[k]!.text));
}

const PRIORITY: Record<Mention['source'], number> = { model: 0, knowledge: 1, document: 2 };

/** Keep the best of overlapping mentions: model before pack before propagated, then confidence, then length. */
export function removeOverlaps(mentions: readonly Mention[]): Mention[] {
  const ranked = [...mentions].sort(
    (a, b) => PRIORITY[a.source] - PRIORITY[b.source] || b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  let maxEnd = 0;
  for (const m of mentions) {
    if (m.end <= m.start || m.start < 0 || !Number.isInteger(m.start) || !Number.isInteger(m.end)) return keepDisjointSorted(ranked);
    maxEnd = Math.max(maxEnd, m.end);
  }
  // Characters taken by kept mentions: a candidate is dropped when it shares one. Linear in the
  // text's length, where inserting into a sorted list grows with the square of the mention count.
  const taken = new Uint8Array(maxEnd);
  const kept: Mention[] = [];
  for (const m of ranked) {
    let free = true;
    for (let c = m.start; c < m.end && free; c++) if (taken[c]) free = false;
    if (!free) continue;
    taken.fill(1, m.start, m.end);
    kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** removeOverlaps for unusual spans (empty ones share no character but may still lie inside another). */
function keepDisjointSorted(ranked: readonly Mention[]): Mention[] {
  // kept mentions by start offset; a candidate can only overlap its neighbours in that order
  const kept: Mention[] = [];
  const starts: number[] = [];
  for (const m of ranked) {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < m.end) lo = mid + 1;
      else hi = mid;
    }
    // kept[lo - 1] is the last kept mention starting before m ends; kept ones do not overlap each other
    const before = kept[lo - 1];
    if (before && before.end > m.start) continue;
    kept.splice(lo, 0, m);
    starts.splice(lo, 0, m.start);
  }
  return kept;
}

const isCapitalised = startsUpper;

interface Registered {
  type: EntityType;
  confidence: number;
  entityId: string | null;
}

/**
 * Find repeats of confidently tagged names, and short forms (first or last
 * word) of multi-word person names, where the tagger left them out.
 */
export function propagateNames(tokens: readonly Token[], mentions: readonly Mention[], lang: Lang, gaz: Gazetteer | null): Mention[] {
  const wordAt = lazyWords(tokens);
  const registry = new Map<string, Registered>();
  let maxLen = 1;
  const register = (key: string, r: Registered): void => {
    const old = registry.get(key);
    if (!old || old.confidence < r.confidence) registry.set(key, r);
  };
  for (const m of mentions) {
    if (m.confidence < 0.6) continue;
    const ws: string[] = [];
    for (let k = Math.max(0, m.firstToken); k < Math.min(m.lastToken, tokens.length); k++) ws.push(wordAt(k));
    if (!ws.length || !isCapitalised(ws[0]!)) continue;
    const r = { type: m.type, confidence: m.confidence, entityId: m.entityId };
    const single = ws.length === 1;
    // a one-word name that is also a frequent common word is not repeated blindly
    if (single && gaz?.prior(ws[0]!)?.startsWith('O')) continue;
    register(ws.map((w) => nameStem(w, lang)).join(' '), r);
    maxLen = Math.max(maxLen, ws.length);
    // "Nordkorea", "Südkorea" → the region itself: "Korea(s)"; "North Korea" → "Korea".
    // A place without its compass part is still a place (Südtirol → Tirol, Ostdeutschland →
    // Deutschland), so the derived name keeps most of the confidence; it only fires on an
    // exact capitalised repeat that the tagger left out, and never on a frequent common word.
    if (m.type === 'LOC') {
      const joined = ws.join(' ');
      const rest = compassRest(joined);
      const bare = rest ? rest[0]!.toUpperCase() + rest.slice(1) : null;
      if (bare && bare.length >= 4 && !gaz?.prior(bare)?.startsWith('O')) register(nameStem(bare, lang), { ...r, entityId: null, confidence: r.confidence * 0.95 });
    }
    if (m.type === 'PER' && ws.length >= 2) {
      for (const part of [ws[0]!, ws[ws.length - 1]!]) {
        // "Lord" of "Lord Alli" or "Sir" of "Sir Keir" names nobody on its own (a last word does: Martin Luther King)
        if (part === ws[0] && isTitleWord(part.toLowerCase())) continue;
        if (part.length >= 3 && isCapitalised(part)) register(nameStem(part, lang), { ...r, confidence: r.confidence * 0.9 });
      }
    }
  }
  // longest registered name per first word, so most tokens cost one lookup
  const longestFrom = new Map<string, number>();
  for (const key of registry.keys()) {
    const parts = key.split(' ');
    if ((longestFrom.get(parts[0]!) ?? 0) < parts.length) longestFrom.set(parts[0]!, parts.length);
  }
  const covered = new Uint8Array(tokens.length);
  for (const m of mentions) covered.fill(1, m.firstToken, m.lastToken);
  const stemCache: Array<string | undefined> = new Array<string | undefined>(tokens.length);
  const stemAt = (k: number): string => (stemCache[k] ??= nameStem(wordAt(k), lang));
  const added: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i] || tokens[i]!.kind !== 'word' || !isCapitalised(wordAt(i))) continue;
    const longest = longestFrom.get(stemAt(i));
    if (longest === undefined) continue;
    for (let len = Math.min(longest, maxLen, tokens.length - i); len >= 1; len--) {
      let free = true;
      for (let k = i; k < i + len; k++) if (covered[k] || tokens[k]!.kind !== 'word') free = false;
      if (!free) continue;
      let key = stemAt(i);
      for (let k = i + 1; k < i + len; k++) key += ` ${stemAt(k)}`;
      const r = registry.get(key);
      if (!r) continue;
      const last = tokens[i + len - 1]!;
      let end = last.end;
      if (lang === 'en' && /['’]s$/.test(last.text)) end -= 2;
      added.push({
        start: tokens[i]!.start,
        end,
        firstToken: i,
        lastToken: i + len,
        type: r.type,
        confidence: Math.min(0.9, r.confidence * 0.9),
        entityId: r.entityId,
        source: 'document',
      });
      covered.fill(1, i, i + len);
      i += len - 1;
      break;
    }
  }
  return [...mentions, ...added].sort((a, b) => a.start - b.start);
}

/** Share of a cluster's best confidence that every mention of the cluster inherits. */
const CLUSTER_SUPPORT = 0.95;

/** Confidence above which the model's kind for a mention is not overruled by its namesakes. */
const SURE = 0.7;

class UnionFind {
  private parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]!]!;
      x = this.parent[x]!;
    }
    return x;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/**
 * Cluster mentions, give each cluster one kind (confidence-weighted vote;
 * the pack's kind counts as one confident vote), one entityId and one
 * canonical name.
 */
export function resolveClusters(text: string, tokens: readonly Token[], mentions: readonly Mention[], lang: Lang, kb: DisplayNames): EntityDetail[] {
  const ms = [...mentions].sort((a, b) => a.start - b.start);
  const uf = new UnionFind(ms.length);
  const stems = ms.map((m) => {
    const st: string[] = [];
    for (let k = Math.max(0, m.firstToken); k < Math.min(m.lastToken, tokens.length); k++) st.push(nameStem(tokens[k]!.text, lang));
    return st;
  });
  const byKey = new Map<string, { byType: Map<EntityType, number>; unsure: number; any: number }>();
  const byId = new Map<string, number>();
  ms.forEach((m, i) => {
    // the same name is one thing, unless the model is sure of two different kinds (Washington the man and the city)
    const key = stems[i]!.join(' ');
    let seen = byKey.get(key);
    if (!seen) byKey.set(key, (seen = { byType: new Map(), unsure: -1, any: i }));
    const same = seen.byType.get(m.type) ?? (seen.unsure >= 0 ? seen.unsure : m.confidence < SURE && seen.any !== i ? seen.any : undefined);
    if (same !== undefined) uf.union(same, i);
    if (!seen.byType.has(m.type)) seen.byType.set(m.type, i);
    if (seen.unsure < 0 && m.confidence < SURE) seen.unsure = i;
    if (m.entityId) {
      const j = byId.get(m.entityId);
      if (j === undefined) byId.set(m.entityId, i);
      else uf.union(j, i);
    }
  });
  // one-word mentions that are the first or last word of a multi-word person name: the nearest such name, earlier ones first
  const fullNames = new Map<string, number[]>();
  ms.forEach((p, j) => {
    const ps = stems[j]!;
    if (p.type !== 'PER' || ps.length < 2) return;
    for (const w of new Set([ps[0]!, ps[ps.length - 1]!])) {
      const list = fullNames.get(w);
      if (list) list.push(j);
      else fullNames.set(w, [j]);
    }
  });
  ms.forEach((m, i) => {
    if (stems[i]!.length !== 1 || (m.type !== 'PER' && m.confidence >= SURE)) return;
    const list = fullNames.get(stems[i]![0]!);
    if (!list) return;
    // lists are in text order: the last full name before the mention, else the first after it
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ms[list[mid]!]!.start < m.start) lo = mid + 1;
      else hi = mid;
    }
    uf.union(list[lo > 0 ? lo - 1 : 0]!, i);
  });
  const clusters = new Map<number, number[]>();
  ms.forEach((_, i) => {
    const r = uf.find(i);
    const list = clusters.get(r) ?? [];
    list.push(i);
    clusters.set(r, list);
  });
  const out: EntityDetail[] = [];
  let clusterNo = 0;
  const roots = [...clusters.keys()].sort((a, b) => ms[a]!.start - ms[b]!.start);
  for (const root of roots) {
    const members = clusters.get(root)!;
    const votes = new Map<EntityType, number>();
    const ids = new Map<string, number>();
    for (const i of members) {
      const m = ms[i]!;
      const weight = m.source === 'knowledge' ? 1 : m.source === 'document' ? 0.5 * m.confidence : m.confidence;
      votes.set(m.type, (votes.get(m.type) ?? 0) + weight);
      if (m.entityId) ids.set(m.entityId, (ids.get(m.entityId) ?? 0) + 1);
    }
    let type: EntityType = ms[members[0]!]!.type;
    let best = -1;
    for (const [t, v] of votes) if (v > best) [type, best] = [t, v];
    let entityId: string | null = null;
    let bestN = 0;
    for (const [id, n] of ids) {
      const typed = members.some((i) => ms[i]!.entityId === id && compatibleTypes(ms[i]!.type, type));
      if (typed && n > bestN) [entityId, bestN] = [id, n];
    }
    const canonical = (entityId ? kb.displayName(entityId, lang) : null) ?? canonicalName(text, members.map((i) => ms[i]!), stems, members);
    // a mention is as credible as its cluster's best evidence, slightly discounted
    let clusterBest = 0;
    for (const i of members) clusterBest = Math.max(clusterBest, ms[i]!.confidence);
    for (const i of members) {
      const m = ms[i]!;
      out.push({
        text: text.slice(m.start, m.end),
        start: m.start,
        end: m.end,
        type,
        entityId,
        confidence: Math.round(Math.max(m.confidence, clusterBest * CLUSTER_SUPPORT) * 1000) / 1000,
        cluster: clusterNo,
        canonical,
      });
    }
    clusterNo++;
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The most complete name: most words, then the most frequent spelling, then the shortest (base form before genitive). */
function canonicalName(text: string, members: readonly Mention[], stems: readonly string[][], idx: readonly number[]): string {
  const freq = new Map<string, number>();
  for (const m of members) {
    const s = text.slice(m.start, m.end);
    freq.set(s, (freq.get(s) ?? 0) + 1);
  }
  let best = '';
  let bestKey: [number, number, number] = [-1, -1, 0];
  members.forEach((m, k) => {
    const s = text.slice(m.start, m.end);
    const key: [number, number, number] = [stems[idx[k]!]!.length, freq.get(s)!, -s.length];
    if (key[0] > bestKey[0] || (key[0] === bestKey[0] && (key[1] > bestKey[1] || (key[1] === bestKey[1] && key[2] > bestKey[2])))) {
      best = s;
      bestKey = key;
    }
  });
  return withoutGenitive(best, freq);
}

/**
 * "Angela Merkels" → "Angela Merkel" when the article also has the last word without its
 * genitive -s ("Merkel"): the longest mention is often a possessive one. Without such
 * evidence the name stays as written ("Hans Klaus", "Paris").
 */
function withoutGenitive(name: string, surfaces: ReadonlyMap<string, number>): string {
  const cut = name.lastIndexOf(' ') + 1;
  const last = name.slice(cut);
  if (last.length < 4 || !last.endsWith('s')) return name;
  const bare = last.slice(0, -1);
  for (const s of surfaces.keys()) if (s === bare || s.endsWith(` ${bare}`)) return name.slice(0, cut) + bare;
  return name;
}
