import { describe, expect, it } from 'vitest';
import { contrast, over, parseCssColour, type Rgb } from './colour.ts';
import { choosePalette, ensureContrast, schemeFor, tintAlpha, UNDERLINE_MIN_CONTRAST } from './palette.ts';

const rgb = (s: string): Rgb => {
  const c = parseCssColour(s);
  if (!c) throw new Error('bad colour ' + s);
  return c;
};

const PAGES: [string, string, string][] = [
  ['white page', '#ffffff', '#222222'],
  ['cream page', '#f7f1e3', '#333333'],
  ['black page', '#000000', '#eeeeee'],
  ['dark blue page', '#0b2a4a', '#f0f0f0'],
  ['mid grey page', '#777777', '#000000'],
];

describe('parseCssColour', () => {
  it('reads the forms getComputedStyle returns', () => {
    expect(parseCssColour('rgb(1, 2, 3)')).toEqual({ r: 1, g: 2, b: 3, a: 1 });
    expect(parseCssColour('rgba(10, 20, 30, 0.5)')).toEqual({ r: 10, g: 20, b: 30, a: 0.5 });
    expect(parseCssColour('rgb(10 20 30 / 50%)')).toEqual({ r: 10, g: 20, b: 30, a: 0.5 });
    expect(parseCssColour('#fff')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseCssColour('transparent')?.a).toBe(0);
    expect(parseCssColour('oklch(0.5 0.1 20)')).toBeNull();
  });
});

describe('choosePalette', () => {
  it.each(PAGES)('keeps underlines at ≥ 3:1 on a %s', (_name, bg, text) => {
    const p = choosePalette(rgb(bg), rgb(text));
    for (const colour of Object.values(p.underline)) {
      expect(contrast(rgb(colour), rgb(bg))).toBeGreaterThanOrEqual(UNDERLINE_MIN_CONTRAST);
    }
  });

  it.each(PAGES)('keeps the text readable on the quote tint on a %s', (_name, bg, text) => {
    const p = choosePalette(rgb(bg), rgb(text));
    const tint = parseCssColour(p.quoteTint);
    expect(tint).not.toBeNull();
    const tinted = over(tint!, rgb(bg));
    const required = Math.min(4.5, contrast(rgb(text), rgb(bg)));
    expect(contrast(rgb(text), tinted)).toBeGreaterThanOrEqual(required - 0.01);
  });

  it('picks light colours for dark pages and dark ones for light pages', () => {
    expect(choosePalette(rgb('#111'), rgb('#eee')).scheme).toBe('dark');
    expect(choosePalette(rgb('#fafafa'), rgb('#111')).scheme).toBe('light');
  });

  it('gives each entity kind its own colour', () => {
    for (const [, bg, text] of PAGES) {
      const colours = Object.values(choosePalette(rgb(bg), rgb(text)).underline);
      expect(new Set(colours).size).toBe(colours.length);
    }
  });

  it('focus mark text contrasts with its background', () => {
    for (const [, bg, text] of PAGES) {
      const p = choosePalette(rgb(bg), rgb(text));
      expect(contrast(rgb(p.focusBg), rgb(p.focusText))).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('ensureContrast / tintAlpha', () => {
  it('darkens a pale colour on white until it passes', () => {
    const pale = rgb('#f0e442');
    expect(contrast(pale, rgb('#fff'))).toBeLessThan(3);
    expect(contrast(ensureContrast(pale, rgb('#fff'), 3), rgb('#fff'))).toBeGreaterThanOrEqual(3);
  });
  it('returns no tint when any tint would make the text unreadable', () => {
    // Black text on dark grey is below 4.5:1 already; any dark tint lowers it further.
    expect(tintAlpha(rgb('#000'), rgb('#595959'), rgb('#000'), 0.5)).toBe(0);
    // A light tint on the same page raises the contrast, so it is allowed at full strength.
    expect(tintAlpha(rgb('#fff'), rgb('#595959'), rgb('#000'), 0.5)).toBeCloseTo(0.5);
  });
  it('classifies mid tones by which text colour reads better', () => {
    expect(schemeFor(rgb('#777'))).toBe('light');
    expect(schemeFor(rgb('#555'))).toBe('dark');
  });
});
