import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRootPath } from './detect.ts';

/** The definition isRootPath replaces. */
const ROOT_PATH = /^\/(index\.\w+|home|start|[a-z]{2}(-[a-z]{2})?)\/?$/i;
const oracle = (p: string): boolean => p === '/' || p === '' || ROOT_PATH.test(p);

describe('isRootPath', () => {
  it('takes front pages and nothing deeper', () => {
    for (const p of ['', '/', '/index.html', '/INDEX.PHP/', '/home', '/Start/', '/de', '/en-US/', '/index.a_1']) expect(isRootPath(p), p).toBe(true);
    for (const p of ['/politik', '/de/politik', '/index.', '/index.html/x', '/homes', '/e', '/eng', '/en-u', '//', 'de', '/de//', '/ßtart']) expect(isRootPath(p), p).toBe(false);
  });

  it('agrees with the regex on random paths and on every code unit in every position of short ones', () => {
    const unit = fc.constantFrom('/', '-', '.', '_', 'a', 'Z', 'e', 'n', 'h', 'o', 'm', 's', 't', 'r', 'i', 'd', 'x', 'I', 'N', 'D', 'E', 'X', '1', 'ſ', 'K', '\u212a', '%', ' ');
    const path = fc.array(unit, { maxLength: 14 }).map((a) => a.join(''));
    const shaped = fc.tuple(fc.constantFrom('/', '', '/index.', '/home', '/start', '/de', '/en-', '/xx-yy'), path).map(([a, b]) => a + b);
    fc.assert(fc.property(fc.oneof(path, shaped, fc.string({ maxLength: 12 })), (p) => {
      expect(isRootPath(p), p).toBe(oracle(p));
    }), { numRuns: 20000 });
    for (const base of ['/de', '/en-us', '/home', '/start', '/index.h']) {
      for (let i = 0; i <= base.length; i++) {
        for (let c = 0; c < 0x10000; c += c < 0x300 ? 1 : 97) {
          const p = base.slice(0, i) + String.fromCharCode(c) + base.slice(i);
          if (isRootPath(p) !== oracle(p)) throw new Error(`${JSON.stringify(p)}: ${isRootPath(p)}`);
        }
      }
    }
  });
});
