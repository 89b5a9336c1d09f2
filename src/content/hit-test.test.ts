import { describe, expect, it } from 'vitest';
import { spanIndexAt } from './hit-test.ts';

describe('spanIndexAt', () => {
  const spans = [{ start: 0, end: 5 }, { start: 10, end: 20 }, { start: 12, end: 14 }, { start: 30, end: 31 }];
  it('finds the spans around an offset, nested ones included', () => {
    expect(spanIndexAt(spans, 2)).toEqual([0]);
    expect(spanIndexAt(spans, 13).sort()).toEqual([1, 2]);
    expect(spanIndexAt(spans, 25)).toEqual([]);
  });
  it('counts the end offset as inside (the caret snaps to the nearer edge of a character)', () => {
    expect(spanIndexAt(spans, 5)).toEqual([0]);
    expect(spanIndexAt(spans, 31)).toEqual([3]);
  });
  it('handles the edges of the list', () => {
    expect(spanIndexAt([], 3)).toEqual([]);
    expect(spanIndexAt(spans, -1)).toEqual([]);
  });
});
