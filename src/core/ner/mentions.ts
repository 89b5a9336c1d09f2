/**
 * Sentence-level mentions from the tagger, in character offsets, and the
 * knowledge-pack names merged into them. The model decides where a name
 * is and what kind it is; the pack contributes identities (entityId) and
 * the names the model missed, but only when the model does not clearly
 * say "no name here" (so role nouns such as "US-Präsident", listed as
 * aliases in the pack, do not become person mentions).
 */
import type { EntityType, Lang } from '../types.ts';
import type { Sentence, Token } from '../tokenize.ts';
import { normalizeToken } from '../tokenize.ts';
import type { NameHit } from '../knowledge/index.ts';
import { tagSentence, type SentenceTagging, type Tagger } from './tagger.ts';
import { NEWS_AGENCIES } from '../gazetteer/agencies.ts';
import { GAZ_FIRST, GAZ_PER, type Gazetteer } from '../gazetteer/index.ts';
import { roleHead } from '../roles.ts';
import { allLower, allUpper, startsLower, startsUpper } from '../knowledge/letter-case.ts';

/** Invisible characters pages put inside words (soft hyphen, zero-width space/joiners, word joiner, BOM). */
function isInvisible(c: number): boolean {
  return c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
}

/**
 * normalizeToken, but free for the usual word without invisible characters:
 * the document passes look at every token, and a regex replace per token is
 * a measurable share of a short article's time.
 */
export function visibleText(s: string): string {
  for (let i = 0; i < s.length; i++) if (isInvisible(s.charCodeAt(i))) return normalizeToken(s);
  return s;
}

export type MentionSource = 'model' | 'knowledge' | 'document';

export interface Mention {
  start: number;
  end: number;
  /** Token index range [firstToken, lastToken). */
  firstToken: number;
  lastToken: number;
  type: EntityType;
  confidence: number;
  entityId: string | null;
  source: MentionSource;
}

/** Confidence of a tagger mention that the knowledge pack also knows by that name. */
const KNOWN_NAME_CONFIDENCE = 0.9;
/**
 * Confidence of a tagged person whose full name follows a role noun ("Außenminister Guido
 * Westerwelle", "Ukrainian President Volodymyr Zelensky"): held out on GermEval 2014 (5 folds),
 * 93 of 96 such mentions were exact gold person spans, and 22 of the 24 the tagger gave less
 * than the display threshold, the other two names cut short at an initial (docs/ner.md).
 */
const ROLE_NAME_CONFIDENCE = 0.9;

/** Longest sentences are tagged in windows: the features only look two tokens away. */
const MAX_WINDOW = 120;

export interface ModelTagging {
  mentions: Mention[];
  /** Per token (document index): probability of being outside any name; 1 where untagged. */
  pOutside: Float64Array;
}

/** Tags one sentence window; a caller may pass a memoising one (see core/analysis-cache.ts). */
export type SentenceTagFn = (tagger: Tagger, words: readonly string[]) => SentenceTagging;

export function modelMentions(
  tokens: readonly Token[], sentences: readonly Sentence[], lang: Lang, tagger: Tagger, tag: SentenceTagFn = tagSentence,
): ModelTagging {
  const pOutside = new Float64Array(tokens.length).fill(1);
  const mentions: Mention[] = [];
  for (const s of sentences) {
    for (let w0 = s.first; w0 < s.last; w0 += MAX_WINDOW) {
      const w1 = Math.min(s.last, w0 + MAX_WINDOW);
      const words = tokens.slice(w0, w1).map((t) => visibleText(t.text));
      const tagged = tag(tagger, words);
      pOutside.set(tagged.pOutside, w0);
      for (const sp of tagged.spans) {
        const a = tokens[w0 + sp.start]!;
        const b = tokens[w0 + sp.end - 1]!;
        let end = b.end;
        // English possessive: "Trump's" is one token, the name is "Trump"
        if (lang === 'en' && /['’]s$/.test(b.text) && b.text.length > 2) end -= 2;
        else if (lang === 'en' && /s['’]$/.test(b.text) && b.text.length > 2) end -= 1;
        if (end <= a.start) continue;
        mentions.push({
          start: a.start,
          end,
          firstToken: w0 + sp.start,
          lastToken: w0 + sp.end,
          type: sp.type,
          confidence: sp.confidence,
          entityId: null,
          source: 'model',
        });
      }
    }
  }
  return { mentions, pOutside };
}

/** First token index whose end is after `offset` (binary search). */
function firstTokenEndingAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Token index range covering [start, end), or null if no token lies there. */
export function tokenRange(tokens: readonly Token[], start: number, end: number): [number, number] | null {
  const a = firstTokenEndingAfter(tokens, start);
  if (a >= tokens.length || tokens[a]!.start >= end) return null;
  let b = a + 1;
  while (b < tokens.length && tokens[b]!.start < end) b++;
  return [a, b];
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Types that may share an identity: a capital is also its government ("Washington said"). */
export function compatibleTypes(a: EntityType, b: EntityType): boolean {
  return a === b || ((a === 'LOC' || a === 'ORG') && (b === 'LOC' || b === 'ORG'));
}

/** Does a pack hit look like a name in this text (capitalised words, or a short lowercase acronym like "dpa")? */
function nameLike(text: string, hit: NameHit): boolean {
  const s = text.slice(hit.start, hit.end);
  if (startsUpper(s)) return s.split(/\s+/).every((w) => !startsLower(w) || w.length <= 3);
  return s === hit.alias && allLower(s, 2, 4);
}

/** Acronyms written exactly as the pack lists them ("USA", "RND", "dpa") are names wherever they stand. */
function exactAcronym(text: string, hit: NameHit): boolean {
  const s = text.slice(hit.start, hit.end);
  return s === hit.alias && (allUpper(s, 2, 6) || allLower(s, 2, 4));
}

/** Generational suffixes: "Donald Trump Jr", "Henry Ford III" name another person than the name before them. */
const NAME_SUFFIXES = new Set(['Jr', 'Sr', 'II', 'III', 'IV']);

function isNameSuffix(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  return t !== undefined && NAME_SUFFIXES.has(t.text);
}

/**
 * A person's name that a generational suffix follows takes the suffix in ("Donald Trump" in
 * "Donald Trump Jr said" becomes "Donald Trump Jr"): the son is not the father, so the name
 * must neither take the father's identity from the pack nor join his cluster.
 */
export function withNameSuffixes(tokens: readonly Token[], mentions: Mention[]): Mention[] {
  for (const m of mentions) {
    if (m.type !== 'PER' || m.lastToken - m.firstToken < 2 || !isNameSuffix(tokens, m.lastToken)) continue;
    const suffix = tokens[m.lastToken]!;
    // only a suffix right after the name, separated by at most a space or a comma ("King, Jr")
    const gap = suffix.start - m.end;
    if (gap > 2) continue;
    m.end = suffix.end;
    m.lastToken += 1;
  }
  return mentions;
}

/**
 * A role noun at the head of a tagged person ("Ministerpräsidentin Dreyer", "US-Präsident Donald
 * Trump") is not part of the name: the mention starts at the name, so that the role noun is
 * neither highlighted as a person nor spread through the article as a short form of the name.
 */
export function withoutLeadingRoles(tokens: readonly Token[], mentions: Mention[]): Mention[] {
  for (const m of mentions) {
    if (m.type !== 'PER') continue;
    let first = m.firstToken;
    while (first < m.lastToken - 1 && roleHead(tokens[first]!.text.toLowerCase()) !== null && startsUpper(tokens[first + 1]!.text)) first++;
    if (first === m.firstToken) continue;
    m.firstToken = first;
    m.start = tokens[first]!.start;
  }
  return mentions;
}

/**
 * German possessives: "Trumps Zölle", "Putins Sieg", "Angela Merkels Besuch" — a genitive name
 * and the common noun it owns look like first name and surname to the tagger, and the noun was
 * then spread through the article as a short form of the person ("Sieg" three times on a DW
 * page). A person mention whose word before the last ends in -s without being a first name
 * ends at that genitive when the last word is mostly a common word in the training data (its
 * gazetteer prior is O), or a word the data never saw after a known surname or after a name the
 * article also uses without the -s ("Bei Avivs Gedenkfeier" in a story about Aviv).
 */
export function withoutPossessedNouns(tokens: readonly Token[], mentions: Mention[], lang: Lang, gaz: Gazetteer | null): Mention[] {
  if (lang !== 'de' || !gaz) return mentions;
  let words: Set<string> | null = null;
  for (const m of mentions) {
    if (m.type !== 'PER' || m.lastToken - m.firstToken < 2) continue;
    const owner = tokens[m.lastToken - 2]!.text;
    const owned = tokens[m.lastToken - 1]!.text;
    if (owner.length < 4 || !owner.endsWith('s') || (gaz.flags(owner) & GAZ_FIRST) !== 0) continue;
    const prior = gaz.prior(owned);
    // a word the data never saw ("Zölle") is owned when the mention is just a known surname in the genitive
    // and that word ("Trumps Zölle"; not "Adams Lehmann": Adam is a first name)
    const ownerFlags = gaz.flags(owner.slice(0, -1));
    let common = prior
      ? prior.startsWith('O')
      : m.lastToken - m.firstToken === 2 && gaz.flags(owned) === 0 && (ownerFlags & GAZ_PER) !== 0 && (ownerFlags & GAZ_FIRST) === 0;
    // …or the article names the owner without the -s too ("Bei Avivs Gedenkfeier" in a story about Aviv)
    if (!common && m.lastToken - m.firstToken === 2 && gaz.flags(owned) === 0 && !prior) {
      words ??= new Set(tokens.map((t) => t.text));
      common = words.has(owner.slice(0, -1));
    }
    if (!common) continue;
    m.lastToken -= 1;
    m.end = tokens[m.lastToken - 1]!.end;
  }
  return mentions;
}

/** Last words that make a name an organisation's ("Stax Records", "Goldman Sachs Group", "Leopold Stocker Verlag"). */
const ORGANISATION_HEADS = new Set([
  'records', 'inc', 'corp', 'corporation', 'group', 'bank', 'university', 'party', 'committee', 'council', 'agency',
  'ministry', 'department', 'company', 'association', 'institute', 'foundation', 'college', 'club', 'union', 'league',
  'airlines', 'motors', 'media', 'network', 'studios', 'pictures', 'entertainment', 'holdings', 'partners', 'society',
  'federation', 'commission', 'authority', 'laboratories', 'technologies', 'pharmaceuticals', 'airways',
  'verlag', 'gmbh', 'ag', 'partei', 'verband', 'stiftung', 'institut', 'universität', 'ministerium', 'gruppe', 'werke',
  'verein', 'gesellschaft', 'konzern', 'klinik', 'kliniken', 'hochschule',
]);

/**
 * A tagged person whose last word is an organisation's ("Stax Records", "Goldman Sachs Group",
 * "Leopold Stocker Verlag") is the organisation: no person's name ends so. Words that are also
 * surnames ("Post", "Church", "Press") are not on the list; "Bank" is, unless a first name
 * comes before it.
 */
export function withOrganisationHeads(tokens: readonly Token[], mentions: Mention[], gaz: Gazetteer | null): Mention[] {
  for (const m of mentions) {
    if (m.type !== 'PER' || m.lastToken - m.firstToken < 2) continue;
    const head = tokens[m.lastToken - 1]!.text.toLowerCase();
    if (!ORGANISATION_HEADS.has(head)) continue;
    // "Bank" is also a surname: after a first name it stays one
    if (head === 'bank' && gaz && (gaz.flags(tokens[m.firstToken]!.text) & GAZ_FIRST) !== 0) continue;
    m.type = 'ORG';
  }
  return mentions;
}

/** An age right after a name, as English news gives it: ", 25,". */
function ageAfter(tokens: readonly Token[], k: number): boolean {
  const a = tokens[k];
  const n = tokens[k + 1];
  const b = tokens[k + 2];
  if (!a || !n || !b || n.kind !== 'number' || n.text.length > 3 || Number(n.text) > 120) return false;
  return a.text === ',' && b.text === ',';
}

/**
 * "Roma Jayne, 25, from Australia", "Chad Hawk, 52, said": a name with an age after it is a
 * person's, whatever kind the tagger gave it because its first word is also a place ("Roma",
 * "Chad"). Not the German "Anna Berg (25)": sports tables put a club's rank the same way.
 */
export function withAgeAppositions(tokens: readonly Token[], mentions: Mention[]): Mention[] {
  for (const m of mentions) if (m.type !== 'PER' && ageAfter(tokens, m.lastToken)) m.type = 'PER';
  return mentions;
}

/** English street-type nouns: a capitalised word before one of them is the rest of a place name. */
const STREET_HEADS = new Set(['street', 'avenue', 'road', 'lane', 'square', 'boulevard']);

/**
 * "Downing Street said", "on Wall Street": the tagger sometimes leaves the first word out (a
 * capitalised "-ing" word at the start of a sentence looks like "Speaking"), and "Street" alone
 * is then taken for a person and becomes a quote's speaker. A mention that starts with a
 * street-type noun takes in the capitalised word right before it, and a person there becomes a
 * place. English only: German joins the noun to the name ("Wilhelmstraße").
 */
export function withStreetNames(tokens: readonly Token[], mentions: Mention[], lang: Lang): Mention[] {
  if (lang !== 'en') return mentions;
  for (const m of mentions) {
    const f = m.firstToken;
    if (f < 1 || !STREET_HEADS.has(tokens[f]!.text.toLowerCase())) continue;
    const before = tokens[f - 1]!;
    if (!startsUpper(before.text) || tokens[f]!.start - before.end !== 1) continue;
    m.firstToken = f - 1;
    m.start = before.start;
    if (m.type === 'PER') m.type = 'LOC';
  }
  return mentions;
}

/**
 * News introduces people as role plus full name ("Außenminister Guido Westerwelle", "Ukrainian
 * President Volodymyr Zelensky", "spokeswoman Karine Jean-Pierre"). A tagged person of two or
 * more capitalised words right after a role noun is as sure as a name the pack knows, even
 * when the tagger alone was unsure of the words: the role says the words name a person. Runs
 * after withoutLeadingRoles, so the role is the token before the mention.
 */
export function withRoleIntroducedNames(tokens: readonly Token[], mentions: Mention[]): Mention[] {
  for (const m of mentions) {
    if (m.type !== 'PER' || m.confidence >= ROLE_NAME_CONFIDENCE || m.lastToken - m.firstToken < 2 || m.firstToken < 1) continue;
    if (roleHead(tokens[m.firstToken - 1]!.text.toLowerCase()) === null) continue;
    // a name that ends in an initial ("George W.") was cut short of its surname: not sure at all
    if (tokens[m.lastToken - 1]!.text.length === 1) continue;
    let names = true;
    for (let k = m.firstToken; k < m.lastToken && names; k++) names = startsUpper(tokens[k]!.text);
    if (names) m.confidence = ROLE_NAME_CONFIDENCE;
  }
  return mentions;
}

/**
 * Attach pack identities to model mentions and add pack names the model
 * missed. With no model (`pOutside` null) every name-like hit is taken.
 * A pack name that contains the model's mention and only adds capitalised
 * words ("Kim Jong" → "Kim Jong Un") widens the mention to the full name.
 */
export function mergeKnowledge(
  text: string,
  tokens: readonly Token[],
  mentions: Mention[],
  hits: readonly NameHit[],
  pOutside: Float64Array | null,
): Mention[] {
  const out = mentions.map((m) => ({ ...m }));
  const added: Mention[] = [];
  const confirmed = new Set<string>();
  const pending: NameHit[] = [];
  // token → mentions covering it, so each hit only looks at its own tokens
  const atToken = new Map<number, Mention[]>();
  for (const m of out) {
    for (let i = m.firstToken; i < m.lastToken; i++) {
      const list = atToken.get(i);
      if (list) list.push(m);
      else atToken.set(i, [m]);
    }
  }
  for (const hit of hits) {
    const range = tokenRange(tokens, hit.start, hit.end);
    // "Donald Trump" in "Donald Trump Jr": the pack's Donald Trump is someone else, here and as a name to add
    if (range && isNameSuffix(tokens, range[1])) continue;
    const near = new Set<Mention>();
    if (range) for (let i = range[0]; i < range[1]; i++) for (const m of atToken.get(i) ?? []) near.add(m);
    const over = [...near].filter((m) => overlaps(m, hit));
    if (!over.length) {
      pending.push(hit);
      continue;
    }
    for (const m of over) {
      if (m.entityId !== null || !compatibleTypes(m.type, hit.type)) continue;
      const inside = m.start >= hit.start && m.end <= hit.end;
      const coversHead = hit.start >= m.start && hit.end <= m.end && hit.end - hit.start >= (m.end - m.start) / 2;
      if (!inside && !coversHead) continue;
      // "Washington Post", "New York Times": a capitalised word after the pack's name makes another name
      if (!inside && range && range[1] < m.lastToken && startsUpper(tokens[range[1]]!.text)) continue;
      m.entityId = hit.entityId;
      // A place or an organisation by the pack's curated kind: the tagger's LOC/ORG split on a country or
      // a capital follows the sentence ("North Korea said"), a reader's colour should not.
      m.type = hit.type;
      // the tagger and the pack agree on a name: two independent sources
      m.confidence = Math.max(m.confidence, KNOWN_NAME_CONFIDENCE);
      confirmed.add(hit.entityId);
      // widen to the pack's name, also over a piece of it the tagger gave another kind ("Kim Jong" + "Un");
      // removeOverlaps then keeps the widened mention
      if (inside && over.every((o) => o.start >= hit.start && o.end <= hit.end) && text.slice(hit.start, hit.end) === hit.alias && nameLike(text, hit)) {
        const range = tokenRange(tokens, hit.start, hit.end);
        if (range) {
          m.start = hit.start;
          m.end = hit.end;
          m.firstToken = range[0];
          m.lastToken = range[1];
        }
      }
    }
  }
  for (const hit of pending) {
    if (!nameLike(text, hit)) continue;
    const range = tokenRange(tokens, hit.start, hit.end);
    if (!range) continue;
    let minOut = 1;
    for (let i = range[0]; i < range[1]; i++) minOut = Math.min(minOut, pOutside ? pOutside[i]! : 0);
    // the model's doubt, an identity the model already found here, or an exact acronym is enough
    const accept = !pOutside || minOut <= 0.9 || confirmed.has(hit.entityId) || exactAcronym(text, hit);
    if (!accept) continue;
    added.push({
      start: hit.start,
      end: hit.end,
      firstToken: range[0],
      lastToken: range[1],
      type: hit.type,
      confidence: pOutside ? Math.max(0.5, Math.min(0.9, 1 - minOut + 0.4)) : 0.7,
      entityId: hit.entityId,
      source: 'knowledge',
    });
  }
  return [...out, ...added].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Agency credits ("RND/dpa", "(AFP)") the model left out. */
export function agencyMentions(tokens: readonly Token[], mentions: readonly Mention[]): Mention[] {
  const covered = new Uint8Array(tokens.length);
  for (const m of mentions) covered.fill(1, m.firstToken, m.lastToken);
  const added: Mention[] = [];
  tokens.forEach((t, i) => {
    if (covered[i] || !NEWS_AGENCIES.has(t.text)) return;
    // a credit stands next to another credit, a slash, a bracket or a dash, or at a paragraph edge
    const prev = tokens[i - 1]?.text ?? '';
    const next = tokens[i + 1]?.text ?? '';
    const creditContext = /^[/()–—\-:]$/.test(prev) || /^[/()–—\-:]$/.test(next) || NEWS_AGENCIES.has(prev) || NEWS_AGENCIES.has(next);
    if (!creditContext && t.text.length <= 3) return;
    added.push({ start: t.start, end: t.end, firstToken: i, lastToken: i + 1, type: 'ORG', confidence: 0.8, entityId: null, source: 'knowledge' });
  });
  return [...mentions, ...added].sort((a, b) => a.start - b.start);
}
