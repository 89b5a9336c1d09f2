import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findMarkedQuotes } from './marks.ts';

const spans = (text: string): string[] => findMarkedQuotes(text).map((q) => text.slice(q.start, q.end));

describe('findMarkedQuotes', () => {
  it('pairs every common quotation style', () => {
    expect(spans('Er sagte: „Ja.“ Dann ‚nein‘.')).toEqual(['Ja.', 'nein']);
    expect(spans('Sie rief »Halt!« und «Stopp!» zugleich.')).toEqual(['Halt!', 'Stopp!']);
    expect(spans('He said “yes” and ‘no’.')).toEqual(['yes', 'no']);
    expect(spans('He said "yes" and \'maybe\'.')).toEqual(['yes', 'maybe']);
    expect(spans("He said ''yes,'' twice.")).toEqual(['yes,']);
  });

  it('reports offsets without the marks', () => {
    const text = 'A „bc“ d';
    const [q] = findMarkedQuotes(text);
    expect(q).toMatchObject({ open: 2, close: 5, start: 3, end: 5 });
  });

  it('handles nested quotes with depth', () => {
    const text = '„Er nannte es ‚Unsinn‘“, sagte sie.';
    const qs = findMarkedQuotes(text);
    expect(qs.map((q) => [text.slice(q.start, q.end), q.depth])).toEqual([
      ['Er nannte es ‚Unsinn‘', 0],
      ['Unsinn', 1],
    ]);
  });

  it('joins English quotes that run over paragraphs', () => {
    const text = 'She said:\n\n“First paragraph.\n\n“Second paragraph.”\n\nAfter.';
    const qs = findMarkedQuotes(text);
    expect(qs).toHaveLength(1);
    expect(text.slice(qs[0]!.start, qs[0]!.end)).toBe('First paragraph.\n\n“Second paragraph.');
    expect(qs[0]!.paragraphs).toBe(2);
  });

  it('does not treat apostrophes and inch signs as quotes', () => {
    expect(spans("Trump's plan, geht's noch? Rock 'n' Roll, a 12\" screen and 5'10\" tall.")).toEqual([]);
    expect(spans('Trump’s aides say it’s „gut“.')).toEqual(['gut']);
  });

  it('recovers locally from a stray mark instead of swallowing the text', () => {
    const text = 'Ein „Tippfehler ohne Ende.\n\nDann sagte er: „Alles gut.“ Ende.';
    expect(spans(text)).toEqual(['Alles gut.']);
    const text2 = 'A stray “ here, then “a real quote” follows.';
    expect(spans(text2)).toEqual(['a real quote']);
    const text3 = 'He wrote "oops and then "fine" here.';
    expect(spans(text3)).toEqual(['fine']);
  });

  it('never throws and keeps offsets in range on random text with stray marks', () => {
    const alphabet = fc.constantFrom(...'ab c.,:\n\'"„“”‚‘’«»‹›1 '.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 300 }).map((a) => a.join('')), (text) => {
        const qs = findMarkedQuotes(text);
        for (const q of qs) {
          expect(q.open).toBeGreaterThanOrEqual(0);
          expect(q.start).toBeGreaterThan(q.open);
          expect(q.end).toBeGreaterThanOrEqual(q.start);
          expect(q.end).toBeLessThanOrEqual(q.close);
          expect(q.close).toBeLessThan(text.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is linear: a long text full of stray marks is fast', () => {
    const text = 'Er „sagte " dass \'es ’s « gut ‚ sei.\n'.repeat(20000);
    const t0 = performance.now();
    findMarkedQuotes(text);
    expect(performance.now() - t0).toBeLessThan(1500);
  });
});
