/**
 * The people (and organisations) a quote can be attributed to: entity
 * mentions from the tagger, plus — so attribution still works when the
 * tagger found nothing — people recognised by a known first name followed
 * by capitalised words, and their later surname-only mentions. Each person
 * gets a gender guess (first name, honorific, feminine role noun) for
 * pronoun resolution, and role nouns introduced right before a name
 * ("US-Präsident Donald Trump") are linked to that person.
 */
import type { EntityDetail } from '../types.ts';
import { tokenAtOrAfter, isCapitalised, type QuoteDoc } from './doc.ts';
import { cueAt } from './cues.ts';
import { roleHead } from '../roles.ts';
import {
  DETERMINERS, FEMALE_FIRST, FEMALE_TITLES, MALE_FIRST, MALE_TITLES, NAME_PARTICLES, NON_NAME_WORDS, SENTENCE_ADVERBS,
} from './lexicon.ts';

export type Gender = 'm' | 'f' | null;

/** Below this a tagged name is more likely not a name at all (calibrated confidence, docs/ner.md). */
const MIN_SPEAKER_CONFIDENCE = 0.5;

const ADVERB_ENDING = /(?:lich|ig|isch|weise|mals|dings|falls|wärts|halb|ens|erdem|ach)$/u;

export interface Person {
  /** Most complete name. */
  name: string;
  entityId: string | null;
  /** Entity cluster, or null for a heuristically found person. */
  cluster: number | null;
  type: 'PER' | 'ORG';
  gender: Gender;
}

export interface Mention {
  start: number;
  end: number;
  /** Token range [first, last). */
  first: number;
  last: number;
  person: number;
  /** Genitive/possessive form ("Trumps Sprecherin", "Trump's aide"): not a subject. */
  possessive: boolean;
}

export interface PersonIndex {
  persons: Person[];
  mentions: Mention[];
  /** Mention index starting at each token, or -1. */
  mentionAt: Int32Array;
  /** Mention index covering each token, or -1. */
  mentionCover: Int32Array;
  /** Role key (lowercased role noun or its head) → person index, latest introduction wins. */
  roles: Map<string, number>;
  /** Lowercased surname → person index (for names the tagger missed). */
  surnames: Map<string, number>;
}

function genderFromName(name: string): Gender {
  const first = name.split(/\s+/u)[0]?.toLowerCase() ?? '';
  if (FEMALE_FIRST.has(first)) return 'f';
  if (MALE_FIRST.has(first)) return 'm';
  return null;
}

/** Gender evidence from the words right before a mention (honorific, role noun, article). */
function genderFromContext(doc: QuoteDoc, first: number): Gender {
  for (let k = first - 1; k >= Math.max(0, first - 2); k--) {
    const w = doc.lower[k]!.replace(/\.$/u, '');
    if (FEMALE_TITLES.has(w)) return 'f';
    if (MALE_TITLES.has(w)) return 'm';
    const head = roleHead(w);
    if (head && isCapitalised(doc.tokens[k]) && doc.lang === 'de') return w.endsWith(`${head}in`) || w.endsWith(`${head}innen`) ? 'f' : 'm';
    if (w === 'spokeswoman' || w === 'chairwoman' || w === 'congresswoman' || w === 'queen') return 'f';
    if (w === 'spokesman' || w === 'chairman' || w === 'congressman' || w === 'king') return 'm';
  }
  return null;
}

function isPossessive(doc: QuoteDoc, last: number): boolean {
  const tok = doc.tokens[last - 1];
  if (!tok) return false;
  if (/['’]s?$/u.test(tok.text)) return true;
  const next = doc.tokens[last];
  // German genitive of a name: "Trumps Pressesprecherin" (the name ends in s, a capitalised noun follows)
  return doc.lang === 'de' && /s$/u.test(tok.text) && next !== undefined && isCapitalised(next) && next.start - tok.end === 1;
}

export function buildPersons(doc: QuoteDoc, entities: EntityDetail[]): PersonIndex {
  const n = doc.tokens.length;
  const persons: Person[] = [];
  const mentions: Mention[] = [];
  const mentionAt = new Int32Array(n).fill(-1);
  const mentionCover = new Int32Array(n).fill(-1);
  const byCluster = new Map<number, number>();
  const surnames = new Map<string, number>();
  const roles = new Map<string, number>();

  const addMention = (start: number, end: number, person: number): void => {
    const first = tokenAtOrAfter(doc.tokens, start);
    let last = first;
    while (last < n && doc.tokens[last]!.start < end) last++;
    if (last === first) return;
    for (let k = first; k < last; k++) if (mentionCover[k] !== -1) return;
    const m: Mention = { start, end, first, last, person, possessive: isPossessive(doc, last) };
    const idx = mentions.length;
    mentions.push(m);
    mentionAt[first] = idx;
    for (let k = first; k < last; k++) mentionCover[k] = idx;
    const p = persons[person]!;
    p.gender ??= genderFromContext(doc, first);
    // a role noun right before the name introduces that role for this person
    const before = doc.lower[first - 1];
    if (before && p.type === 'PER') {
      const head = roleHead(before);
      if (head) {
        roles.set(before, person);
        roles.set(head, person);
      }
    }
  };

  for (const e of entities) {
    if (e.type !== 'PER' && e.type !== 'ORG') continue;
    // a name the tagger itself thinks more likely wrong than right (its confidences are calibrated)
    // is no speaker; a name the knowledge pack confirms always is
    if (e.confidence < MIN_SPEAKER_CONFIDENCE && e.entityId === null) continue;
    // a sentence adverb the tagger took for a name ("Irgendwann" opening a sentence) names nobody
    if (e.entityId === null && SENTENCE_ADVERBS.has(e.text.toLowerCase())) continue;
    let pi = byCluster.get(e.cluster);
    if (pi === undefined) {
      pi = persons.length;
      byCluster.set(e.cluster, pi);
      const name = e.canonical || e.text;
      persons.push({ name, entityId: e.entityId, cluster: e.cluster, type: e.type, gender: e.type === 'PER' ? genderFromName(name) : null });
      if (e.type === 'PER') {
        const parts = name.split(/\s+/u);
        const last = parts[parts.length - 1];
        if (parts.length > 1 && last) surnames.set(last.toLowerCase(), pi);
      }
    }
    const p = persons[pi]!;
    if (p.entityId === null && e.entityId !== null) p.entityId = e.entityId;
    addMention(e.start, e.end, pi);
  }

  // Without a tagger (no person entities at all), find people by name heuristics. With one, trust
  // its decisions: a capitalised word it did not tag is more likely a noun than a missed name.
  const heuristics = !entities.some((e) => e.type === 'PER');
  // people the tagger missed: a known first name followed by capitalised words
  for (let i = 0; heuristics && i < n; i++) {
    if (mentionCover[i] !== -1) continue;
    const tok = doc.tokens[i]!;
    const w = doc.lower[i]!;
    if ((FEMALE_FIRST.has(w) || MALE_FIRST.has(w)) && isCapitalised(tok) && isCapitalised(doc.tokens[i + 1]) && mentionCover[i + 1] === -1) {
      let j = i + 1;
      while (j < n && mentionCover[j] === -1 && doc.tokens[j]!.start - doc.tokens[j - 1]!.end <= 1 &&
        (isCapitalised(doc.tokens[j]) && !NON_NAME_WORDS.has(doc.lower[j]!) ||
          (NAME_PARTICLES.has(doc.lower[j]!) && isCapitalised(doc.tokens[j + 1])) ||
          // the dot of an initial: "George W. Bush"
          (doc.tokens[j]!.text === '.' && /^\p{Lu}$/u.test(doc.tokens[j - 1]!.text) && isCapitalised(doc.tokens[j + 1])))) j++;
      const lastTok = doc.tokens[j - 1]!;
      const surname = lastTok.text.replace(/(?:['’]s|s)$/u, (m) => (m.length > 1 || doc.lang === 'de' ? '' : m)).toLowerCase();
      let pi = surnames.get(surname);
      const full = doc.text.slice(tok.start, lastTok.end).replace(/['’]s$/u, '');
      if (pi === undefined) {
        pi = persons.length;
        persons.push({ name: full, entityId: null, cluster: null, type: 'PER', gender: FEMALE_FIRST.has(w) ? 'f' : 'm' });
        surnames.set(surname, pi);
      } else if (persons[pi]!.name.length < full.length && persons[pi]!.cluster === null) {
        persons[pi]!.name = full;
      }
      addMention(tok.start, lastTok.end, pi);
      i = j - 1;
    }
  }
  // single names standing right next to a speech cue ("sagte Kim", "Trump said") are people too,
  // unless the word also occurs in lowercase (then it is a common word at a sentence start)
  let lowerWords: Set<string> | null = null;
  for (let i = 0; heuristics && i < n; i++) {
    if (doc.quoteOf[i] !== -1) continue;
    const cue = cueAt(doc, i);
    if (!cue || cue.kind !== 'verb') continue;
    for (const k of cue.addressee ? [i - 1] : [i - 1, cue.last]) {
      const tok = doc.tokens[k];
      const w = doc.lower[k];
      if (!tok || !w || !isCapitalised(tok) || w.length < 3 || mentionCover[k] !== -1 || doc.quoteOf[k] !== -1) continue;
      if (NON_NAME_WORDS.has(w) || roleHead(w) || DETERMINERS.has(doc.lower[k - 1] ?? '') || surnames.has(w)) continue;
      // German adverbs and adjectives opening a sentence ("Ähnlich äußerte sich …", "Zuletzt sagte …")
      if (doc.lang === 'de' && ADVERB_ENDING.test(w)) continue;
      if (cueAt(doc, k)) continue;
      lowerWords ??= new Set(doc.tokens.filter((t) => t.kind === 'word' && !/^\p{Lu}/u.test(t.text)).map((t) => t.text));
      if (lowerWords.has(w)) continue;
      // widen to the whole capitalised run: "said Leonard E. Burman", "Sonia Bogner sagte"
      const nameTok = (j: number): boolean => {
        const t = doc.tokens[j];
        if (!t || mentionCover[j] !== -1 || doc.quoteOf[j] !== -1) return false;
        if (t.text === '.') return /^\p{Lu}$/u.test(doc.tokens[j - 1]?.text ?? '');
        return isCapitalised(t) && !NON_NAME_WORDS.has(doc.lower[j]!) && !cueAt(doc, j);
      };
      let a = k;
      let b = k;
      if (k === i - 1) while (a - 1 >= 0 && k - a < 3 && nameTok(a - 1) && doc.sentOf[a - 1] === doc.sentOf[k]) a--;
      else while (b + 1 < n && b - k < 3 && nameTok(b + 1)) b++;
      while (b > a && doc.tokens[b]!.text === '.') b--;
      const surname = doc.tokens[k === i - 1 ? k : b]!.text.replace(/['’]s$/u, '');
      if (surnames.has(surname.toLowerCase())) continue;
      const name = doc.text.slice(doc.tokens[a]!.start, doc.tokens[b]!.end).replace(/['’]s$/u, '');
      const first = doc.lower[a]!;
      surnames.set(surname.toLowerCase(), persons.length);
      persons.push({ name, entityId: null, cluster: null, type: 'PER', gender: FEMALE_FIRST.has(first) ? 'f' : MALE_FIRST.has(first) ? 'm' : null });
    }
  }
  // surname-only mentions of heuristic people ("Sanders" after "Sarah Sanders"), also genitive "Sanders'"
  if (surnames.size > 0) {
    for (let i = 0; i < n; i++) {
      if (mentionCover[i] !== -1 || !isCapitalised(doc.tokens[i])) continue;
      const w = doc.lower[i]!;
      const pi = surnames.get(w) ?? surnames.get(w.replace(/(?:['’]s|s|['’])$/u, ''));
      if (pi !== undefined && persons[pi]!.cluster === null) addMention(doc.tokens[i]!.start, doc.tokens[i]!.end, pi);
    }
  }
  // mentions were added in two passes: put them in text order again
  mentions.sort((a, b) => a.start - b.start);
  mentionAt.fill(-1);
  mentionCover.fill(-1);
  mentions.forEach((m, idx) => {
    mentionAt[m.first] = idx;
    for (let k = m.first; k < m.last; k++) mentionCover[k] = idx;
  });
  return { persons, mentions, mentionAt, mentionCover, roles, surnames };
}

/** Index of the first mention starting at or after a character offset (binary search). */
export function mentionIndexAt(index: PersonIndex, pos: number): number {
  let lo = 0;
  let hi = index.mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (index.mentions[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
