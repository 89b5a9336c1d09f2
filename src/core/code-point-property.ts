/**
 * A Unicode property test for single code points (`\p{L}`, `\p{Lu}`…) that
 * runs its regex once per code point met and remembers the answer: a
 * property class is costly to compile and run on a page's first call, and
 * news text repeats a few hundred characters. BMP answers sit in a 64 KB
 * table made on first use, astral ones in a map. A lone surrogate is its own
 * code point under /u and has no letter property, so it answers false.
 */
export type CodePointTest = (cp: number) => boolean;

/** `re` must match exactly one code point, e.g. /^\p{Lu}$/u. */
export function memoisedProperty(re: RegExp): CodePointTest {
  /** 0 not yet seen, 1 has the property, 2 has not. */
  let bmp: Uint8Array | null = null;
  const astral = new Map<number, boolean>();
  return (cp) => {
    if (cp > 0xffff) {
      let v = astral.get(cp);
      if (v === undefined) {
        v = re.test(String.fromCodePoint(cp));
        astral.set(cp, v);
      }
      return v;
    }
    const table = (bmp ??= new Uint8Array(0x10000));
    let v = table[cp]!;
    if (v === 0) {
      v = cp >= 0xd800 && cp <= 0xdfff ? 2 : re.test(String.fromCharCode(cp)) ? 1 : 2;
      table[cp] = v;
    }
    return v === 1;
  };
}
