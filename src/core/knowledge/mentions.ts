/**
 * Finds what the packs know in a text and decides which entity each find
 * refers to. Built once per KnowledgeBase (two tries over all packs), then
 * one scan per text. Resolution is where context comes in:
 * - short names (Kim, Moon) count only with a full name or the topic nearby;
 * - refs can be tied to a period (a role noun means whoever held the role
 *   when the article was written) or to other entities being named
 *   ("Ex-Anwalt" is Cohen in a Trump story of 2019);
 * - common words (Sanktionen) count only in a text that is about the topic.
 */
import type { Lang } from '../types.ts';
import type { Token } from '../tokenize.ts';
import { AliasTrie, GAP, foldWord, stemWord, type TrieHit } from './alias-trie.ts';
import { scanWords } from './word-scan.ts';
import { allLower, capitalisedRest } from './letter-case.ts';
import { articleDay, dayNumber } from './dates.ts';
import type { KnowledgePack, PackEntity, PackRef } from './pack-types.ts';

export type MentionKind = 'name' | 'short' | 'descriptor' | 'adjective' | 'term';

export interface Mention {
  start: number;
  end: number;
  entityId: string;
  packId: string;
  kind: MentionKind;
  /** The alias as written in the pack. */
  alias: string;
}

export interface Known {
  entity: PackEntity;
  pack: KnowledgePack;
}

interface NamePayload extends Known {
  short: boolean;
}

interface RefPayload extends Known {
  kind: 'descriptor' | 'adjective' | 'term';
  lang: Lang;
  ref: PackRef | null;
}

/** Split an alias like the tokenizer splits text, keeping "…" as a gap marker. */
function splitAlias(alias: string): string[] {
  const out: string[] = [];
  alias.split(GAP).forEach((part, i) => {
    if (i > 0) out.push(GAP);
    for (const t of scanWords(part)) out.push(t.text);
  });
  return out;
}

/** Titles that may stand before a bare surname in English ("President Moon", "Chairman Kim"). */
const EN_TITLES = new Set(['president', 'chairman', 'leader', 'mr', 'mrs', 'ms', 'dr', 'secretary', 'minister', 'general', 'marshal', 'supreme', 'premier', 'prime', 'ambassador', 'envoy', 'senator', 'sen', 'rep', 'governor', 'vice', 'press']);

/** /^\p{Lu}\p{Ll}+-\p{Ll}+$/u ("Min-jae"), without compiling a Unicode regex in a fresh engine. */
function koreanGivenName(s: string): boolean {
  const dash = s.indexOf('-');
  return dash > 0 && capitalisedRest(s, 0, dash) && allLower(s.slice(dash + 1), 1);
}
const SENTENCE_END = new Set(['.', '!', '?', ':', ';']);

function capitalisedWord(t: Token | undefined): boolean {
  if (t === undefined || t.kind !== 'word') return false;
  const c = t.text.charAt(0);
  return c !== c.toLowerCase();
}

/**
 * Is the name at tokens [first, last) part of a longer name of someone else?
 * A capitalised word right after it ("Kim Yong-hyun") says so (in German
 * only if it looks like a Korean given name); a capitalised word right before it ("Stella Kim") only in
 * English, where nouns are not capitalised, and only if it is not a title
 * or the first word of a sentence.
 */
function partOfOtherName(tokens: readonly Token[], first: number, last: number, lang: Lang): boolean {
  const next = tokens[last];
  if (capitalisedWord(next) && next !== undefined) {
    // German capitalises nouns ("Moons Büro"), so there only a Korean-style given name ("Min-jae") counts
    if (lang === 'en' || koreanGivenName(next.text)) return true;
  }
  if (lang !== 'en') return false;
  const prev = tokens[first - 1];
  if (!capitalisedWord(prev) || prev === undefined) return false;
  if (EN_TITLES.has(prev.text.toLowerCase().replace(/\.$/, ''))) return false;
  const before = tokens[first - 2];
  return before !== undefined && !(before.kind === 'punct' && SENTENCE_END.has(before.text)) && before.kind !== 'quote';
}

/** A text's trie matches, before resolution (see PackIndex.hitsIn). */
interface TextHits {
  text: string;
  lang: Lang;
  tokens: readonly Token[];
  nameHits: readonly TrieHit<NamePayload>[];
  refHits: readonly TrieHit<RefPayload>[];
}

export function entityWeight(k: Known): number {
  return k.entity.weight ?? k.pack.topic.defaultWeight;
}

export class PackIndex {
  readonly byId = new Map<string, Known>();
  private readonly names = new AliasTrie<NamePayload>('name', splitAlias);
  private readonly refs = new AliasTrie<RefPayload>('stem', splitAlias);
  /** "entity id:short name (folded)" → other entities that carry it inside their full names ("kim" → Kim Yo Jong, Kim Yong Chol, …). */
  private readonly sharedShort = new Map<string, Set<string>>();
  private lastHits: TextHits | null = null;

  constructor(readonly packs: readonly KnowledgePack[]) {
    for (const pack of packs) {
      for (const entity of pack.entities) {
        const known = { entity, pack };
        this.byId.set(entity.id, known);
        for (const lang of ['de', 'en'] as const) {
          for (const name of entity.names[lang]) {
            if (entity.type === 'concept') this.refs.add(name, { ...known, kind: 'term', lang, ref: null });
            else this.names.add(name, { ...known, short: false });
          }
        }
        for (const name of entity.shortNames ?? []) this.names.add(name, { ...known, short: true });
        for (const ref of entity.refs ?? []) this.refs.add(ref.text, { ...known, kind: ref.kind, lang: ref.lang, ref });
      }
    }
    for (const pack of packs) {
      for (const entity of pack.entities) {
        for (const short of entity.shortNames ?? []) {
          const key = foldWord(short);
          const holders = new Set<string>();
          for (const other of pack.entities) {
            if (other.id === entity.id) continue;
            const words = [...other.names.de, ...other.names.en].flatMap((n) => scanWords(n).map((t) => foldWord(t.text)));
            if (words.includes(key)) holders.add(other.id);
          }
          if (holders.size > 0) this.sharedShort.set(`${entity.id}:${key}`, holders);
        }
      }
    }
  }

  get patternCount(): number {
    return this.names.patternCount + this.refs.patternCount;
  }

  /**
   * All resolved mentions in a text, names and refs (which may overlap each other), in text order.
   * `namesOnly` leaves out the refs (descriptors, adjectives, terms); the names are the same either way.
   */
  scan(text: string, lang: Lang, published: string | null, opts: { namesOnly?: boolean } = {}): Mention[] {
    const { tokens, nameHits, refHits } = this.hitsIn(text, lang);
    const full = new Set<string>();
    for (const h of nameHits) for (const p of h.patterns) if (!p.payload.short) full.add(p.payload.entity.id);
    const context = this.topicContext(full, refHits, lang);
    const inTopic = (k: Known): boolean => (context.get(k.pack.id) ?? 0) >= k.pack.topic.contextMin;

    const out: Mention[] = [];
    const named = new Set<string>();
    // A short name that is part of someone else's name here ("Stella Kim", "Kim Min-jae") is contested:
    // then bare uses count only if the text also gives the entity's full name.
    const contested = new Set<string>();
    for (const h of nameHits) {
      if (h.patterns.every((p) => p.payload.short) && partOfOtherName(tokens, h.first, h.last, lang)) {
        for (const p of h.patterns) contested.add(p.payload.entity.id);
      }
    }
    for (const h of nameHits) {
      const ok = h.patterns.filter((p) => {
        if (!p.payload.short) return true;
        const id = p.payload.entity.id;
        if (full.has(id)) return !partOfOtherName(tokens, h.first, h.last, lang);
        // "Kim" in a text that names Kim Yo Jong in full but not Kim Jong Un is not safely Kim Jong Un
        const others = this.sharedShort.get(`${id}:${foldWord(p.alias)}`);
        if (others !== undefined && [...others].some((o) => full.has(o))) return false;
        return !contested.has(id) && inTopic(p.payload);
      });
      const pick = ok.find((p) => full.has(p.payload.entity.id)) ?? ok[0];
      if (pick === undefined) continue;
      named.add(pick.payload.entity.id);
      out.push(this.mention(h, pick.payload, pick.payload.short ? 'short' : 'name', pick.alias));
    }
    if (opts.namesOnly !== true) this.resolveRefs(refHits, named, inTopic, lang, published, out);
    out.sort((a, b) => a.start - b.start || b.end - a.end);
    return out;
  }

  /**
   * The trie matches of a text, before resolution. Analysing one article asks for its names
   * (entity tagging), then its concepts, then its topics: the last text's matches are kept
   * until the current task ends (a microtask), so the three ask for one scan between them
   * and nothing of the article stays in memory afterwards.
   */
  private hitsIn(text: string, lang: Lang): TextHits {
    const last = this.lastHits;
    if (last !== null && last.lang === lang && last.text === text) return last;
    const tokens = scanWords(text);
    // name keys are the folded words, ref keys their stems (as the tries' keysFor would make them)
    const folded = new Array<string>(tokens.length);
    const stems = new Array<string>(tokens.length);
    for (let i = 0; i < tokens.length; i++) stems[i] = stemWord((folded[i] = foldWord(tokens[i]!.text)));
    const hits: TextHits = {
      text,
      lang,
      tokens,
      nameHits: this.names.scan(tokens, folded, lang),
      refHits: this.refs.scan(tokens, stems, lang),
    };
    if (this.lastHits === null) queueMicrotask(() => (this.lastHits = null));
    this.lastHits = hits;
    return hits;
  }

  /** Refs whose conditions hold (language, period, named entities, topic), added to `out`. */
  private resolveRefs(
    refHits: readonly TrieHit<RefPayload>[],
    named: ReadonlySet<string>,
    inTopic: (k: Known) => boolean,
    lang: Lang,
    published: string | null,
    out: Mention[],
  ): void {
    const nameSpans = new Set(out.map((m) => `${m.start}:${m.end}:${m.entityId}`));
    const day = articleDay(published);
    for (const h of refHits) {
      const ok = h.patterns.filter((p) => {
        const { ref } = p.payload;
        if (p.payload.lang !== lang) return false;
        if (ref === null) return true;
        if (ref.from !== undefined || ref.to !== undefined) {
          if (day === null) return false;
          const from = dayNumber(ref.from, 'start');
          const to = dayNumber(ref.to, 'end');
          if ((from !== null && day < from) || (to !== null && day > to)) return false;
        }
        if (ref.needs !== undefined && !ref.needs.every((id) => named.has(id))) return false;
        if (ref.needsTopic === true && !inTopic(p.payload)) return false;
        return true;
      });
      const pick = ok.find((p) => named.has(p.payload.entity.id)) ?? ok[0];
      if (pick === undefined) continue;
      // stems can make a ref coincide with a name ("South Korean" ~ "South Korea"): the name wins
      if (nameSpans.has(`${h.start}:${h.end}:${pick.payload.entity.id}`)) continue;
      out.push(this.mention(h, pick.payload, pick.payload.kind, pick.alias));
    }
  }

  private mention<P extends Known>(h: TrieHit<P>, k: Known, kind: MentionKind, alias: string): Mention {
    return { start: h.start, end: h.end, entityId: k.entity.id, packId: k.pack.id, kind, alias };
  }

  /** Rough per-pack evidence before resolution: weights of fully named entities, plus half for adjectives and specific terms. */
  private topicContext(full: ReadonlySet<string>, refHits: readonly TrieHit<RefPayload>[], lang: Lang): Map<string, number> {
    const seen = new Set<string>();
    const score = new Map<string, number>();
    const add = (k: Known, factor: number): void => {
      if (seen.has(k.entity.id)) return;
      seen.add(k.entity.id);
      score.set(k.pack.id, (score.get(k.pack.id) ?? 0) + entityWeight(k) * factor);
    };
    for (const id of full) {
      const k = this.byId.get(id);
      if (k !== undefined) add(k, 1);
    }
    for (const h of refHits) {
      for (const p of h.patterns) {
        const { ref, kind } = p.payload;
        if (p.payload.lang !== lang || (ref !== null && (ref.needsTopic === true || ref.needs !== undefined || ref.from !== undefined || ref.to !== undefined))) continue;
        add(p.payload, kind === 'term' && ref === null ? 1 : 0.5);
      }
    }
    return score;
  }
}
