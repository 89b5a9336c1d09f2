import { describe, expect, it } from 'vitest';
import { anchorBox, placeBelowOrAbove } from './popup-position.ts';

const box = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });
const view = { width: 1000, height: 800 };

describe('popup placement', () => {
  it('goes below the words, left edges aligned, 6 px away', () => {
    expect(placeBelowOrAbove(box(100, 200, 180, 220), { width: 300, height: 150 }, view)).toEqual({ x: 100, y: 226 });
  });

  it('goes above when there is no room below, and keeps 8 px inside the viewport sideways', () => {
    expect(placeBelowOrAbove(box(900, 700, 980, 720), { width: 300, height: 150 }, view)).toEqual({ x: 692, y: 544 });
    expect(placeBelowOrAbove(box(-40, 100, 20, 120), { width: 300, height: 150 }, view).x).toBe(8);
  });

  it('takes the side with more room when it fits on neither', () => {
    expect(placeBelowOrAbove(box(10, 300, 50, 320), { width: 100, height: 700 }, view).y).toBe(326);
    expect(placeBelowOrAbove(box(10, 600, 50, 620), { width: 100, height: 700 }, view).y).toBe(600 - 6 - 700);
  });

  it('anchors a name that wraps to the line under the pointer, else to its last line', () => {
    const lines = [box(800, 100, 990, 120), box(10, 124, 60, 144)];
    const whole = box(10, 100, 990, 144);
    expect(anchorBox(lines, whole, { x: 850, y: 110 })).toEqual(lines[0]);
    expect(anchorBox(lines, whole, { x: 30, y: 130 })).toEqual(lines[1]);
    expect(anchorBox(lines, whole)).toEqual({ left: 10, right: 60, top: 100, bottom: 144 });
    // Lines without a box are ignored; nothing left means the whole range's box.
    expect(anchorBox([box(5, 5, 5, 5)], whole)).toEqual(whole);
  });
});
