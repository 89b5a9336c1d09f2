/**
 * Name lists the tagger consults as features (never as final answers):
 * multi-word names with the entity kinds they were seen as, first names,
 * and per-word priors ("this word was inside a place name 80 % of the
 * time"). Built at training time from permissively licensed sources (see
 * docs/ner.md) and shipped inside each language's model file, so the
 * runtime needs no extra download and no extra package.
 */

/** Bit flags for what a gazetteer entry has been seen as. */
export const GAZ_PER = 1;
export const GAZ_LOC = 2;
export const GAZ_ORG = 4;
export const GAZ_MISC = 8;
/** A first (given) name. */
export const GAZ_FIRST = 16;

const BIT_NAMES: ReadonlyArray<[number, string]> = [
  [GAZ_PER, 'P'],
  [GAZ_LOC, 'L'],
  [GAZ_ORG, 'O'],
  [GAZ_MISC, 'M'],
  [GAZ_FIRST, 'F'],
];

/** Longer names are not worth listing: they never repeat verbatim. */
const MAX_NAME_WORDS = 8;

/** Lowercased key for a token sequence (the same on both sides: building and lookup). */
export function gazetteerKey(words: readonly string[]): string {
  return words.map((w) => w.toLowerCase()).join(' ');
}

export interface GazetteerData {
  /** "key\tflags" lines. */
  names: string;
  /** "word\tcode" lines: coarse entity priors per lowercased word. */
  priors: string;
  /** "word\tclasses" lines: distributional word classes (see clusters.ts). */
  clusters?: string;
}

/** A gazetteer match: token range [start, end) and the kinds it is listed as. */
export interface GazetteerMatch {
  start: number;
  end: number;
  flags: number;
}

export class Gazetteer {
  readonly names = new Map<string, number>();
  readonly priors = new Map<string, string>();
  readonly clusters = new Map<string, string>();
  /** Longest entry per first word, so matching only tries lengths that exist. */
  private readonly longest = new Map<string, number>();

  add(words: readonly string[], flags: number): void {
    if (words.length === 0 || words.length > MAX_NAME_WORDS) return;
    const key = gazetteerKey(words);
    this.names.set(key, (this.names.get(key) ?? 0) | flags);
    const first = words[0]!.toLowerCase();
    if ((this.longest.get(first) ?? 0) < words.length) this.longest.set(first, words.length);
  }

  setPrior(word: string, code: string): void {
    this.priors.set(word.toLowerCase(), code);
  }

  prior(word: string): string | undefined {
    return this.priors.get(word.toLowerCase());
  }

  /** Word classes of a word ("3.1k": coarse.fine), or undefined. */
  cluster(word: string): string | undefined {
    return this.clusters.get(word.toLowerCase());
  }

  flags(word: string): number {
    return this.names.get(word.toLowerCase()) ?? 0;
  }

  /** Longest matches first, left to right, non-overlapping; only entries that start with a capital letter in the text. */
  match(words: readonly string[]): GazetteerMatch[] {
    const out: GazetteerMatch[] = [];
    const lower = words.map((w) => w.toLowerCase());
    for (let i = 0; i < words.length; ) {
      let found: GazetteerMatch | null = null;
      const longest = this.longest.get(lower[i]!) ?? 0;
      if (longest > 0 && /^\p{Lu}/u.test(words[i]!)) {
        for (let len = Math.min(longest, words.length - i); len >= 1 && !found; len--) {
          const f = this.names.get(lower.slice(i, i + len).join(' '));
          if (f !== undefined && (f & ~GAZ_FIRST) !== 0) found = { start: i, end: i + len, flags: f & ~GAZ_FIRST };
        }
      }
      if (found) {
        out.push(found);
        i = found.end;
      } else i++;
    }
    return out;
  }

  serialize(): GazetteerData {
    const names = [...this.names].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const priors = [...this.priors].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const data: GazetteerData = {
      names: names.map(([k, v]) => `${k}\t${v}`).join('\n'),
      priors: priors.map(([k, v]) => `${k}\t${v}`).join('\n'),
    };
    if (this.clusters.size) {
      const clusters = [...this.clusters].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      data.clusters = clusters.map(([k, v]) => `${k}\t${v}`).join('\n');
    }
    return data;
  }

  static deserialize(data: GazetteerData): Gazetteer {
    const g = new Gazetteer();
    for (const line of data.names.split('\n')) {
      const tab = line.lastIndexOf('\t');
      if (tab > 0) g.add(line.slice(0, tab).split(' '), Number(line.slice(tab + 1)));
    }
    for (const line of data.priors.split('\n')) {
      const tab = line.lastIndexOf('\t');
      if (tab > 0) g.priors.set(line.slice(0, tab), line.slice(tab + 1));
    }
    for (const line of data.clusters?.split('\n') ?? []) {
      const tab = line.lastIndexOf('\t');
      if (tab > 0) g.clusters.set(line.slice(0, tab), line.slice(tab + 1));
    }
    return g;
  }
}

/** Short letters for a flag set ("PL" for person-or-place), used in feature names. */
export function flagLetters(flags: number): string {
  let s = '';
  for (const [bit, name] of BIT_NAMES) if (flags & bit) s += name;
  return s;
}
