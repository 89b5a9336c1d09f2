import { describe, expect, it } from 'vitest';
import { highlightCss, HIGHLIGHT_NAME } from './highlight-styles.ts';
import { choosePalette } from './palette.ts';

const palette = choosePalette({ r: 255, g: 255, b: 255 }, { r: 20, g: 20, b: 20 });

function rule(css: string, name: string): string {
  const m = new RegExp(`::highlight\\(${name}\\) \\{([^}]*)\\}`).exec(css);
  if (!m?.[1]) throw new Error('no rule for ' + name);
  return m[1];
}

describe('highlightCss', () => {
  it('has a ::highlight rule and a fallback rule for every kind', () => {
    const css = highlightCss(palette, 'full');
    for (const [kind, name] of Object.entries(HIGHLIGHT_NAME)) {
      expect(css).toContain(`::highlight(${name})`);
      expect(css).toContain(`kontext-mark[data-kontext-kind~="${kind}"]`);
    }
  });

  it('tells the entity kinds apart without colour: each has its own underline style', () => {
    const css = highlightCss(palette, 'full');
    const styles = ['kontext-per', 'kontext-loc', 'kontext-org', 'kontext-misc']
      .map((n) => /text-decoration-style: (\w+)/.exec(rule(css, n))?.[1]);
    expect(new Set(styles).size).toBe(4);
    expect(rule(css, 'kontext-quote')).toMatch(/background-color/);
  });

  it('the subtle style drops the quote tint', () => {
    expect(rule(highlightCss(palette, 'subtle'), 'kontext-quote')).not.toMatch(/background-color/);
  });

  it('uses only properties ::highlight() supports', () => {
    const allowed = new Set(['background-color', 'color', 'text-decoration-line', 'text-decoration-style', 'text-decoration-color', 'text-decoration-thickness', 'text-decoration-skip-ink']);
    const css = highlightCss(palette, 'full');
    for (const name of Object.values(HIGHLIGHT_NAME)) {
      for (const decl of rule(css, name).split(';').map((d) => d.trim()).filter(Boolean)) {
        expect(allowed, decl).toContain(decl.split(':')[0]);
        expect(decl).toMatch(/!important$/);
      }
    }
  });
});
