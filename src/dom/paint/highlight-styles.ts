/**
 * The stylesheet for painted highlights: `::highlight(kontext-*)` rules for
 * the CSS Custom Highlight API and the same look for the wrapper-element
 * fallback. Kinds differ by underline style as well as colour (solid,
 * dotted, double, wavy; quotes tinted), so they stay distinguishable
 * without colour vision. Only properties ::highlight() supports are used.
 */
import type { HighlightKind } from '../../shared/kinds.ts';
import type { EntityKind, Palette } from './palette.ts';
import type { HighlightStyle } from '../../shared/settings.ts';

export const HIGHLIGHT_NAME: Record<HighlightKind | 'focus' | 'flash', string> = {
  quote: 'kontext-quote',
  per: 'kontext-per',
  loc: 'kontext-loc',
  org: 'kontext-org',
  misc: 'kontext-misc',
  focus: 'kontext-focus',
  flash: 'kontext-flash',
};

export const MARK_TAG = 'kontext-mark';
export const STYLE_ID = 'kontext-highlight-style';

const LINE_STYLE: Record<EntityKind, string> = { per: 'solid', loc: 'dotted', org: 'double', misc: 'wavy' };

function declarations(kind: HighlightKind | 'focus' | 'flash', p: Palette, style: HighlightStyle): string {
  if (kind === 'focus' || kind === 'flash') {
    return `background-color: ${p.focusBg}; color: ${p.focusText};`;
  }
  if (kind === 'quote') {
    return style === 'full'
      ? `background-color: ${p.quoteTint};`
      : `text-decoration-line: overline; text-decoration-style: dashed; text-decoration-color: currentcolor; text-decoration-thickness: 1px;`;
  }
  const thickness = style === 'full' ? '2px' : '1px';
  return `text-decoration-line: underline; text-decoration-style: ${LINE_STYLE[kind]}; `
    + `text-decoration-color: ${p.underline[kind]}; text-decoration-thickness: ${thickness}; text-decoration-skip-ink: none;`;
}

function important(decls: string): string {
  return decls.split(';').map((d) => d.trim()).filter(Boolean).map((d) => `${d} !important;`).join(' ');
}

/** CSS text for both painting modes. Later rules win on overlap, so entities sit on top of the quote tint. */
export function highlightCss(p: Palette, style: HighlightStyle): string {
  const kinds = ['quote', 'misc', 'org', 'loc', 'per', 'flash', 'focus'] as const;
  const rules: string[] = [];
  for (const k of kinds) {
    // !important: a page's own rules for our highlight names must not restyle or hide them.
    const d = important(declarations(k, p, style));
    rules.push(`::highlight(${HIGHLIGHT_NAME[k]}) { ${d} }`);
    rules.push(`${MARK_TAG}[data-kontext-kind~="${k}"] { ${d} }`);
  }
  rules.push(`${MARK_TAG} { display: inline !important; margin: 0 !important; padding: 0 !important; border: 0 !important; font: inherit !important; }`);
  return rules.join('\n');
}
