/**
 * Highlight colours chosen for the page they land on. Starts from the
 * Okabe–Ito palette (distinguishable with the common colour-vision
 * deficiencies) and adjusts each colour until it meets WCAG contrast on the
 * page's actual background: underlines ≥ 3:1 (non-text contrast), and the
 * quote tint keeps the page's text at ≥ 4.5:1 (or at its original contrast
 * if the page was below that already). Kinds also differ by underline style,
 * so colour is never the only cue.
 */
import type { HighlightKind } from '../../shared/kinds.ts';
import { contrast, hex, mix, over, rgba, type Rgb } from './colour.ts';

export type Scheme = 'light' | 'dark';
export type EntityKind = Exclude<HighlightKind, 'quote'>;

export interface Palette {
  scheme: Scheme;
  /** Underline colour per entity kind (hex). */
  underline: Record<EntityKind, string>;
  /** Quote tint as rgba, composited over the page. */
  quoteTint: string;
  /** Focus/flash mark: background and text colour. */
  focusBg: string;
  focusText: string;
}

const WHITE: Rgb = { r: 255, g: 255, b: 255 };
const BLACK: Rgb = { r: 0, g: 0, b: 0 };

const OKABE_ITO = {
  blue: { r: 0x00, g: 0x72, b: 0xb2 },
  skyBlue: { r: 0x56, g: 0xb4, b: 0xe9 },
  green: { r: 0x00, g: 0x9e, b: 0x73 },
  vermillion: { r: 0xd5, g: 0x5e, b: 0x00 },
  orange: { r: 0xe6, g: 0x9f, b: 0x00 },
  purple: { r: 0xcc, g: 0x79, b: 0xa7 },
  yellow: { r: 0xf0, g: 0xe4, b: 0x42 },
} satisfies Record<string, Rgb>;

const BASE: Record<Scheme, Record<EntityKind, Rgb>> = {
  light: { per: OKABE_ITO.blue, loc: OKABE_ITO.green, org: OKABE_ITO.vermillion, misc: OKABE_ITO.purple },
  dark: { per: OKABE_ITO.skyBlue, loc: OKABE_ITO.green, org: OKABE_ITO.orange, misc: OKABE_ITO.purple },
};

export const UNDERLINE_MIN_CONTRAST = 3;
export const TEXT_MIN_CONTRAST = 4.5;

export function schemeFor(bg: Rgb): Scheme {
  return contrast(bg, BLACK) >= contrast(bg, WHITE) ? 'light' : 'dark';
}

/** Move a colour toward black (light pages) or white (dark pages) until it stands out from the background. */
export function ensureContrast(colour: Rgb, bg: Rgb, min: number): Rgb {
  const target = schemeFor(bg) === 'light' ? BLACK : WHITE;
  let c = colour;
  for (let step = 1; step <= 20 && contrast(c, bg) < min; step++) c = mix(colour, target, step / 20);
  return c;
}

/** The strongest tint alpha (up to `maxAlpha`) that keeps the text readable on the tinted background. */
export function tintAlpha(tint: Rgb, bg: Rgb, text: Rgb, maxAlpha: number): number {
  const required = Math.min(TEXT_MIN_CONTRAST, contrast(text, bg));
  for (let a = maxAlpha; a > 0.02; a -= 0.02) {
    if (contrast(text, over({ ...tint, a }, bg)) >= required) return a;
  }
  return 0;
}

export function choosePalette(bg: Rgb, text: Rgb): Palette {
  const scheme = schemeFor(bg);
  const base = BASE[scheme];
  const underline = {} as Record<EntityKind, string>;
  for (const kind of Object.keys(base) as EntityKind[]) {
    underline[kind] = hex(ensureContrast(base[kind], bg, UNDERLINE_MIN_CONTRAST));
  }
  const tint = scheme === 'light' ? OKABE_ITO.yellow : OKABE_ITO.orange;
  const alpha = tintAlpha(tint, bg, text, scheme === 'light' ? 0.45 : 0.3);
  const focus = ensureContrast(scheme === 'light' ? OKABE_ITO.blue : OKABE_ITO.skyBlue, bg, UNDERLINE_MIN_CONTRAST);
  const focusText = contrast(WHITE, focus) >= contrast(BLACK, focus) ? WHITE : BLACK;
  return { scheme, underline, quoteTint: rgba(tint, alpha), focusBg: hex(focus), focusText: hex(focusText) };
}
