import { describe, expect, it } from 'vitest';
import type { Span } from '../core/types.ts';
import type { HighlightKind } from '../shared/kinds.ts';
import { focusTargets, stepFocus } from './focus-order.ts';

const spans = new Map<HighlightKind, Span[]>([
  ['quote', [{ start: 0, end: 40 }, { start: 100, end: 130 }]],
  ['per', [{ start: 10, end: 15 }, { start: 60, end: 70 }]],
  ['loc', [{ start: 80, end: 85 }]],
]);
const all = new Set<HighlightKind>(['quote', 'per', 'loc']);

describe('focusTargets', () => {
  it('orders by position, an enclosing quote before the names in it', () => {
    expect(focusTargets(spans, all).map((t) => `${t.layer}${t.index}`)).toEqual(['quote0', 'per0', 'per1', 'loc0', 'quote1']);
  });
  it('leaves out hidden kinds', () => {
    expect(focusTargets(spans, new Set(['per'])).map((t) => t.start)).toEqual([10, 60]);
  });
});

describe('stepFocus', () => {
  const targets = focusTargets(spans, all);
  it('walks forward and wraps around', () => {
    let cur = stepFocus(targets, null, 1);
    const seen: number[] = [];
    for (let i = 0; i < 6; i++) { seen.push(cur!.start); cur = stepFocus(targets, cur, 1); }
    expect(seen).toEqual([0, 10, 60, 80, 100, 0]);
  });
  it('walks backward from the first target to the last', () => {
    expect(stepFocus(targets, targets[0]!, -1)?.start).toBe(100);
  });
  it('starts where the reader is looking', () => {
    expect(stepFocus(targets, null, 1, 3)?.start).toBe(80);
    expect(stepFocus(targets, null, -1, 3)?.start).toBe(60);
  });
  it('continues sensibly when the focused kind was switched off', () => {
    const onlyPer = focusTargets(spans, new Set(['per']));
    const focusedLoc = targets.find((t) => t.layer === 'loc')!;
    expect(stepFocus(onlyPer, focusedLoc, 1)?.start).toBe(10);
    expect(stepFocus(onlyPer, focusedLoc, -1)?.start).toBe(60);
  });
  it('returns null with nothing to focus', () => {
    expect(stepFocus([], null, 1)).toBeNull();
  });
});
