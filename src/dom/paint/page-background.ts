/**
 * The colours the article is actually shown in: the first opaque background
 * found walking up from the article root (pages often set it on a wrapper,
 * not on body), and the root's text colour. prefers-color-scheme alone is
 * not enough: many sites ignore it, some are dark regardless.
 */
import { over, parseCssColour, type Rgb } from './colour.ts';

export interface PageColours { background: Rgb; text: Rgb }

export function detectPageColours(root: Element): PageColours {
  const view = root.ownerDocument.defaultView;
  const dark = view?.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  // The canvas colour the browser uses when nothing is painted.
  let background: Rgb = dark ? { r: 18, g: 18, b: 18 } : { r: 255, g: 255, b: 255 };
  const layers: { r: number; g: number; b: number; a: number }[] = [];
  for (let el: Element | null = root; el; el = el.parentElement) {
    const c = view ? parseCssColour(view.getComputedStyle(el).backgroundColor) : null;
    if (!c || c.a === 0) continue;
    layers.push(c);
    if (c.a >= 1) break;
  }
  // Composite translucent layers from the outermost inward.
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i];
    if (layer) background = over(layer, background);
  }
  const textRaw = view ? parseCssColour(view.getComputedStyle(root).color) : null;
  const text = textRaw ? over(textRaw, background) : dark ? { r: 230, g: 230, b: 230 } : { r: 20, g: 20, b: 20 };
  return { background, text };
}
