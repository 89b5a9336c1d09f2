import { describe, expect, it } from 'vitest';
import { memoisedProperty } from './code-point-property.ts';

describe('memoisedProperty', () => {
  it('answers as its regex for every BMP code point, twice, and for astral ones', () => {
    const re = /^\p{Lu}$/u;
    const test = memoisedProperty(re);
    for (let round = 0; round < 2; round++) {
      for (let cp = 0; cp <= 0xffff; cp++) {
        const expected = cp >= 0xd800 && cp <= 0xdfff ? false : re.test(String.fromCharCode(cp));
        if (test(cp) !== expected) expect.fail(`U+${cp.toString(16)} round ${round}`);
      }
    }
    // Mathematical bold capital A is \p{Lu}; its small a is not; an emoji is neither.
    for (const cp of [0x1d400, 0x1d41a, 0x1f600, 0x10400, 0x10428]) expect(test(cp)).toBe(re.test(String.fromCodePoint(cp)));
    expect(test(0x1d400)).toBe(true);
    expect(test(0x1d41a)).toBe(false);
  });
});
